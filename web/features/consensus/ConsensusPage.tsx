import { Alert, Button, Card, Group, Select, Skeleton, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsensusDetail, ConsensusRecord } from '../../../shared/contracts/evaluation-consensus.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { consensusApi, consensusKeys } from './api.ts'
import { PhaseNotice } from './ConsensusListPage.tsx'
import { ConsensusStatusBadge, departsFromMean, SideBySide, scaleValues, ThreadCard } from './parts.tsx'

const route = getRouteApi('/app/evaluation/$callId/consensus/$applicationId')

/** Moderators: one application's evaluations side by side, the consensus record, and the thread. */
export function ConsensusPage() {
  const { t, i18n } = useTranslation()
  const { callId, applicationId } = route.useParams()
  const detail = useQuery({
    queryKey: consensusKeys.detail(callId, applicationId),
    queryFn: () => consensusApi.detail(callId, applicationId),
  })
  const d = detail.data
  const flaggedNames = d
    ? d.stats.flaggedCriteria.map((id) => {
        const c = d.criteria.find((x) => x.id === id)
        const s = d.stats.criteria.find((x) => x.criterionId === id)
        return t('consensus.detail.flaggedCriterion', {
          name: c ? localized(c.name, i18n.language) : id,
          spread: s?.spread ?? 0,
        })
      })
    : []
  return (
    <>
      <PageHeader
        title={d ? t('consensus.detail.title', { acronym: d.application.acronym }) : t('consensus.list.title')}
        description={d ? `${d.application.reference} · ${d.application.title}` : undefined}
        above={
          <AnchorLink to="/app/evaluation/$callId/consensus" params={{ callId }} size="sm">
            ← {t('consensus.detail.back')}
          </AnchorLink>
        }
      />
      <Stack gap="lg">
        <EvaluationTabs callId={callId} active="consensus" />
        <ErrorAlert error={detail.error} />
        {detail.isLoading ? <Skeleton height={320} /> : null}
        {d ? (
          <>
            <PhaseNotice data={d} timeZone={d.call.timeZone} />
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="consensus-evaluations">
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h3" id="consensus-evaluations">
                    {t('consensus.detail.evaluations')}
                  </Title>
                  <Text size="sm" c={d.submitted < d.expected ? 'orange.9' : 'dimmed'}>
                    {t('consensus.detail.submittedOf', { submitted: d.submitted, expected: d.expected })}
                  </Text>
                </Group>
                {d.stats.flagged ? (
                  <Alert color="orange" variant="light" title={t('consensus.detail.flaggedTitle')}>
                    {t('consensus.detail.flaggedText', {
                      criteria: flaggedNames.join(', '),
                      threshold: d.spreadThreshold,
                    })}
                  </Alert>
                ) : null}
                <SideBySide criteria={d.criteria} evaluations={d.evaluations} stats={d.stats} />
              </Stack>
            </Card>
            <RecordCard callId={callId} detail={d} />
            <ThreadCard applicationId={applicationId} timeZone={d.call.timeZone} />
          </>
        ) : null}
      </Stack>
    </>
  )
}

function RecordCard({ callId, detail: d }: { callId: string; detail: ConsensusDetail }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const r = d.record
  const editable = d.canRecord && r?.status !== 'final'
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="consensus-record">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="consensus-record">
            {t('consensus.record.title')}
          </Title>
          <ConsensusStatusBadge status={r?.status ?? 'none'} />
        </Group>
        {r ? (
          <Text size="sm" c="dimmed">
            {r.status === 'final' && r.finalisedAt
              ? t('consensus.record.finalSince', {
                  date: fmt.dateTime(r.finalisedAt, d.call.timeZone),
                  name: r.finalisedBy ?? '—',
                })
              : t('consensus.record.savedAt', {
                  version: r.version,
                  date: fmt.dateTime(r.recordedAt, d.call.timeZone),
                  name: r.recordedBy ?? '—',
                })}
          </Text>
        ) : null}
        {editable ? (
          <RecordForm callId={callId} detail={d} />
        ) : r ? (
          <RecordView detail={d} record={r} callId={callId} />
        ) : (
          <Text c="dimmed">{t('consensus.record.none')}</Text>
        )}
      </Stack>
    </Card>
  )
}

function RecordView({
  detail: d,
  record: r,
  callId,
}: {
  detail: ConsensusDetail
  record: ConsensusRecord
  callId: string
}) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const reopen = useMutation({
    mutationFn: () => consensusApi.reopen(callId, d.application.id, r.version),
    onSuccess: async (record) => {
      qc.setQueryData(consensusKeys.detail(callId, d.application.id), { ...d, record })
      await qc.invalidateQueries({ queryKey: consensusKeys.call(callId) })
      notifications.show({ color: 'green', message: t('consensus.record.reopened') })
    },
  })
  return (
    <Stack gap="sm">
      <Table.ScrollContainer
        minWidth={560}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('table.region', { name: t('consensus.record.title') })}
      >
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('consensus.detail.criterion')}</Table.Th>
              <Table.Th scope="col">{t('consensus.record.scoreHeader')}</Table.Th>
              <Table.Th scope="col">{t('consensus.record.comment')}</Table.Th>
              <Table.Th scope="col">{t('consensus.record.justification')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.criteria.map((c) => {
              const s = r.scores[c.id]
              return (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {localized(c.name, i18n.language)}
                  </Table.Th>
                  <Table.Td>{s?.score ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s?.comment}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s?.justification}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {r.overallComment ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={500}>
            {t('consensus.record.overall')}:
          </Text>{' '}
          {r.overallComment}
        </Text>
      ) : null}
      {r.minorityView ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={500}>
            {t('consensus.record.minority')}:
          </Text>{' '}
          {r.minorityView}
        </Text>
      ) : null}
      {d.canRecord && r.status === 'final' ? (
        <Group justify="flex-end">
          <Button variant="default" loading={reopen.isPending} onClick={() => reopen.mutate()}>
            {t('consensus.record.reopen')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={reopen.error} />
    </Stack>
  )
}

type FormValues = {
  scores: Record<string, { score: string | null; comment: string; justification: string }>
  overallComment: string
  minorityView: string
}

function RecordForm({ callId, detail: d }: { callId: string; detail: ConsensusDetail }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const serverErrors = useServerErrors()
  const [unmatched, setUnmatched] = useState<unknown>(null)
  const r = d.record
  // The version last read or saved here (a save bumps it without remounting the form).
  const [version, setVersion] = useState(r?.version ?? 0)
  const initial: FormValues = {
    scores: Object.fromEntries(
      d.criteria.map((c) => {
        const s = r?.scores[c.id]
        return [
          c.id,
          {
            score: s?.score === null || s?.score === undefined ? null : String(s.score),
            comment: s?.comment ?? '',
            justification: s?.justification ?? '',
          },
        ]
      }),
    ),
    overallComment: r?.overallComment ?? '',
    minorityView: r?.minorityView ?? '',
  }
  const form = useForm<FormValues>({ mode: 'controlled', initialValues: initial })
  const options = scaleValues(d.scale).map((v) => ({ value: String(v), label: String(v) }))
  const meanOf = (id: string) => d.stats.criteria.find((c) => c.criterionId === id) ?? null
  const body = (v: FormValues) => ({
    version,
    scores: Object.fromEntries(
      Object.entries(v.scores).map(([k, s]) => [
        k,
        {
          score: s.score === null || s.score === '' ? null : Number(s.score),
          comment: s.comment,
          justification: s.justification,
        },
      ]),
    ),
    overallComment: v.overallComment,
    minorityView: v.minorityView,
  })
  const done = async (record: ConsensusRecord, message: string) => {
    setVersion(record.version)
    form.resetDirty()
    qc.setQueryData(consensusKeys.detail(callId, d.application.id), { ...d, record })
    await qc.invalidateQueries({ queryKey: consensusKeys.call(callId) })
    notifications.show({ color: 'green', message })
  }
  const onError = (e: unknown) => setUnmatched(serverErrors(form, e) ? null : e)
  const save = useMutation({
    mutationFn: (v: FormValues) => consensusApi.save(callId, d.application.id, body(v)),
    onMutate: () => setUnmatched(null),
    onSuccess: (record) => done(record, t('consensus.record.saved')),
    onError,
  })
  const finalise = useMutation({
    mutationFn: async (v: FormValues) => {
      let current = version
      if (form.isDirty() || version === 0) {
        const saved = await consensusApi.save(callId, d.application.id, body(v))
        current = saved.version
        setVersion(saved.version)
        form.resetDirty()
      }
      return consensusApi.finalise(callId, d.application.id, current)
    },
    onMutate: () => setUnmatched(null),
    onSuccess: (record) => done(record, t('consensus.record.finalised')),
    onError,
  })
  const busy = save.isPending || finalise.isPending
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="md">
        {d.criteria.map((c) => {
          const name = localized(c.name, i18n.language)
          const stat = meanOf(c.id)
          const scoreValue = form.values.scores[c.id]?.score ?? null
          const score = scoreValue === null || scoreValue === '' ? null : Number(scoreValue)
          const departs = departsFromMean(score, stat?.mean ?? null, d.scale)
          const justificationPath = `scores.${c.id}.justification`
          const showJustification =
            departs || !!form.values.scores[c.id]?.justification || !!form.errors[justificationPath]
          return (
            <Card key={c.id} withBorder radius="sm" padding="sm" component="fieldset" style={{ margin: 0 }}>
              <Text component="legend" fw={600} px={4}>
                {name}
              </Text>
              <Stack gap="xs">
                <Select
                  label={t('consensus.record.score', { criterion: name })}
                  description={
                    stat?.mean !== null && stat?.mean !== undefined
                      ? t('consensus.record.meanHelp', { mean: stat.mean, min: stat.min, max: stat.max })
                      : t('consensus.record.noMean')
                  }
                  data={options}
                  clearable
                  maw={260}
                  {...form.getInputProps(`scores.${c.id}.score`)}
                />
                <Textarea
                  label={t('consensus.record.commentOn', { criterion: name })}
                  autosize
                  minRows={2}
                  maxLength={5000}
                  {...form.getInputProps(`scores.${c.id}.comment`)}
                />
                {showJustification ? (
                  <Textarea
                    label={t('consensus.record.justificationOn', { criterion: name })}
                    description={departs ? t('consensus.record.justificationHelp', { mean: stat?.mean }) : undefined}
                    required={departs}
                    autosize
                    minRows={2}
                    maxLength={5000}
                    {...form.getInputProps(justificationPath)}
                  />
                ) : null}
              </Stack>
            </Card>
          )
        })}
        <Textarea
          label={t('consensus.record.overall')}
          autosize
          minRows={3}
          maxLength={10000}
          {...form.getInputProps('overallComment')}
        />
        <Textarea
          label={t('consensus.record.minority')}
          description={t('consensus.record.minorityHelp')}
          autosize
          minRows={2}
          maxLength={10000}
          {...form.getInputProps('minorityView')}
        />
        <ErrorAlert error={unmatched} />
        <Group justify="flex-end" wrap="wrap">
          <Button type="submit" variant="default" loading={save.isPending} disabled={busy}>
            {t('consensus.record.save')}
          </Button>
          <Button
            type="button"
            loading={finalise.isPending}
            disabled={busy}
            onClick={() => {
              setUnmatched(null)
              finalise.mutate(form.getValues())
            }}
          >
            {t('consensus.record.finalise')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
