import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { type ReactNode, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './forms.tsx'

interface ConfirmDialogProps {
  opened: boolean
  title: string
  message: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onClose: () => void
  /** Destructive actions get a red confirm button. */
  danger?: boolean
  loading?: boolean
  error?: unknown
  children?: ReactNode
}

/**
 * A modal that asks before a consequential action; shows the action's error without closing. While it fades
 * out it keeps the texts it was opened with: callers often derive them from the state that closing clears,
 * and a dialog without a title and a button without a label would show (and be announced) for a moment.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation()
  const shown = useRef({
    title: props.title,
    message: props.message,
    confirmLabel: props.confirmLabel,
    danger: props.danger,
  })
  if (props.opened)
    shown.current = {
      title: props.title,
      message: props.message,
      confirmLabel: props.confirmLabel,
      danger: props.danger,
    }
  const view = shown.current
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={view.title} centered>
      <Stack>
        {typeof view.message === 'string' ? <Text>{view.message}</Text> : view.message}
        {props.children}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} disabled={props.loading}>
            {t('common.cancel')}
          </Button>
          <Button color={view.danger ? 'red' : undefined} onClick={props.onConfirm} loading={props.loading}>
            {view.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
