import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Radio,
  Skeleton,
  Spoiler,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BidItem, BidValue } from '../../../shared/contracts/evaluation-assignments.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { assignApi, assignKeys } from './api.ts'

const route = getRouteApi('/app/evaluations/bids/$callId')
const PAGE_SIZE = 10

/**
 * An approved expert's bids on a call's applications: title and abstract only (consortium names unless
 * the evaluation is anonymised), yes / maybe / no, until the individual evaluation starts.
 */
export function BidsPage() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const { callId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const [q, setQ] = useState(search.q ?? '')
  const query = { q: search.q ?? '', page: search.page ?? 1, pageSize: PAGE_SIZE }
  const call = useQuery({ queryKey: assignKeys.call(callId), queryFn: () => assignApi.call(callId), retry: false })
  const list = useQuery({
    queryKey: assignKeys.bids(callId, query),
    queryFn: () => assignApi.bids(callId, query),
    placeholderData: keepPreviousData,
  })
  const d = list.data
  const pages = d ? Math.max(1, Math.ceil(d.total / PAGE_SIZE)) : 1
  const title = t('assign.bids.title')
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={call.data ? `${title}: ${call.data.code}` : title}
        description={call.data ? `${call.data.code} · ${localized(call.data.title, i18n.language)}` : undefined}
      />
      <Stack gap="lg">
        <Text>{t('assign.bids.description')}</Text>
        {d ? (
          d.open ? (
            <Alert color="blue" variant="light">
              {d.closesAt
                ? t('assign.bids.openUntil', { at: f.dateTime(d.closesAt, call.data?.schedule.timeZone, true) })
                : t('assign.bids.open')}
            </Alert>
          ) : (
            <Alert color="gray" variant="light">
              {t('assign.bids.closed')}
            </Alert>
          )
        ) : null}
        {d ? (
          <Text size="sm" role="status">
            {t('assign.bids.counts', { yes: d.counts.yes, maybe: d.counts.maybe, no: d.counts.no })}
          </Text>
        ) : null}
        <Group
          align="flex-end"
          wrap="wrap"
          component="form"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            void navigate({ search: { q: q || undefined, page: undefined } })
          }}
        >
          <TextInput
            label={t('assign.bids.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit">{t('assign.bids.searchButton')}</Button>
        </Group>
        <ErrorAlert error={list.error} />
        {list.isLoading ? (
          <Stack aria-busy="true" aria-label={t('common.loading')}>
            <Skeleton height={140} />
            <Skeleton height={140} />
          </Stack>
        ) : null}
        {d && d.total === 0 ? (
          query.q ? (
            <Text>{t('assign.bids.noMatch')}</Text>
          ) : (
            <EmptyState title={t('assign.bids.empty')} />
          )
        ) : null}
        {d?.items.map((item) => (
          <BidCard key={item.applicationId} callId={callId} item={item} open={d.open} anonymised={d.anonymised} />
        ))}
        {pages > 1 ? (
          <Pager
            total={pages}
            value={query.page}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })}
          />
        ) : null}
      </Stack>
    </>
  )
}

function BidCard({
  callId,
  item,
  open,
  anonymised,
}: {
  callId: string
  item: BidItem
  open: boolean
  anonymised: boolean
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const set = useMutation({
    mutationFn: (bid: BidValue | null) => assignApi.bid(callId, item.applicationId, bid),
    onSuccess: () => qc.invalidateQueries({ queryKey: assignKeys.all(callId) }),
  })
  const headingId = `bid-${item.applicationId}`
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {item.acronym} — {item.title}
          </Title>
          {item.bid ? (
            <Badge variant="light" color={item.bid === 'yes' ? 'green' : item.bid === 'maybe' ? 'yellow' : 'gray'}>
              {t(`assign.bid.${item.bid}`)}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {item.reference}
          {item.challenge ? ` · ${item.challenge.code} ${item.challenge.title}` : ''}
        </Text>
        {item.organisations ? (
          <Text size="sm">{t('assign.bids.consortium', { names: f.list(item.organisations) })}</Text>
        ) : anonymised ? (
          <Text size="xs" c="dimmed">
            {t('assign.bids.anonymised')}
          </Text>
        ) : null}
        <Spoiler maxHeight={96} showLabel={t('assign.bids.more')} hideLabel={t('assign.bids.less')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {item.abstract || t('assign.bids.noAbstract')}
          </Text>
        </Spoiler>
        <Radio.Group
          label={t('assign.bids.yourBid', { acronym: item.acronym })}
          value={item.bid ?? 'none'}
          onChange={(v) => set.mutate(v === 'none' ? null : (v as BidValue))}
        >
          <Group gap="md" mt={4} wrap="wrap">
            {(['yes', 'maybe', 'no', 'none'] as const).map((v) => (
              <Radio key={v} value={v} label={t(`assign.bid.${v}`)} disabled={!open || set.isPending} />
            ))}
          </Group>
        </Radio.Group>
        <ErrorAlert error={set.error} />
      </Stack>
    </Card>
  )
}
