import { Alert, Button, Grid, Group, Modal, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BrokerageEvent, Session } from '../../../shared/contracts/brokerage.ts'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert, translateValidation } from '../../design-system/forms.tsx'
import { isoToZoned, zonedToIso } from '../workshops/time.ts'
import { brokerageApi, brokerageKeys } from './api.ts'
import { useEventTime } from './shared.tsx'

/** A session's name as people read it: its title, or "Session" and its times (in the event's zone). */
export function useSessionName(event: BrokerageEvent) {
  const { t } = useTranslation()
  const time = useEventTime(event.timeZone)
  return (s: Session | null) => (s ? s.title || `${t('brokerage.session')} ${time.slot(s)}` : '')
}

/** Widths of the session form's own box (a container query) at which its layout changes. */
const formBreakpoints = { xs: '420px', sm: '600px', md: '760px', lg: '1000px', xl: '1200px' }

/** Meetings placed in the session: its start, end and slot length stay, and it cannot be deleted. */
export const inUse = (s: Session | null): boolean => (s?.meetingCount ?? 0) > 0

/** The alert of a failed session write: a 409 `brokerage_session_in_use` said in the words of the action. */
function SessionError({ error, inUseText }: { error: unknown; inUseText: string }) {
  const { t } = useTranslation()
  if (isApiError(error) && error.code === 'brokerage_session_in_use')
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('common.error')} role="alert">
        {inUseText}
      </Alert>
    )
  return <ErrorAlert error={error} />
}

/**
 * The form of a session, to add one (`session` null, on the organiser page) or to change one (in `SessionDialog`).
 * Once meetings are placed in the session its start, end and slot length are shown but cannot be changed, and its
 * tables cannot go below the highest table in use, as the API rules; a 409 from a meeting placed meanwhile is
 * explained, the fields that can still change stay as typed.
 */
export function SessionForm(props: {
  event: BrokerageEvent
  session: Session | null
  onDone?: () => void
  onCancel?: () => void
}) {
  const { event, session } = props
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const locked = inUse(session)
  const minTables = Math.max(1, session?.highestTableInUse ?? 0)
  const required = (v: unknown) => (v === '' || v === null || v === undefined ? t('validation.required') : null)
  const form = useForm({
    mode: 'controlled',
    initialValues: session
      ? {
          title: session.title,
          startsAt: isoToZoned(session.startsAt, event.timeZone),
          endsAt: isoToZoned(session.endsAt, event.timeZone),
          slotMinutes: session.slotMinutes as number | string,
          tables: session.tables as number | string,
        }
      : { title: '', startsAt: '', endsAt: '', slotMinutes: 20 as number | string, tables: 10 as number | string },
    validate: { startsAt: required, endsAt: required, slotMinutes: required, tables: required },
  })
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      // A session in use keeps its stored instants (to the second), whatever the inputs show.
      const body = {
        title: v.title,
        startsAt: locked && session ? session.startsAt : (zonedToIso(v.startsAt, event.timeZone) ?? ''),
        endsAt: locked && session ? session.endsAt : (zonedToIso(v.endsAt, event.timeZone) ?? ''),
        slotMinutes: locked && session ? session.slotMinutes : Number(v.slotMinutes),
        tables: Number(v.tables),
      }
      return session ? brokerageApi.updateSession(event.id, session.id, body) : brokerageApi.addSession(event.id, body)
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: brokerageKeys.all })
      if (session) notifications.show({ color: 'green', message: t('brokerage.sessions.saved') })
      else form.reset()
      props.onDone?.()
    },
    onError: (e) => {
      // The session's rules (ends_before_start, sessions_overlap, …) in the brokerage texts; the rest as any form.
      if (isApiError(e) && e.fieldErrors.length > 0) {
        const errors: Record<string, ReactNode> = {}
        for (const fe of e.fieldErrors) {
          const key = `brokerage.sessions.errors.${fe.code}`
          errors[fe.path] ??= i18n.exists(key)
            ? t(key)
            : translateValidation(t, (k) => i18n.exists(k), { code: fe.code, message: fe.code })
        }
        form.setErrors(errors)
      }
      // A meeting placed meanwhile: refetch, so that the form locks what can no longer change.
      if (isApiError(e) && e.code === 'brokerage_session_in_use')
        qc.invalidateQueries({ queryKey: brokerageKeys.event(event.id) })
    },
  })
  const fieldsShown =
    isApiError(save.error) &&
    save.error.fieldErrors.length > 0 &&
    save.error.fieldErrors.every((fe) => fe.path.split('.')[0]! in form.values)
  // Inputs of what can no longer change show the stored values, disabled.
  const fixed = (name: 'startsAt' | 'endsAt' | 'slotMinutes') =>
    locked && session
      ? {
          disabled: true,
          value: name === 'slotMinutes' ? session.slotMinutes : isoToZoned(session[name], event.timeZone),
        }
      : form.getInputProps(name)
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {locked && session ? (
          <Alert
            color="blue"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            title={t('brokerage.sessions.lockedTitle')}
          >
            {t('brokerage.sessions.locked', { count: session.meetingCount ?? 0 })}
          </Alert>
        ) : null}
        {/* Sized by the room the form has (a dialog, the page), not by the screen: one field a row when narrow; the
            name on its own row, then two by two in a dialog or on a tablet; three a row on a wide page, where five
            would cut the dates short. */}
        <Grid type="container" breakpoints={formBreakpoints} columns={12} gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('brokerage.sessions.name')} data-autofocus {...form.getInputProps('title')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
            <TextInput
              label={t('brokerage.sessions.startsAt', { zone: event.timeZone })}
              type="datetime-local"
              required
              {...fixed('startsAt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
            <TextInput
              label={t('brokerage.sessions.endsAt', { zone: event.timeZone })}
              type="datetime-local"
              required
              {...fixed('endsAt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
            <NumberInput label={t('brokerage.sessions.slotMinutes')} min={5} max={240} {...fixed('slotMinutes')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
            <NumberInput
              label={t('brokerage.sessions.tables')}
              description={locked ? t('brokerage.sessions.tablesMin', { n: minTables }) : undefined}
              min={minTables}
              max={10000}
              {...form.getInputProps('tables')}
            />
          </Grid.Col>
        </Grid>
        {save.error && !fieldsShown ? (
          <SessionError error={save.error} inUseText={t('brokerage.sessions.inUse')} />
        ) : null}
        <Group justify={props.onCancel ? 'flex-end' : 'flex-start'} gap="sm">
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {session ? t('brokerage.sessions.save') : t('brokerage.sessions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The last session a dialog was opened for, kept while the dialog fades out after it is closed. */
function useLastShown(session: Session | null): Session | null {
  const last = useRef(session)
  if (session) last.current = session
  return session ?? last.current
}

/** "Edit" on a session: the session's form in a dialog. */
export function SessionDialog(props: { event: BrokerageEvent; session: Session | null; onClose: () => void }) {
  const { t } = useTranslation()
  const session = useLastShown(props.session)
  const name = useSessionName(props.event)(session)
  return (
    <Modal
      opened={props.session !== null}
      onClose={props.onClose}
      title={t('brokerage.sessions.editTitle', { name: name })}
      centered
      size="lg"
    >
      {session ? (
        <SessionForm
          key={session.id}
          event={props.event}
          session={session}
          onDone={props.onClose}
          onCancel={props.onClose}
        />
      ) : null}
    </Modal>
  )
}

/**
 * "Delete" on a session: asks first, naming the session; a session with meetings cannot go (the API refuses with
 * 409 `brokerage_session_in_use`), which the dialog says up front instead of offering the deletion.
 */
export function DeleteSessionDialog(props: { event: BrokerageEvent; session: Session | null; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const session = useLastShown(props.session)
  const name = useSessionName(props.event)(session)
  const remove = useMutation({
    mutationFn: (id: string) => brokerageApi.deleteSession(props.event.id, id),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: brokerageKeys.all })
      notifications.show({ color: 'green', message: t('brokerage.sessions.deleted', { name: name }) })
      props.onClose()
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'brokerage_session_in_use')
        qc.invalidateQueries({ queryKey: brokerageKeys.event(props.event.id) })
    },
  })
  const close = () => {
    remove.reset()
    props.onClose()
  }
  const blocked = inUse(session)
  return (
    <Modal
      opened={props.session !== null}
      onClose={close}
      title={t('brokerage.sessions.deleteTitle', { name: name })}
      centered
    >
      {session ? (
        <Stack>
          {blocked ? (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('brokerage.sessions.deleteBlocked', { count: session.meetingCount ?? 0 })}
            </Alert>
          ) : (
            <Text>{t('brokerage.sessions.deleteText', { count: session.slots.length })}</Text>
          )}
          {/* Refused for meetings placed meanwhile: once refetched, the alert above says it already. */}
          {remove.error &&
          !(blocked && isApiError(remove.error) && remove.error.code === 'brokerage_session_in_use') ? (
            <SessionError error={remove.error} inUseText={t('brokerage.sessions.deleteInUse')} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={remove.isPending} data-autofocus>
              {blocked ? t('common.close') : t('common.cancel')}
            </Button>
            {blocked ? null : (
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(session.id)}>
                {t('brokerage.sessions.deleteConfirm')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}

/**
 * The organiser's sessions: each with its times, slots, tables and meetings, "Edit" and "Delete" while the event
 * may change; below, the form to add one.
 */
export function SessionsSection({ event }: { event: BrokerageEvent }) {
  const { t } = useTranslation()
  const time = useEventTime(event.timeZone)
  const nameOf = useSessionName(event)
  const [editing, setEditing] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const manage = event.abilities.update?.allowed ?? false
  const find = (id: string | null) => event.sessions.find((s) => s.id === id) ?? null
  return (
    <Stack gap="sm">
      {event.sessions.length === 0 ? (
        <Text size="sm">{t('brokerage.noSession')}</Text>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {event.sessions.map((s, i) => (
            <Group
              component="li"
              key={s.id}
              justify="space-between"
              align="center"
              gap="xs"
              py="xs"
              wrap="wrap"
              style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {s.title || t('brokerage.session')}
                </Text>
                <Text size="sm">
                  {[
                    time.slot(s),
                    t('brokerage.slotLength', { minutes: s.slotMinutes }),
                    t('brokerage.slotCount', { count: s.slots.length }),
                    t('brokerage.tables', { count: s.tables }),
                    ...(s.meetingCount ? [t('brokerage.sessions.meetingCount', { count: s.meetingCount })] : []),
                  ].join(' · ')}
                </Text>
              </Stack>
              {manage ? (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('brokerage.sessions.editTitle', { name: nameOf(s) })}
                    onClick={() => setEditing(s.id)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('brokerage.sessions.deleteNamed', { name: nameOf(s) })}
                    onClick={() => setDeleting(s.id)}
                  >
                    {t('brokerage.sessions.delete')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {manage ? (
        <Stack gap="xs" component="section" aria-labelledby="new-session-title">
          <Title order={3} fz="h5" id="new-session-title">
            {t('brokerage.sessions.new')}
          </Title>
          <SessionForm event={event} session={null} />
        </Stack>
      ) : null}
      <SessionDialog event={event} session={find(editing)} onClose={() => setEditing(null)} />
      <DeleteSessionDialog event={event} session={find(deleting)} onClose={() => setDeleting(null)} />
    </Stack>
  )
}
