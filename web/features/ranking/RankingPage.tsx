import { Alert, Badge, Group, List, Select, Skeleton, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconInfoCircle, IconTrophy } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairDecision, RankingItem, RankingView } from '../../../shared/contracts/evaluation-ranking.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { rankingApi, rankingKeys } from './api.ts'
import { ExportsMenu, useCallLine, useCallQuery, useLocalPage } from './shared.tsx'

const route = getRouteApi('/app/evaluation/$callId/ranking')

/** The ranking of a call (operators): rank, totals, scores, why an application is out, how each tie was broken. */
export function RankingPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="evaluation.view" title={t('ranking.page.title')}>
      <Ranking />
    </RequireCapability>
  )
}

type Show = 'all' | 'ranked' | 'out'

function Ranking() {
  const { t } = useTranslation()
  const { callId } = route.useParams()
  const call = useCallQuery(callId)
  const callLine = useCallLine(callId)
  const ranking = useQuery({ queryKey: rankingKeys.ranking(callId), queryFn: () => rankingApi.ranking(callId) })
  const title = t('ranking.page.title')
  const r = ranking.data
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={r ? `${title}: ${r.callCode}` : title}
        description={callLine}
        actions={<ExportsMenu callId={callId} kinds={['ranking', 'evaluations', 'consensus']} />}
      />
      <EvaluationTabs callId={callId} active="ranking" />
      <Stack gap="lg" mt="lg">
        <ErrorAlert error={ranking.error} />
        {r ? (
          <>
            <Summary r={r} />
            <RankingTable r={r} timeZone={call.data?.schedule.timeZone} />
          </>
        ) : ranking.isLoading ? (
          <Stack aria-busy="true" aria-label={t('common.loading')}>
            <Skeleton height={80} />
            <Skeleton height={300} />
          </Stack>
        ) : null}
      </Stack>
    </>
  )
}

function useCriterionName(r: RankingView) {
  const { i18n } = useTranslation()
  return (id: string) => {
    const c = r.criteria.find((x) => x.id === id)
    return c ? localized(c.name, i18n.language) : id
  }
}

function useRuleText(r: RankingView) {
  const { t } = useTranslation()
  const name = useCriterionName(r)
  return (rule: string, criterionId?: string) =>
    criterionId ? t('ranking.rules.criterionNamed', { criterion: name(criterionId) }) : t(`ranking.rules.${rule}`)
}

/** Whether the ranking is final, the thresholds and the call's tie-break rules in order. */
function Summary({ r }: { r: RankingView }) {
  const { t } = useTranslation()
  const f = useFormat()
  const name = useCriterionName(r)
  const ruleText = useRuleText(r)
  const ranked = r.items.filter((i) => i.rank !== null).length
  const pending = r.items.filter((i) => i.out.some((o) => o.code === 'no_consensus')).length
  return (
    <Stack gap="sm">
      {r.items.length > 0 && !r.complete ? (
        <Alert color="yellow" icon={<IconInfoCircle size={18} aria-hidden />} title={t('ranking.page.provisional')}>
          {t('ranking.page.provisionalText', { count: f.number(pending) })}
        </Alert>
      ) : null}
      <Text>{t('ranking.page.counts', { ranked: f.number(ranked), out: f.number(r.items.length - ranked) })}</Text>
      <Group gap="xl" align="flex-start" wrap="wrap">
        <div>
          <Title order={2} size="h5">
            {t('ranking.page.thresholds')}
          </Title>
          <List size="sm" spacing={2}>
            {r.criteria.map((c) => (
              <List.Item key={c.id}>
                {t('ranking.page.criterionLine', {
                  criterion: name(c.id),
                  weight: f.number(c.weight),
                  threshold: c.threshold === null ? t('ranking.page.none') : f.number(c.threshold),
                })}
              </List.Item>
            ))}
            <List.Item>
              {t('ranking.page.totalLine', {
                threshold: r.totalThreshold === null ? t('ranking.page.none') : f.number(r.totalThreshold),
              })}
            </List.Item>
          </List>
        </div>
        <div>
          <Title order={2} size="h5">
            {t('ranking.page.tieBreaks')}
          </Title>
          <List type="ordered" size="sm" spacing={2}>
            {r.tieBreaks.map((tb) => (
              <List.Item key={`${tb.rule}-${tb.criterionId ?? ''}`}>{ruleText(tb.rule, tb.criterionId)}</List.Item>
            ))}
            {r.tieBreaks.at(-1)?.rule !== 'earlier_submission' ? (
              <List.Item>{ruleText('earlier_submission')}</List.Item>
            ) : null}
          </List>
        </div>
      </Group>
    </Stack>
  )
}

function RankingTable({ r, timeZone }: { r: RankingView; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const name = useCriterionName(r)
  const [show, setShow] = useState<Show>('all')
  const list = useLocalPage(
    r.items,
    (i, q) =>
      i.acronym.toLowerCase().includes(q) ||
      i.reference.toLowerCase().includes(q) ||
      i.title.toLowerCase().includes(q) ||
      (i.challengeCode ?? '').toLowerCase().includes(q),
    (i) => show === 'all' || (show === 'ranked' ? i.rank !== null : i.rank === null),
  )
  const score = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : f.number(v, { maximumFractionDigits: 2 })
  const columns: Column<RankingItem>[] = [
    {
      key: 'rank',
      header: t('ranking.table.rank'),
      nowrap: true,
      align: 'right',
      render: (i) => (i.rank === null ? <Text c="dimmed">—</Text> : <Text fw={700}>{f.number(i.rank)}</Text>),
    },
    {
      key: 'application',
      header: t('ranking.table.application'),
      rowHeader: true,
      render: (i) => (
        <Stack gap={0}>
          <Text fw={600} size="sm">
            {i.acronym || i.reference}
          </Text>
          <Text size="xs" c="dimmed">
            {i.reference} · {i.title}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'challenge',
      header: t('ranking.table.challenge'),
      nowrap: true,
      render: (i) => i.challengeCode ?? '—',
    },
    {
      key: 'total',
      header: t('ranking.table.total'),
      align: 'right',
      nowrap: true,
      render: (i) => <Text fw={600}>{score(i.total)}</Text>,
    },
    ...r.criteria.map(
      (c): Column<RankingItem> => ({
        key: `c-${c.id}`,
        header: localized(c.name, i18n.language),
        align: 'right',
        nowrap: true,
        render: (i) => score(i.scores[c.id]),
      }),
    ),
    {
      key: 'status',
      header: t('ranking.table.status'),
      render: (i) =>
        i.rank === null ? (
          <Stack gap={4} align="flex-start">
            {i.out.map((o) => (
              <Badge key={`${o.code}-${o.criterionId ?? ''}`} color="red" variant="light" styles={wrappingBadge}>
                {t(`ranking.out.${o.code}`, {
                  criterion: o.criterionId ? name(o.criterionId) : '',
                  score: o.score === undefined ? '' : f.number(o.score),
                  threshold: o.threshold === undefined ? '' : f.number(o.threshold),
                })}
              </Badge>
            ))}
          </Stack>
        ) : i.tieBreak ? (
          <TieBadge item={i} r={r} timeZone={timeZone} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('ranking.table.noTie')}
          </Text>
        ),
    },
  ]
  return (
    <section aria-labelledby="ranking-table-title">
      <Title order={2} size="h3" id="ranking-table-title" mb="sm">
        {t('ranking.table.title')}
      </Title>
      <DataTable
        label={t('ranking.table.title')}
        columns={columns}
        data={list.data}
        isLoading={false}
        query={list.query}
        onQueryChange={list.onQueryChange}
        searchLabel={t('ranking.table.search')}
        filters={
          <Select
            label={t('ranking.table.show')}
            w={200}
            allowDeselect={false}
            value={show}
            data={(['all', 'ranked', 'out'] as const).map((v) => ({ value: v, label: t(`ranking.table.shows.${v}`) }))}
            onChange={(v) => {
              setShow((v as Show) ?? 'all')
              list.onQueryChange({ page: undefined })
            }}
          />
        }
        filtered={show !== 'all'}
        empty={
          <EmptyState
            icon={<IconTrophy size={24} />}
            title={t('ranking.table.empty')}
            description={t('ranking.table.emptyText')}
          />
        }
        rowKey={(i) => i.applicationId}
        minWidth={720}
      />
    </section>
  )
}

/** The rule that decided an application's place in its tie, with every pair it won or lost in a tooltip. */
/** A badge whose sentence wraps in a narrow column instead of being cut with an ellipsis. */
const wrappingBadge = {
  root: { height: 'auto', paddingBlock: 2, textTransform: 'none' as const },
  label: { whiteSpace: 'normal' as const, overflow: 'visible', textAlign: 'left' as const },
}

function TieBadge({ item, r, timeZone }: { item: RankingItem; r: RankingView; timeZone: string | undefined }) {
  const { t } = useTranslation()
  const f = useFormat()
  const ruleText = useRuleText(r)
  const tb = item.tieBreak!
  const acronym = (id: string) => r.items.find((x) => x.applicationId === id)?.acronym ?? id
  const value = (v: PairDecision['mine']) =>
    v === null
      ? '—'
      : typeof v === 'boolean'
        ? t(v ? 'ranking.tie.yes' : 'ranking.tie.no')
        : typeof v === 'number'
          ? f.number(v)
          : f.dateTime(v, timeZone)
  const pair = (p: PairDecision, key: 'ahead' | 'behind') =>
    t(`ranking.tie.${key}`, {
      other: acronym(p.applicationId),
      rule: ruleText(p.rule, p.criterionId),
      mine: value(p.mine),
      theirs: value(p.theirs),
    })
  const lines = [
    t('ranking.tie.summary', {
      total: item.total === null ? '—' : f.number(item.total),
      others: f.list(tb.tiedWith.map(acronym)),
      position: f.number(tb.position),
      size: f.number(tb.groupSize),
    }),
    ...tb.beatenBy.map((p) => pair(p, 'behind')),
    ...tb.beats.map((p) => pair(p, 'ahead')),
  ]
  return (
    <Tooltip
      multiline
      w={320}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
      label={
        <Stack gap={2}>
          {lines.map((l) => (
            <Text key={l} size="xs">
              {l}
            </Text>
          ))}
        </Stack>
      }
    >
      <Badge
        component="button"
        type="button"
        color="cascade"
        variant="light"
        radius="sm"
        styles={wrappingBadge}
        style={{ cursor: 'help' }}
      >
        {t('ranking.tie.decidedBy', { rule: ruleText(tb.rule, tb.criterionId) })}
        <VisuallyHidden>{` ${lines.join(' ')}`}</VisuallyHidden>
      </Badge>
    </Tooltip>
  )
}
