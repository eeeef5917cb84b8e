import { Group, Loader, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCloudOff, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../design-system/format.ts'
import { useErrorMessage } from '../../../design-system/forms.tsx'
import type { SaveState } from './autosaver.ts'

/** "Saving…", "Saved at 10:42", "Offline — will retry": announced politely to screen readers. */
export function SaveStatus({ state, label }: { state: SaveState; label?: string }) {
  const { t } = useTranslation()
  const f = useFormat()
  const message = useErrorMessage()
  const time = (d: Date) =>
    new Intl.DateTimeFormat(f.locale === 'en' ? 'en-GB' : f.locale, { timeStyle: 'short' }).format(d)
  let icon = null
  let text = ''
  let color = 'dimmed'
  switch (state.kind) {
    case 'idle':
      text = t('applications.save.idle')
      break
    case 'pending':
      icon = <IconPencil size={14} aria-hidden />
      text = t('applications.save.pending')
      break
    case 'saving':
      icon = <Loader size={12} aria-hidden />
      text = t('applications.save.saving')
      break
    case 'saved':
      icon = <IconCheck size={14} aria-hidden />
      text = t('applications.save.saved', { time: time(state.at) })
      color = 'var(--mantine-color-green-light-color)'
      break
    case 'offline':
      icon = <IconCloudOff size={14} aria-hidden />
      text = t('applications.save.offline')
      color = 'var(--mantine-color-orange-light-color)'
      break
    case 'conflict':
      icon = <IconAlertTriangle size={14} aria-hidden />
      text = t('applications.save.conflict')
      color = 'var(--mantine-color-orange-light-color)'
      break
    case 'error':
      icon = <IconAlertTriangle size={14} aria-hidden />
      text = t('applications.save.error', { reason: message(state.error) })
      color = 'red'
      break
  }
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="save-status" data-state={state.kind}>
      {icon}
      <Text size="sm" c={color}>
        {label ? `${label}: ` : ''}
        {text}
      </Text>
    </Group>
  )
}

/** "Updated by Rūta Kazlauskienė just now": others' answers that reached the open editor. */
export function UpdatedBy({ names }: { names: readonly string[] }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Text size="xs" c="dimmed" role="status" data-testid="updated-by">
      {t('applications.save.updatedBy', { names: f.list([...names]) })}
    </Text>
  )
}
