import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconSend } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Application, ReadinessIssue, SubmitResult } from '../../../../shared/contracts/applications.ts'
import { isApiError } from '../../../app/api.ts'
import { useFormat } from '../../../design-system/format.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { applicationsApi, DetailedApiError } from '../client.ts'
import { useTimeLeftText } from './clock.tsx'
import { useIssueText } from './issues.ts'

/** A v4 UUID, also where `crypto.randomUUID` is missing (plain http on another host than localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

interface SubmitDialogProps {
  app: Application
  opened: boolean
  onClose: () => void
  /** Local readiness: submission is offered only without errors. */
  errors: number
  now: number
  /** Sends what is still pending and returns the application as the server has it. */
  prepare: () => Promise<Application>
  onSubmitted: (result: SubmitResult) => void
}

/**
 * The lead submits the version on screen. One Idempotency-Key per opening of the dialog, reused when the
 * person retries after a network failure: the server then answers with the same receipt instead of a
 * second revision.
 */
export function SubmitDialog(props: SubmitDialogProps) {
  const { t } = useTranslation()
  const f = useFormat()
  const left = useTimeLeftText()
  const issueText = useIssueText()
  const { app } = props
  const key = useRef<string>('')
  /** The version sent with that key: a retry repeats the same request, body included. */
  const sentVersion = useRef<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [refused, setRefused] = useState<ReadinessIssue[]>([])

  useEffect(() => {
    if (props.opened) {
      key.current = newIdempotencyKey()
      sentVersion.current = null
      setError(null)
      setRefused([])
    }
  }, [props.opened])

  const deadline = app.call.schedule.deadline
  const zone = app.call.schedule.timeZone
  const resubmission = app.submittedRevision !== null
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      sentVersion.current ??= (await props.prepare()).version
      const result = await applicationsApi.submit(app.id, sentVersion.current, key.current)
      props.onSubmitted(result)
    } catch (e) {
      if (e instanceof DetailedApiError && e.code === 'application_not_ready') setRefused(e.issues)
      // A refusal is an answer: the next attempt is a new request. Only a lost answer is retried as is.
      if (!(isApiError(e) && (e.status === 0 || e.status >= 500))) {
        key.current = newIdempotencyKey()
        sentVersion.current = null
      }
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const transient = isApiError(error) && (error.status === 0 || error.status >= 500)

  return (
    <Modal
      opened={props.opened}
      onClose={busy ? () => {} : props.onClose}
      title={resubmission ? t('applications.submit.titleAgain') : t('applications.submit.title')}
      size="lg"
    >
      <Stack>
        <Text>
          {t('applications.submit.what', {
            acronym: app.acronym || app.reference,
            revision: (app.revisions.at(-1)?.revision ?? 0) + 1,
          })}
        </Text>
        <Alert variant="light" color="blue">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('applications.submit.deadline', {
                time: f.dateTime(deadline, zone, true),
                left: left(deadline, props.now),
              })}
            </Text>
            <Text size="sm">{t('applications.submit.resubmit')}</Text>
          </Stack>
        </Alert>
        <Text size="sm">{t('applications.submit.receipt')}</Text>
        {props.errors > 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t('applications.submit.notReady', { count: props.errors })}
          </Alert>
        ) : null}
        {refused.length > 0 ? (
          <List size="sm">
            {refused.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity
              <List.Item key={n}>{issueText(i)}</List.Item>
            ))}
          </List>
        ) : null}
        <ErrorAlert error={error} />
        {transient ? <Text size="sm">{t('applications.submit.retryHint')}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={props.errors > 0}
            leftSection={<IconSend size={16} aria-hidden />}
          >
            {transient ? t('applications.submit.retry') : t('applications.submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
