import { Alert, Button, Card, Checkbox, Group, Radio, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvaluationResult } from '../../../shared/contracts/evaluation-decisions.ts'
import { isApiError } from '../../app/api.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { decisionKeys, decisionsApi } from './api.ts'
import { OutcomeBadge, useMoney, useReason } from './labels.tsx'
import { RedressCard } from './ResultRedressCard.tsx'

const route = getRouteApi('/app/applications/$applicationId/result')

/**
 * The applicant's evaluation result: the decision, the consensus scores and comments (never an expert),
 * the evaluation summary PDF, the answer to a grant offer and redress requests.
 */
export function ResultPage() {
  const { t } = useTranslation()
  const { applicationId } = route.useParams()
  const result = useQuery({
    queryKey: decisionKeys.result(applicationId),
    queryFn: () => decisionsApi.result(applicationId),
    retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2,
  })
  const notYet = isApiError(result.error) && result.error.code === 'decision_not_found'
  const r = result.data
  const back = (
    <AnchorLink to="/app/applications/$applicationId" params={{ applicationId }} size="sm">
      ← {t('decisions.result.back')}
    </AnchorLink>
  )
  return (
    <>
      <PageHeader
        title={r ? t('decisions.result.title', { reference: r.reference }) : t('decisions.result.titleShort')}
        description={r ? `${r.acronym} — ${r.title}` : undefined}
        above={back}
      />
      <Stack gap="lg">
        {result.isLoading ? <Skeleton height={320} /> : null}
        {notYet ? (
          <EmptyState title={t('decisions.result.notYet')} description={t('decisions.result.notYetHelp')} />
        ) : (
          <ErrorAlert error={result.error} />
        )}
        {r ? (
          <>
            <OutcomeCard r={r} />
            {r.outcome === 'funded' ? <GrantCard r={r} /> : null}
            <ScoresCard r={r} />
            <RedressCard r={r} />
          </>
        ) : null}
      </Stack>
    </>
  )
}

function OutcomeCard({ r }: { r: EvaluationResult }) {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const reason = useReason()
  const f = useFormat()
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="result-outcome">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="result-outcome">
            {t('decisions.result.outcome')}
          </Title>
          <Button
            component="a"
            href={decisionsApi.summaryPdf(r.applicationId, i18n.language)}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('decisions.result.download')}
          </Button>
        </Group>
        <Group gap="sm">
          <OutcomeBadge outcome={r.outcome} reserveRank={r.reserveRank} />
          <Text size="sm" c="dimmed">
            {r.call.code} · {localized(r.call.title, i18n.language)}
          </Text>
        </Group>
        <Text>{t(`decisions.result.explain.${r.outcome}`, { rank: r.reserveRank ?? '' })}</Text>
        <Text size="sm" c="dimmed">
          {reason(r.reason)}
        </Text>
        <Table variant="vertical" layout="fixed" withTableBorder maw={560}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="45%">{t('decisions.result.rank')}</Table.Th>
              <Table.Td>{r.rank ?? t('decisions.result.notRanked')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('decisions.board.requested')}</Table.Th>
              <Table.Td>{money(r.requestedCents)}</Table.Td>
            </Table.Tr>
            {r.grantedCents !== null ? (
              <Table.Tr>
                <Table.Th>{t('decisions.board.granted')}</Table.Th>
                <Table.Td>{money(r.grantedCents)}</Table.Td>
              </Table.Tr>
            ) : null}
            {r.adjustmentReason ? (
              <Table.Tr>
                <Table.Th>{t('decisions.result.adjustmentReason')}</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{r.adjustmentReason}</Table.Td>
              </Table.Tr>
            ) : null}
            <Table.Tr>
              <Table.Th>{t('decisions.result.notifiedAt')}</Table.Th>
              <Table.Td>{f.dateTime(r.notifiedAt, r.call.timeZone, true)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {r.promotedAt ? (
          <Alert color="teal" variant="light">
            {t('decisions.result.promoted', { date: f.dateTime(r.promotedAt, r.call.timeZone, true) })}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  )
}

function GrantCard({ r }: { r: EvaluationResult }) {
  const { t } = useTranslation()
  const money = useMoney()
  const f = useFormat()
  const qc = useQueryClient()
  const serverErrors = useServerErrors()
  const [confirmDecline, setConfirmDecline] = useState(false)
  const form = useForm<{ response: '' | 'accepted' | 'declined'; acceptCut: boolean }>({
    initialValues: { response: '', acceptCut: false },
    validate: {
      response: (v) => (v ? null : t('validation.required')),
      acceptCut: (v, values) =>
        values.response === 'accepted' && r.cutToAccept && !v ? t('decisions.result.cutRequired') : null,
    },
  })
  const respond = useMutation({
    mutationFn: (v: { response: 'accepted' | 'declined'; acceptCut: boolean }) =>
      decisionsApi.respond(r.applicationId, v.response === 'accepted' ? v : { response: v.response }),
    onSuccess: (next) => {
      qc.setQueryData(decisionKeys.result(r.applicationId), next)
      setConfirmDecline(false)
      notifications.show({ color: 'green', message: t(`decisions.result.answered.${next.response}`) })
    },
    onError: (e) => {
      setConfirmDecline(false)
      serverErrors(form, e)
    },
  })
  const send = () => {
    const v = form.getValues()
    if (v.response) respond.mutate({ response: v.response, acceptCut: v.acceptCut })
  }
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="result-grant">
      <Stack gap="sm">
        <Title order={2} size="h3" id="result-grant">
          {t('decisions.result.grant')}
        </Title>
        {r.response ? (
          <Text role="status">
            {t(`decisions.result.responded.${r.response}`, {
              date: r.respondedAt ? f.dateTime(r.respondedAt, r.call.timeZone) : '',
            })}
          </Text>
        ) : r.canRespond ? (
          <form
            noValidate
            onSubmit={form.onSubmit((v) => {
              if (v.response === 'declined') setConfirmDecline(true)
              else send()
            })}
          >
            <Stack gap="sm">
              <Text>
                {r.cutToAccept
                  ? t('decisions.result.offerCut', {
                      granted: money(r.grantedCents ?? 0),
                      requested: money(r.requestedCents),
                    })
                  : t('decisions.result.offer', { granted: money(r.grantedCents ?? 0) })}
              </Text>
              <Radio.Group label={t('decisions.result.yourAnswer')} required {...form.getInputProps('response')}>
                <Stack gap="xs" mt={4}>
                  <Radio value="accepted" label={t('decisions.result.accept')} />
                  <Radio value="declined" label={t('decisions.result.decline')} />
                </Stack>
              </Radio.Group>
              {r.cutToAccept && form.values.response === 'accepted' ? (
                <Checkbox
                  label={t('decisions.result.acceptCut', {
                    granted: money(r.grantedCents ?? 0),
                    requested: money(r.requestedCents),
                  })}
                  {...form.getInputProps('acceptCut', { type: 'checkbox' })}
                />
              ) : null}
              <ErrorAlert error={respond.error && !confirmDecline ? respond.error : null} />
              <Group>
                <Button type="submit" loading={respond.isPending && !confirmDecline}>
                  {t('decisions.result.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text c="dimmed">{t('decisions.result.leadAnswers')}</Text>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirmDecline}
        title={t('decisions.result.declineTitle')}
        message={t('decisions.result.declineConfirm')}
        confirmLabel={t('decisions.result.decline')}
        danger
        onConfirm={send}
        onClose={() => setConfirmDecline(false)}
        loading={respond.isPending}
      />
    </Card>
  )
}

function ScoresCard({ r }: { r: EvaluationResult }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const n = (v: number) => f.number(v, { maximumFractionDigits: 2 })
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="result-scores">
      <Stack gap="sm">
        <Title order={2} size="h3" id="result-scores">
          {t('decisions.result.scores')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('decisions.result.scoresHelp', { min: n(r.scale.min), max: n(r.scale.max) })}
        </Text>
        <Table.ScrollContainer
          minWidth={260}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('table.region', { name: t('decisions.result.scores') })}
        >
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('decisions.result.criterion')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('decisions.result.weight')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('decisions.result.score')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.criteria.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{localized(c.name, i18n.language)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{n(c.weight)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{c.score === null ? '—' : n(c.score)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th>{t('decisions.result.total')}</Table.Th>
                <Table.Td />
                <Table.Th style={{ textAlign: 'right' }}>
                  {r.total === null ? '—' : `${n(r.total)} / ${n(r.maxTotal)}`}
                </Table.Th>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {r.criteria.map((c) => (
          <Stack key={c.id} gap={2}>
            <Title order={3} size="h5">
              {localized(c.name, i18n.language)}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }} c={c.comment ? undefined : 'dimmed'}>
              {c.comment || t('decisions.result.noComment')}
            </Text>
          </Stack>
        ))}
        <Stack gap={2}>
          <Title order={3} size="h5">
            {t('decisions.result.overall')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} c={r.overallComment ? undefined : 'dimmed'}>
            {r.overallComment || t('decisions.result.noComment')}
          </Text>
        </Stack>
      </Stack>
    </Card>
  )
}
