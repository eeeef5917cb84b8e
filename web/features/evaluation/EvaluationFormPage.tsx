import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { type FormEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvaluationState, EvaluationView, ShownApplication } from '../../../shared/contracts/evaluation.ts'
import { isApiError } from '../../app/api.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { Deadline } from '../../design-system/Deadline.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { evaluationApi, evaluationKeys } from './api.ts'
import { useFieldErrors } from './fieldErrors.ts'

const route = getRouteApi('/app/evaluations/$assignmentId')

type Draft = { scores: Record<string, { score: number | null; comment: string }>; overallComment: string }

const draftOf = (v: EvaluationView): Draft => ({
  scores: Object.fromEntries(v.criteria.map((c) => [c.id, v.evaluation?.scores[c.id] ?? { score: null, comment: '' }])),
  overallComment: v.evaluation?.overallComment ?? '',
})

/** Experts: the application as submitted (anonymised if the call says so) and my evaluation of it. */
export function EvaluationFormPage() {
  const { t } = useTranslation()
  const { assignmentId } = route.useParams()
  const view = useQuery({
    queryKey: evaluationKeys.view(assignmentId),
    queryFn: () => evaluationApi.view(assignmentId),
    retry: false,
    // The form keeps its own state; a refetch must not reset what the expert is typing.
    refetchOnWindowFocus: false,
  })
  const back = (
    <Anchor component={Link} to="/app/evaluations" size="sm">
      {t('evaluation.form.back')}
    </Anchor>
  )
  if (!view.data)
    return (
      <>
        <PageHeader title={t('evaluation.form.title')} above={back} />
        <ErrorAlert error={view.error} />
        {isApiError(view.error) && view.error.code === 'assignment_not_confirmed' ? (
          <Text mt="sm">
            <Anchor component={Link} to="/app/evaluations">
              {t('evaluation.form.confirmFirst')}
            </Anchor>
          </Text>
        ) : null}
        {view.isLoading ? <Skeleton height={400} /> : null}
      </>
    )
  return <Loaded view={view.data} back={back} />
}

function Loaded({ view, back }: { view: EvaluationView; back: React.ReactNode }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [generation, setGeneration] = useState(0)
  const reload = async () => {
    await qc.refetchQueries({ queryKey: evaluationKeys.view(view.assignment.id) })
    setGeneration((g) => g + 1)
  }
  const app = view.application
  return (
    <>
      <PageHeader
        title={`${app.acronym} — ${app.title}`}
        documentTitle={t('evaluation.form.documentTitle', { acronym: app.acronym })}
        above={back}
        description={
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('evaluation.form.revision', { reference: app.reference, revision: app.revision })}
            </Text>
            {view.anonymised ? <Badge variant="outline">{t('evaluation.mine.anonymised')}</Badge> : null}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ApplicationCard app={app} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <EvaluationForm key={generation} view={view} onReload={reload} />
        </Grid.Col>
      </Grid>
    </>
  )
}

function AnswerValue({ value }: { value: unknown }) {
  const { t } = useTranslation()
  const f = useFormat()
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return (
      <Text size="sm" c="dimmed">
        {t('evaluation.form.noAnswer')}
      </Text>
    )
  if (typeof value === 'string')
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    )
  if (typeof value === 'number' || typeof value === 'boolean') return <Text size="sm">{String(value)}</Text>
  if (Array.isArray(value))
    return (
      <List size="sm">
        {value.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a submitted answer never changes order
          <List.Item key={i}>
            {typeof v === 'object' && v && 'filename' in v
              ? t('evaluation.form.file', {
                  name: String((v as { filename: unknown }).filename),
                  size: f.number(Number((v as { byteSize?: unknown }).byteSize ?? 0) / 1024, {
                    maximumFractionDigits: 0,
                  }),
                })
              : typeof v === 'object'
                ? Object.values(v as object)
                    .filter((x) => typeof x === 'string' || typeof x === 'number')
                    .join(' · ')
                : String(v)}
          </List.Item>
        ))}
      </List>
    )
  return (
    <Stack gap={4}>
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          <Text size="xs" fw={600}>
            {k}
          </Text>
          <AnswerValue value={v} />
        </div>
      ))}
    </Stack>
  )
}

function ApplicationCard({ app }: { app: ShownApplication }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const euros = (cents: number) =>
    f.number(cents / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="application-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="application-heading">
          {t('evaluation.form.application')}
        </Title>
        {app.sections.map((s) => (
          <Stack key={s.id} gap="xs">
            <Title order={3} size="h4">
              {localized(s.title, i18n.language)}
            </Title>
            {s.answers.map((a) => (
              <Stack key={a.questionId} gap={2}>
                <Text size="sm" fw={600}>
                  {localized(a.label, i18n.language)}
                </Text>
                <AnswerValue value={a.value} />
              </Stack>
            ))}
          </Stack>
        ))}
        <Title order={3} size="h4" id="consortium-heading">
          {t('evaluation.form.consortium', { total: euros(app.requestedCents) })}
        </Title>
        <Table.ScrollContainer
          minWidth={520}
          type="native"
          tabIndex={0}
          role="region"
          aria-labelledby="consortium-heading"
        >
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluation.form.partner')}</Table.Th>
                <Table.Th>{t('evaluation.form.country')}</Table.Th>
                <Table.Th>{t('evaluation.form.type')}</Table.Th>
                <Table.Th ta="right">{t('evaluation.form.requested')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {app.partners.map((p) => (
                <Table.Tr key={p.label}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.name ?? t('evaluation.form.partnerLabel', { label: p.label })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`evaluation.form.role.${p.role}`)}
                      {p.contactName ? ` · ${p.contactName}` : ''}
                      {p.contactEmail ? ` · ${p.contactEmail}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.country ? f.country(p.country) : '—'}</Table.Td>
                  <Table.Td>
                    {[
                      p.type ? t(`organisationTypes.${p.type}`, p.type) : null,
                      p.smeStatus ? t(`profiles.smeStatus.${p.smeStatus}`, p.smeStatus) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td ta="right">{euros(p.requestedCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {app.partners.map((p) =>
          p.roleText || p.answers.length ? (
            <Stack key={p.label} gap={4}>
              <Title order={4} size="h5">
                {p.name ?? t('evaluation.form.partnerLabel', { label: p.label })}
              </Title>
              {p.roleText ? <AnswerValue value={p.roleText} /> : null}
              {p.answers.map((a) => (
                <Stack key={a.questionId} gap={2}>
                  <Text size="sm" fw={600}>
                    {localized(a.label, i18n.language)}
                  </Text>
                  <AnswerValue value={a.value} />
                </Stack>
              ))}
            </Stack>
          ) : null,
        )}
      </Stack>
    </Card>
  )
}

function scaleValues(s: EvaluationView['scale']): number[] {
  const out: number[] = []
  for (let k = 0; s.min + k * s.step <= s.max + 1e-9 && k < 1000; k++)
    out.push(Math.round((s.min + k * s.step) * 1e6) / 1e6)
  return out
}

function EvaluationForm({ view, onReload }: { view: EvaluationView; onReload: () => Promise<void> }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const fieldErrors = useFieldErrors()
  const [draft, setDraft] = useState<Draft>(() => draftOf(view))
  const [state, setState] = useState<EvaluationState | null>(view.evaluation)
  const [asking, setAsking] = useState(false)
  const values = useMemo(() => scaleValues(view.scale), [view.scale])
  const readOnly = !view.editable || state?.status === 'submitted'
  const min = view.commentMinLength
  const afterWrite = (s: EvaluationState) => {
    setState(s)
    void qc.invalidateQueries({ queryKey: evaluationKeys.mine })
  }
  const save = useMutation({
    mutationFn: () => evaluationApi.save(view.assignment.id, { version: state?.version ?? null, ...draft }),
    onSuccess: (s) => {
      afterWrite(s)
      notifications.show({ color: 'green', message: t('evaluation.form.saved') })
    },
  })
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await evaluationApi.save(view.assignment.id, { version: state?.version ?? null, ...draft })
      afterWrite(saved)
      return evaluationApi.submit(view.assignment.id, saved.version)
    },
    onSuccess: (s) => {
      afterWrite(s)
      setAsking(false)
      notifications.show({ color: 'green', message: t('evaluation.form.submitted') })
    },
    onError: () => setAsking(false),
  })
  const error = submit.error ?? save.error
  const errors = fieldErrors(error, { minimum: Math.max(min, 1) })
  const stale = isApiError(error) && error.code === 'evaluation_stale'
  const setScore = (id: string, change: Partial<{ score: number | null; comment: string }>) =>
    setDraft((d) => ({ ...d, scores: { ...d.scores, [id]: { ...d.scores[id]!, ...change } } }))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  const counter = (s: string) => t('evaluation.form.counter', { count: s.trim().length, minimum: Math.max(min, 1) })
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="form"
      onSubmit={onSubmit}
      aria-labelledby="form-heading"
      noValidate
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="form-heading">
          {t('evaluation.form.myEvaluation')}
        </Title>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('evaluation.mine.deadline')}
          </Text>
          {view.individual.endsAt ? (
            <Deadline value={view.individual.endsAt} timeZone={view.call.timeZone} />
          ) : (
            <Text size="sm">{t('evaluation.mine.noDeadline')}</Text>
          )}
        </Stack>
        {state?.status === 'submitted' ? (
          <Alert color="green" variant="light">
            {t('evaluation.form.isSubmitted', {
              date: state.submittedAt ? f.dateTime(state.submittedAt, view.call.timeZone) : '',
            })}
          </Alert>
        ) : null}
        {state?.reopenReason && state.status === 'draft' ? (
          <Alert color="yellow" variant="light" title={t('evaluation.form.reopened')}>
            {state.reopenReason}
          </Alert>
        ) : null}
        {!view.editable && state?.status !== 'submitted' ? (
          <Alert color="gray" variant="light">
            {t(`evaluation.form.closed.${view.individual.status}`)}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('evaluation.form.help', {
            min: view.scale.min,
            max: view.scale.max,
            step: view.scale.step,
            minimum: Math.max(min, 1),
          })}
        </Text>
        {view.criteria.map((c) => {
          const v = draft.scores[c.id] ?? { score: null, comment: '' }
          return (
            <Stack key={c.id} gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={700} p={0}>
                {localized(c.name, i18n.language)}
              </Text>
              {c.description ? (
                <Text size="sm" c="dimmed">
                  {localized(c.description, i18n.language)}
                </Text>
              ) : null}
              <Select
                label={t('evaluation.form.score')}
                description={
                  c.threshold !== null ? t('evaluation.form.threshold', { threshold: c.threshold }) : undefined
                }
                data={values.map((x) => ({ value: String(x), label: f.number(x) }))}
                value={v.score === null ? null : String(v.score)}
                onChange={(x) => setScore(c.id, { score: x === null ? null : Number(x) })}
                clearable
                disabled={readOnly}
                error={errors[`scores.${c.id}.score`] ?? errors[`scores.${c.id}`]}
                maw={200}
              />
              <Textarea
                label={t('evaluation.form.comment')}
                description={counter(v.comment)}
                value={v.comment}
                onChange={(e) => setScore(c.id, { comment: e.currentTarget.value })}
                autosize
                minRows={4}
                maxLength={10_000}
                readOnly={readOnly}
                error={errors[`scores.${c.id}.comment`]}
              />
            </Stack>
          )
        })}
        <Textarea
          label={t('evaluation.form.overall')}
          description={counter(draft.overallComment)}
          value={draft.overallComment}
          onChange={(e) => {
            const value = e.currentTarget.value
            setDraft((d) => ({ ...d, overallComment: value }))
          }}
          autosize
          minRows={4}
          maxLength={20_000}
          readOnly={readOnly}
          error={errors.overallComment}
        />
        {error && (Object.keys(errors).length === 0 || error === submit.error) ? <ErrorAlert error={error} /> : null}
        {stale ? (
          <Group>
            <Button variant="default" onClick={() => void onReload()}>
              {t('evaluation.form.reload')}
            </Button>
          </Group>
        ) : null}
        {readOnly ? null : (
          <Group gap="xs" wrap="wrap">
            <Button type="submit" variant="default" loading={save.isPending}>
              {t('evaluation.form.saveDraft')}
            </Button>
            <Button onClick={() => setAsking(true)}>{t('evaluation.form.submit')}</Button>
            {state ? (
              <Text size="xs" c="dimmed" role="status">
                {t('evaluation.form.lastSaved', { date: f.dateTime(state.updatedAt, view.call.timeZone) })}
              </Text>
            ) : null}
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking}
        title={t('evaluation.form.submitTitle')}
        message={t('evaluation.form.submitText')}
        confirmLabel={t('evaluation.form.submit')}
        onConfirm={() => submit.mutate()}
        onClose={() => setAsking(false)}
        loading={submit.isPending}
      />
    </Card>
  )
}
