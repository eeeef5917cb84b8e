import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCircleCheck } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { callQuestionInput } from '../../../shared/contracts/calls.ts'
import { request } from '../../app/api.ts'
import { fetchMe } from '../../app/session.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { useHydrated } from '../../design-system/useHydrated.ts'

const MAX = 2000

type Who = 'unknown' | 'signed-out' | 'signed-in'

/**
 * The form to ask the operators a question about an open call, on the call's public page. Visitors are
 * offered to sign in (and come back here); signed-in people write the question, which waits for the
 * operators and is published with its answer on this page.
 */
export function AskQuestion({ callId, callCode }: { callId: string; callCode: string }) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  const [who, setWho] = useState<Who>('unknown')
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const validate = useZodValidate(callQuestionInput)
  const serverErrors = useServerErrors()
  const form = useForm<z.input<typeof callQuestionInput>>({
    mode: 'controlled',
    initialValues: { question: '' },
    validate,
  })

  useEffect(() => {
    if (!hydrated) return
    let live = true
    fetchMe()
      .then((me) => live && setWho(me ? 'signed-in' : 'signed-out'))
      .catch(() => live && setWho('signed-out'))
    return () => {
      live = false
    }
  }, [hydrated])

  const signInHref = `/app/sign-in?redirect=${encodeURIComponent(`/calls/${callCode}#ask`)}`

  if (who !== 'signed-in') {
    // Before the page knows who is there (and without JavaScript) the way in is signing in.
    return (
      <Text size="sm" id="ask">
        <Anchor href={signInHref}>{t('calls.public.questions.signInToAsk')}</Anchor>
      </Text>
    )
  }

  if (sent) {
    return (
      <Alert id="ask" color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('calls.public.questions.sent')}</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              form.reset()
              setSent(false)
            }}
          >
            {t('calls.public.questions.askAnother')}
          </Button>
        </Stack>
      </Alert>
    )
  }

  const submit = form.onSubmit(async (values) => {
    setBusy(true)
    setError(null)
    try {
      await request('POST', `/api/v1/calls/${encodeURIComponent(callId)}/questions`, { body: values, schema: null })
      setSent(true)
    } catch (e) {
      if (!serverErrors(form, e)) setError(e)
    } finally {
      setBusy(false)
    }
  })

  const length = form.values.question.length
  return (
    <form id="ask" onSubmit={submit} noValidate aria-labelledby="ask-title">
      <Stack gap="sm" maw={720}>
        <Text fw={700} id="ask-title">
          {t('calls.public.questions.askTitle')}
        </Text>
        <ErrorAlert error={error} />
        <Textarea
          label={t('calls.public.questions.question')}
          description={t('calls.public.questions.questionHelp')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={MAX}
          required
          {...form.getInputProps('question')}
        />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed" aria-live="polite">
            {t('calls.public.questions.count', { count: length, max: MAX })}
          </Text>
          <Button type="submit" loading={busy}>
            {t('calls.public.questions.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
