import { Badge, Button, Card, Group, Paper, Skeleton, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMediaQuery } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type {
  ConsensusDetail,
  ConsensusStats,
  ConsensusStatus,
  IndividualEvaluation,
  ThreadMessage,
} from '../../../shared/contracts/evaluation-consensus.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { consensusApi, consensusKeys } from './api.ts'

type Criterion = ConsensusDetail['criteria'][number]
export type Scale = ConsensusDetail['scale']

/** Every value of the call's scale, lowest first (same rule as the server's consensus domain). */
export function scaleValues(scale: Scale): number[] {
  const out: number[] = []
  const n = Math.floor((scale.max - scale.min) / scale.step + 1e-6)
  for (let i = 0; i <= n; i++) out.push(Math.round((scale.min + i * scale.step) * 100) / 100)
  return out
}

/** A consensus score needs a justification when more than half a step from the mean (server rule). */
export function departsFromMean(score: number | null, mean: number | null, scale: Scale): boolean {
  if (score === null || mean === null) return false
  return Math.abs(score - mean) > scale.step / 2 + 1e-9
}

export const statusColor: Record<ConsensusStatus, string> = { none: 'gray', draft: 'yellow', final: 'green' }

export function ConsensusStatusBadge({ status }: { status: ConsensusStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`consensus.status.${status}`)}
    </Badge>
  )
}

/** "Ann Smith (Expert 2)" to moderators, "Expert 2" (and "you") to experts. */
export function useExpertLabel() {
  const { t } = useTranslation()
  return (e: Pick<IndividualEvaluation, 'expertNumber' | 'expertName' | 'mine'>) => {
    const base = e.expertName
      ? t('consensus.expertNamed', { name: e.expertName, n: e.expertNumber })
      : t('consensus.expert', { n: e.expertNumber })
    return e.mine ? `${base} ${t('consensus.you')}` : base
  }
}

const num = (v: number | null) => (v === null ? '—' : String(v))

/**
 * The individual evaluations side by side: a table (criteria × experts, with mean and range) at desktop
 * widths, one card per expert on phones. Divergent criteria are marked.
 */
export function SideBySide({
  criteria,
  evaluations,
  stats,
}: {
  criteria: Criterion[]
  evaluations: IndividualEvaluation[]
  stats: ConsensusStats
}) {
  const { t, i18n } = useTranslation()
  const narrow = useMediaQuery('(max-width: 48em)')
  const label = useExpertLabel()
  const statOf = (id: string) => stats.criteria.find((c) => c.criterionId === id)
  if (evaluations.length === 0) return <Text c="dimmed">{t('consensus.detail.noEvaluations')}</Text>
  if (narrow)
    return (
      <Stack gap="sm">
        {evaluations.map((e) => (
          <Paper key={e.expertNumber} withBorder p="sm" radius="md" component="section" aria-label={label(e)}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{label(e)}</Text>
                <Badge variant="light" color={e.status === 'submitted' ? 'green' : 'gray'}>
                  {t(`consensus.evaluationStatus.${e.status}`)}
                </Badge>
              </Group>
              {e.status === 'submitted'
                ? criteria.map((c) => (
                    <div key={c.id}>
                      <Text size="sm" fw={500}>
                        {localized(c.name, i18n.language)}: {num(e.scores[c.id]?.score ?? null)}
                        {statOf(c.id)?.flagged ? (
                          <Badge ml="xs" size="xs" color="orange" variant="light">
                            {t('consensus.divergent')}
                          </Badge>
                        ) : null}
                      </Text>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {e.scores[c.id]?.comment || t('consensus.detail.noComment')}
                      </Text>
                    </div>
                  ))
                : null}
              {e.overallComment ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span fw={500}>
                    {t('consensus.detail.overall')}:
                  </Text>{' '}
                  {e.overallComment}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ))}
        <StatsList criteria={criteria} stats={stats} />
      </Stack>
    )
  return (
    <Table.ScrollContainer
      minWidth={640}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('table.region', { name: t('consensus.detail.evaluations') })}
    >
      <Table verticalSpacing="sm" withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('consensus.detail.criterion')}</Table.Th>
            {evaluations.map((e) => (
              <Table.Th key={e.expertNumber} scope="col">
                {label(e)}
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`consensus.evaluationStatus.${e.status}`)}
                </Text>
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('consensus.detail.meanRange')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((c) => {
            const s = statOf(c.id)
            return (
              <Table.Tr key={c.id}>
                <Table.Th scope="row" fw={500}>
                  {localized(c.name, i18n.language)}
                  {s?.flagged ? (
                    <Badge ml="xs" size="xs" color="orange" variant="light">
                      {t('consensus.divergent')}
                    </Badge>
                  ) : null}
                </Table.Th>
                {evaluations.map((e) => (
                  <Table.Td key={e.expertNumber} style={{ verticalAlign: 'top' }}>
                    <Text fw={600}>{num(e.scores[c.id]?.score ?? null)}</Text>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} lineClamp={8}>
                      {e.scores[c.id]?.comment ?? ''}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text fw={600}>{num(s?.mean ?? null)}</Text>
                  <Text size="sm" c="dimmed">
                    {s?.min === null || s?.min === undefined
                      ? '—'
                      : t('consensus.detail.range', { min: s.min, max: s.max, spread: s.spread })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('consensus.detail.overall')}
            </Table.Th>
            {evaluations.map((e) => (
              <Table.Td key={e.expertNumber} style={{ verticalAlign: 'top' }}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={8}>
                  {e.overallComment}
                </Text>
              </Table.Td>
            ))}
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** Mean, range and spread per criterion, as a list (phones). */
function StatsList({ criteria, stats }: { criteria: Criterion[]; stats: ConsensusStats }) {
  const { t, i18n } = useTranslation()
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Text fw={600}>{t('consensus.detail.meanRange')}</Text>
        {criteria.map((c) => {
          const s = stats.criteria.find((x) => x.criterionId === c.id)
          return (
            <Text key={c.id} size="sm">
              {localized(c.name, i18n.language)}: {num(s?.mean ?? null)}
              {s && s.min !== null
                ? ` (${t('consensus.detail.range', { min: s.min, max: s.max, spread: s.spread })})`
                : ''}
            </Text>
          )
        })}
      </Stack>
    </Paper>
  )
}

function authorLabel(m: ThreadMessage, t: TFunction): string {
  const who =
    m.author.role === 'expert'
      ? m.author.name
        ? t('consensus.expertNamed', { name: m.author.name, n: m.author.expertNumber })
        : t('consensus.expert', { n: m.author.expertNumber })
      : m.author.name
        ? t('consensus.thread.moderatorNamed', { name: m.author.name })
        : t('consensus.thread.moderator')
  return m.author.mine ? `${who} ${t('consensus.you')}` : who
}

/** The discussion thread of one application, with a composer when the viewer may post. */
export function ThreadCard({ applicationId, timeZone }: { applicationId: string; timeZone: string }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const qc = useQueryClient()
  const serverErrors = useServerErrors()
  const thread = useQuery({
    queryKey: consensusKeys.thread(applicationId),
    queryFn: () => consensusApi.thread(applicationId),
  })
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim() ? null : t('validation.required')) },
  })
  const post = useMutation({
    mutationFn: (body: string) => consensusApi.post(applicationId, body),
    onSuccess: async () => {
      form.reset()
      await qc.invalidateQueries({ queryKey: consensusKeys.thread(applicationId) })
    },
    onError: (e) => serverErrors(form, e),
  })
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="consensus-thread">
      <Stack gap="sm">
        <Title order={2} size="h3" id="consensus-thread">
          {t('consensus.thread.title')}
        </Title>
        <ErrorAlert error={thread.error} />
        {thread.isLoading ? <Skeleton height={80} /> : null}
        {thread.data && thread.data.items.length === 0 ? <Text c="dimmed">{t('consensus.thread.empty')}</Text> : null}
        {thread.data && thread.data.items.length > 0 ? (
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {thread.data.items.map((m) => (
              <Paper
                key={m.id}
                component="li"
                withBorder
                p="sm"
                radius="md"
                bg={m.author.role === 'moderator' ? 'var(--mantine-color-gray-0)' : undefined}
              >
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {authorLabel(m, t)}
                  </Text>
                  <Text size="xs" c="dimmed" component="time" dateTime={m.createdAt}>
                    {fmt.dateTime(m.createdAt, timeZone)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.body}
                </Text>
              </Paper>
            ))}
          </Stack>
        ) : null}
        {thread.data?.canPost ? (
          <form onSubmit={form.onSubmit((v) => post.mutate(v.body.trim()))} noValidate>
            <Stack gap="xs">
              <Textarea
                label={t('consensus.thread.message')}
                autosize
                minRows={2}
                maxLength={5000}
                required
                {...form.getInputProps('body')}
              />
              <ErrorAlert error={post.error && !form.errors.body ? post.error : null} />
              <Group justify="flex-end">
                <Button type="submit" loading={post.isPending}>
                  {t('consensus.thread.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : thread.data ? (
          <Text size="sm" c="dimmed">
            {t('consensus.thread.readOnly')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}
