import { Badge, Button, Card, Group, Radio, Skeleton, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Call, type CallQuestion, callQuestionStatuses } from '../../../../shared/contracts/calls.ts'
import { useFormat } from '../../../design-system/format.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { callKeys, callsApi } from '../api.ts'

type Status = (typeof callQuestionStatuses)[number]

/** Questions asked about the call: answer and publish them (everyone sees them on the call page) or dismiss. */
export function QaTab({ call }: { call: Call }) {
  const { t } = useTranslation()
  const f = useFormat()
  const [status, setStatus] = useState<Status>('pending')
  const questions = useQuery({ queryKey: callKeys.questions(call.id), queryFn: () => callsApi.questions(call.id) })
  const items = questions.data?.items ?? []
  const count = (s: Status) => items.filter((q) => q.status === s).length
  const shown = items.filter((q) => q.status === status)
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {call.schedule.qaClosesAt
          ? t('calls.qa.closesAt', { time: f.dateTime(call.schedule.qaClosesAt, call.schedule.timeZone, true) })
          : t('calls.qa.noCutOff')}
      </Text>
      <Radio.Group label={t('calls.qa.filter')} value={status} onChange={(v) => setStatus(v as Status)}>
        <Group gap="md" mt={6}>
          {callQuestionStatuses.map((s) => (
            <Radio key={s} value={s} label={t(`calls.qa.statusCount.${s}`, { count: count(s) })} />
          ))}
        </Group>
      </Radio.Group>
      <ErrorAlert error={questions.error} />
      {questions.isLoading ? (
        <Skeleton height={120} />
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t(`calls.qa.empty.${status}`)}</Text>
      ) : (
        shown.map((q) => <QuestionCard key={q.id} call={call} question={q} />)
      )}
    </Stack>
  )
}

function QuestionCard({ call, question: q }: { call: Call; question: CallQuestion }) {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const [answer, setAnswer] = useState(q.answer ?? '')
  const [editing, setEditing] = useState(q.status === 'pending')
  const [missing, setMissing] = useState(false)
  const save = useMutation({
    mutationFn: (status: 'published' | 'dismissed') =>
      callsApi.answer(call.id, q.id, {
        status,
        answer: status === 'published' ? answer.trim() : answer.trim() || null,
      }),
    onSuccess: async () => {
      setEditing(false)
      await queryClient.invalidateQueries({ queryKey: callKeys.questions(call.id) })
    },
  })
  const publish = () => {
    if (!answer.trim()) {
      setMissing(true)
      return
    }
    setMissing(false)
    save.mutate('published')
  }
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-label={t('calls.qa.questionOf', { time: f.dateTime(q.askedAt) })}
    >
      <Stack gap="sm">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('calls.qa.asked', { time: f.dateTime(q.askedAt), language: q.language.toUpperCase() })}
          </Text>
          <Badge
            variant="light"
            color={q.status === 'published' ? 'green' : q.status === 'dismissed' ? 'gray' : 'orange'}
          >
            {t(`calls.qa.status.${q.status}`)}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{q.question}</Text>
        {editing ? (
          <>
            <Textarea
              label={t('calls.qa.answer')}
              description={t('calls.qa.answerHelp')}
              autosize
              minRows={3}
              maxRows={12}
              maxLength={5000}
              value={answer}
              error={missing ? t('validation.required') : null}
              onChange={(e) => setAnswer(e.currentTarget.value)}
            />
            <ErrorAlert error={save.error} />
            <Group gap="xs">
              <Button onClick={publish} loading={save.isPending && save.variables === 'published'}>
                {t('calls.qa.publish')}
              </Button>
              {q.status !== 'dismissed' ? (
                <Button
                  variant="default"
                  color="red"
                  onClick={() => save.mutate('dismissed')}
                  loading={save.isPending && save.variables === 'dismissed'}
                >
                  {t('calls.qa.dismiss')}
                </Button>
              ) : null}
              {q.status !== 'pending' ? (
                <Button variant="subtle" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </Button>
              ) : null}
            </Group>
          </>
        ) : (
          <>
            {q.answer ? (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t('calls.qa.answer')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {q.answer}
                </Text>
                {q.answeredAt ? (
                  <Text size="xs" c="dimmed">
                    {t('calls.qa.answeredAt', { time: f.dateTime(q.answeredAt) })}
                  </Text>
                ) : null}
              </Stack>
            ) : null}
            <Group>
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {q.status === 'dismissed' ? t('calls.qa.reconsider') : t('calls.qa.edit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  )
}
