import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DecisionBoard, DecisionItem, DecisionOutcome } from '../../../shared/contracts/evaluation-decisions.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { AdjustGrantDialog } from './AdjustGrantDialog.tsx'
import { decisionKeys, decisionsApi } from './api.ts'
import { OutcomeBadge, useMoney, useReason } from './labels.tsx'

const route = getRouteApi('/app/evaluation/$callId/decisions')
const PAGE_SIZE = 25

/** Operators: take the decisions from the adopted scenario, notify them, follow responses and promotions. */
export function DecisionsPage() {
  const { t } = useTranslation()
  const { callId } = route.useParams()
  const qc = useQueryClient()
  const board = useQuery({ queryKey: decisionKeys.board(callId), queryFn: () => decisionsApi.board(callId) })
  const [confirm, setConfirm] = useState<'decide' | 'notify' | null>(null)
  const [adjusting, setAdjusting] = useState<DecisionItem | null>(null)
  const set = (b: DecisionBoard) => qc.setQueryData(decisionKeys.board(callId), b)
  const decide = useMutation({
    mutationFn: () => decisionsApi.decide(callId),
    onSuccess: (b) => {
      set(b)
      setConfirm(null)
      notifications.show({ color: 'green', message: t('decisions.board.decided', { count: b.items.length }) })
    },
  })
  const notify = useMutation({
    mutationFn: () => decisionsApi.notify(callId),
    onSuccess: (r) => {
      set(r.board)
      setConfirm(null)
      notifications.show({ color: 'green', message: t('decisions.board.notifiedDone', { count: r.notified }) })
    },
  })
  const b = board.data
  return (
    <>
      <PageHeader
        title={t('decisions.board.title')}
        documentTitle={b ? `${t('decisions.board.title')} · ${b.callCode}` : undefined}
        description={t('decisions.board.description')}
      />
      <Stack gap="lg">
        <EvaluationTabs callId={callId} active="decisions" />
        <ErrorAlert error={board.error} />
        {board.isLoading ? <Skeleton height={240} /> : null}
        {b && b.items.length === 0 ? (
          b.scenario ? (
            <ScenarioCard board={b} onDecide={() => setConfirm('decide')} />
          ) : (
            <EmptyState
              title={t('decisions.board.noScenario')}
              description={t('decisions.board.noScenarioHelp')}
              action={
                <ButtonLink to="/app/evaluation/$callId/selection" params={{ callId }} variant="light">
                  {t('decisions.board.toSelection')}
                </ButtonLink>
              }
            />
          )
        ) : null}
        {b && b.items.length > 0 ? (
          <>
            <Summary board={b} onNotify={() => setConfirm('notify')} />
            <DecisionTable items={b.items} timeZone={b.timeZone} onAdjust={setAdjusting} />
            <AdjustGrantDialog callId={callId} item={adjusting} onClose={() => setAdjusting(null)} />
          </>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirm === 'decide'}
        title={t('decisions.board.decideTitle')}
        message={t('decisions.board.decideConfirm', {
          selected: b?.scenario?.selected ?? 0,
          reserve: b?.scenario?.reserve ?? 0,
          out: b?.scenario?.out ?? 0,
        })}
        confirmLabel={t('decisions.board.decide')}
        onConfirm={() => decide.mutate()}
        onClose={() => setConfirm(null)}
        loading={decide.isPending}
        error={decide.error}
      />
      <ConfirmDialog
        opened={confirm === 'notify'}
        title={t('decisions.board.notifyTitle')}
        message={t('decisions.board.notifyConfirm', {
          count: b?.items.filter((i) => i.notifiedAt === null).length ?? 0,
        })}
        confirmLabel={t('decisions.board.notify')}
        onConfirm={() => notify.mutate()}
        onClose={() => setConfirm(null)}
        loading={notify.isPending}
        error={notify.error}
      />
    </>
  )
}

function ScenarioCard({ board, onDecide }: { board: DecisionBoard; onDecide: () => void }) {
  const { t } = useTranslation()
  const money = useMoney()
  const f = useFormat()
  const s = board.scenario!
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="adopted-scenario">
      <Stack gap="sm">
        <Title order={2} size="h3" id="adopted-scenario">
          {t('decisions.board.scenario', { name: s.name })}
        </Title>
        {s.adoptedAt ? (
          <Text size="sm" c="dimmed">
            {t('decisions.board.adoptedAt', { date: f.dateTime(s.adoptedAt, board.timeZone) })}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Stat label={t('decisions.board.budget')} value={money(s.budgetCents)} />
          <Stat label={t('decisions.board.spent')} value={money(s.spentCents)} />
          <Stat label={t('decisions.outcomes.funded')} value={String(s.selected)} />
          <Stat label={t('decisions.outcomes.reserve')} value={String(s.reserve)} />
          <Stat label={t('decisions.outcomes.rejected')} value={String(s.out)} />
        </SimpleGrid>
        <Text size="sm">{t('decisions.board.decideHelp')}</Text>
        <Group>
          <Button onClick={onDecide}>{t('decisions.board.decide')}</Button>
        </Group>
      </Stack>
    </Card>
  )
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  )
}

function Summary({ board, onNotify }: { board: DecisionBoard; onNotify: () => void }) {
  const { t } = useTranslation()
  const money = useMoney()
  const f = useFormat()
  const pending = board.items.filter((i) => i.notifiedAt === null).length
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="decisions-summary">
      <Stack gap="sm">
        <Title order={2} size="h3" id="decisions-summary">
          {t('decisions.board.summary')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Stat label={t('decisions.outcomes.funded')} value={String(board.counts.funded)} />
          <Stat label={t('decisions.outcomes.reserve')} value={String(board.counts.reserve)} />
          <Stat label={t('decisions.outcomes.rejected')} value={String(board.counts.rejected)} />
          <Stat
            label={t('decisions.board.budget')}
            value={board.budgetCents === null ? '—' : money(board.budgetCents)}
          />
          <Stat label={t('decisions.board.committed')} value={money(board.committedCents)} />
        </SimpleGrid>
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" role="status">
            {board.notifiedAt
              ? t('decisions.board.notifiedAt', { date: f.dateTime(board.notifiedAt, board.timeZone, true) })
              : t('decisions.board.notNotified', { count: pending })}
          </Text>
          {pending > 0 ? <Button onClick={onNotify}>{t('decisions.board.notify')}</Button> : null}
        </Group>
      </Stack>
    </Card>
  )
}

function DecisionTable({
  items,
  timeZone,
  onAdjust,
}: {
  items: DecisionItem[]
  timeZone: string
  onAdjust?: (item: DecisionItem) => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const reason = useReason()
  const f = useFormat()
  const [outcome, setOutcome] = useState<'all' | DecisionOutcome>('all')
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase()
    return items.filter(
      (i) =>
        (outcome === 'all' || i.outcome === outcome) &&
        (!needle ||
          i.reference.toLowerCase().includes(needle) ||
          i.acronym.toLowerCase().includes(needle) ||
          i.leadOrganisation.toLowerCase().includes(needle)),
    )
  }, [items, outcome, q])
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE))
  const current = Math.min(page, pages)
  const rows = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="decisions-table">
      <Stack gap="sm">
        <Title order={2} size="h3" id="decisions-table">
          {t('decisions.board.decisions')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('decisions.board.search')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value)
              setPage(1)
            }}
            style={{ flex: '1 1 220px' }}
          />
          <Select
            label={t('decisions.board.outcome')}
            value={outcome}
            onChange={(v) => {
              setOutcome((v as typeof outcome | null) ?? 'all')
              setPage(1)
            }}
            allowDeselect={false}
            data={(['all', 'funded', 'reserve', 'rejected'] as const).map((o) => ({
              value: o,
              label: o === 'all' ? t('decisions.board.all') : t(`decisions.outcomes.${o}`),
            }))}
            w={200}
          />
        </Group>
        <Text size="sm" c="dimmed" role="status">
          {t('decisions.board.count', { count: shown.length })}
        </Text>
        {shown.length === 0 ? (
          <Text c="dimmed">{t('table.noResults')}</Text>
        ) : (
          <Table.ScrollContainer
            minWidth={960}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('table.region', { name: t('decisions.board.decisions') })}
          >
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('decisions.board.rank')}</Table.Th>
                  <Table.Th>{t('decisions.board.application')}</Table.Th>
                  <Table.Th>{t('decisions.board.outcome')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('decisions.board.requested')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('decisions.board.granted')}</Table.Th>
                  <Table.Th>{t('decisions.board.response')}</Table.Th>
                  <Table.Th>{t('decisions.board.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((i) => (
                  <Table.Tr key={i.applicationId}>
                    <Table.Td>{i.rank ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {i.reference} · {i.acronym}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {i.leadOrganisation}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <OutcomeBadge outcome={i.outcome} reserveRank={i.reserveRank} />
                        {i.promotedAt ? (
                          <Badge color="teal" variant="outline" size="sm">
                            {t('decisions.board.promoted', { date: f.date(i.promotedAt, timeZone) })}
                          </Badge>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{money(i.requestedCents)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Stack gap={2} align="flex-end">
                        <span>{i.grantedCents === null ? '—' : money(i.grantedCents)}</span>
                        {i.adjustmentReason ? (
                          <Text size="xs" c="dimmed" ta="right">
                            {t('decisions.adjust.cut')}
                          </Text>
                        ) : null}
                        {i.outcome === 'funded' && !i.notifiedAt && onAdjust ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => onAdjust(i)}
                            aria-label={t('decisions.adjust.open', { acronym: i.acronym })}
                          >
                            {t('decisions.adjust.action')}
                          </Button>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {i.response ? (
                        <Badge color={i.response === 'accepted' ? 'green' : 'red'} variant="light">
                          {t(`decisions.responses.${i.response}`)}
                        </Badge>
                      ) : i.outcome === 'funded' && i.notifiedAt ? (
                        <Text size="sm" c="dimmed">
                          {t('decisions.board.awaiting')}
                        </Text>
                      ) : (
                        '—'
                      )}
                      {i.notifiedAt ? null : (
                        <Text size="xs" c="dimmed">
                          {t('decisions.board.notNotifiedShort')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{reason(i.reason)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages > 1 ? <Pager total={pages} value={current} onChange={setPage} /> : null}
      </Stack>
    </Card>
  )
}
