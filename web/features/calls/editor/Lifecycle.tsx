import { Button, List, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Call } from '../../../../shared/contracts/calls.ts'
import { AbilityButton } from '../../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../../design-system/ConfirmDialog.tsx'
import { useFormat } from '../../../design-system/format.ts'
import { callKeys, callsApi } from '../api.ts'

type Action = 'publish' | 'unpublish' | 'cancel'

/** Which actions a call's phase allows (the server decides; its abilities, when given, win). */
function allowedByPhase(call: Call, action: Action): boolean {
  if (action === 'publish') return call.phase === 'draft'
  if (action === 'unpublish') return call.phase === 'scheduled'
  return call.phase === 'draft' || call.phase === 'scheduled' || call.phase === 'open'
}

/**
 * Publish, unpublish and cancel, each behind a dialog that says what will happen: the call opens and
 * closes by itself at its times, and its configuration is frozen when it opens.
 */
export function LifecycleActions({
  call,
  dirty,
  onChanged,
}: {
  call: Call
  dirty: boolean
  onChanged: (saved: Call) => void
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const [action, setAction] = useState<Action | null>(null)
  const run = useMutation({
    mutationFn: (a: Action) => callsApi[a](call.id),
    onSuccess: async (saved, a) => {
      onChanged(saved)
      await queryClient.invalidateQueries({ queryKey: callKeys.all })
      notifications.show({ color: 'green', message: t(`calls.lifecycle.${a}.done`) })
      setAction(null)
    },
  })
  const zone = call.schedule.timeZone
  const opens = f.dateTime(call.schedule.opensAt, zone, true)
  const deadline = f.dateTime(call.schedule.deadline, zone, true)
  /** An action is offered when the phase allows it; refused for another reason, it is shown and explained. */
  const ability = (a: Action) => {
    const fromServer = call.abilities[a]
    if (fromServer) return fromServer.allowed || fromServer.reason !== 'wrong_status' ? fromServer : undefined
    return allowedByPhase(call, a) ? { allowed: true } : undefined
  }
  const button = (a: Action, color?: string, variant: 'filled' | 'default' = 'default') => {
    const ab = ability(a)
    if (!ab) return null
    // Publishing publishes what is saved: unsaved changes must be saved (or dropped) first.
    if (a === 'publish' && dirty && ab.allowed)
      return (
        <Button key={a} variant={variant} disabled>
          {t(`calls.lifecycle.${a}.button`)}
        </Button>
      )
    return (
      <AbilityButton key={a} ability={ab} variant={variant} color={color} onClick={() => setAction(a)}>
        {t(`calls.lifecycle.${a}.button`)}
      </AbilityButton>
    )
  }
  const message =
    action === 'publish' ? (
      <Stack gap="xs">
        <Text>{t('calls.lifecycle.publish.text', { code: call.code })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('calls.lifecycle.publish.opens', { time: opens })}</List.Item>
          <List.Item>{t('calls.lifecycle.publish.closes', { time: deadline })}</List.Item>
          <List.Item>{t('calls.lifecycle.publish.frozen')}</List.Item>
          <List.Item>{t('calls.lifecycle.publish.before')}</List.Item>
        </List>
      </Stack>
    ) : action === 'unpublish' ? (
      t('calls.lifecycle.unpublish.text', { time: opens })
    ) : action === 'cancel' ? (
      t(call.phase === 'open' ? 'calls.lifecycle.cancel.textOpen' : 'calls.lifecycle.cancel.text')
    ) : (
      ''
    )
  return (
    <>
      {button('publish', undefined, 'filled')}
      {button('unpublish')}
      {button('cancel', 'red')}
      {dirty && ability('publish')?.allowed ? (
        <Text size="xs" c="dimmed" w="100%">
          {t('calls.lifecycle.saveFirst')}
        </Text>
      ) : null}
      <ConfirmDialog
        opened={action !== null}
        title={action ? t(`calls.lifecycle.${action}.title`, { code: call.code }) : ''}
        message={message}
        confirmLabel={action ? t(`calls.lifecycle.${action}.confirm`) : ''}
        danger={action === 'cancel'}
        loading={run.isPending}
        error={run.error}
        onConfirm={() => action && run.mutate(action)}
        onClose={() => {
          setAction(null)
          run.reset()
        }}
      />
    </>
  )
}
