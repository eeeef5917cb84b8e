import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Popover,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconInfoCircle, IconLock, IconPlus, IconTrash } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  AssignmentOverview,
  AssignmentPair,
  AssignmentRun,
} from '../../../shared/contracts/evaluation-assignments.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { useMe } from '../../app/session.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { assignApi, assignKeys } from './api.ts'

const route = getRouteApi('/app/evaluation/$callId/assignment')
const PAIRS_PAGE = 60
const EXPERTS_PAGE = 15

/** Operators: run the assignment optimiser, read its outcome, review and adjust the pairs of a call. */
export function AssignmentPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="evaluation.view" title={t('assign.page.title')}>
      <Assignment />
    </RequireCapability>
  )
}

function Assignment() {
  const { t, i18n } = useTranslation()
  const { callId } = route.useParams()
  const call = useQuery({ queryKey: assignKeys.call(callId), queryFn: () => assignApi.call(callId) })
  const overview = useQuery({ queryKey: assignKeys.overview(callId), queryFn: () => assignApi.overview(callId) })
  const { data: me } = useMe()
  const canManage = me?.abilities['evaluation.manage']?.allowed === true
  const title = t('assign.page.title')
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={call.data ? `${title}: ${call.data.code}` : title}
        description={call.data ? `${call.data.code} · ${localized(call.data.title, i18n.language)}` : undefined}
      />
      <EvaluationTabs callId={callId} active="assignment" />
      <Stack gap="lg" mt="lg">
        <RunCard
          callId={callId}
          canManage={canManage}
          overview={overview.data}
          timeZone={call.data?.schedule.timeZone}
        />
        <ErrorAlert error={overview.error} />
        {overview.isLoading ? <Skeleton height={120} /> : null}
        {overview.data ? <LoadsCard overview={overview.data} /> : null}
        {overview.data ? <PairsCard callId={callId} overview={overview.data} canManage={canManage} /> : null}
      </Stack>
    </>
  )
}

// ——— Runs ———

function RunCard(props: {
  callId: string
  canManage: boolean
  overview: AssignmentOverview | undefined
  timeZone: string | undefined
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const { callId } = props
  const runs = useQuery({
    queryKey: assignKeys.runs(callId),
    queryFn: () => assignApi.runs(callId),
    refetchInterval: (q) => {
      const s = q.state.data?.latest?.status
      return s === 'queued' || s === 'running' ? 1000 : false
    },
  })
  const latest = runs.data?.latest ?? null
  const busy = latest?.status === 'queued' || latest?.status === 'running'
  // When a run finishes, the pairs and loads have changed.
  const wasBusy = useRef(false)
  useEffect(() => {
    if (wasBusy.current && !busy) void qc.invalidateQueries({ queryKey: assignKeys.all(callId) })
    wasBusy.current = busy
  }, [busy, qc, callId])
  const start = useMutation({
    mutationFn: () => assignApi.startRun(callId),
    onSuccess: (run) => {
      // Show the queued run (and its progress bar) at once: a small run may be over before the refetch.
      qc.setQueryData(assignKeys.runs(callId), (old: typeof runs.data) =>
        old ? { ...old, latest: run, items: [run, ...old.items] } : old,
      )
      return qc.invalidateQueries({ queryKey: assignKeys.runs(callId) })
    },
  })
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="assign-run">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="assign-run">
            {t('assign.run.title')}
          </Title>
          {props.canManage ? (
            <Button onClick={() => start.mutate()} loading={start.isPending} disabled={busy}>
              {latest ? t('assign.run.rerun') : t('assign.run.start')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('assign.run.description')}
        </Text>
        <ErrorAlert error={start.error ?? runs.error} />
        {runs.isLoading ? <Skeleton height={48} /> : null}
        {runs.data && !latest ? <Text size="sm">{t('assign.run.none')}</Text> : null}
        {latest && busy ? (
          <Stack gap={4}>
            <Text size="sm" id="assign-progress-label">
              {t('assign.run.running', { phase: t(`assign.phase.${latest.progress.phase}`, latest.progress.phase) })}
            </Text>
            <Progress.Root>
              <Progress.Section value={latest.progress.percent} animated aria-labelledby="assign-progress-label" />
            </Progress.Root>
          </Stack>
        ) : null}
        {latest && !busy ? <RunOutcome run={latest} overview={props.overview} /> : null}
        {runs.data && runs.data.items.length > 1 ? (
          <Text size="xs" c="dimmed">
            {t('assign.run.history', {
              count: runs.data.items.length - 1,
              failed: runs.data.items.slice(1).filter((r) => r.status === 'failed').length,
            })}
          </Text>
        ) : null}
        {latest?.finishedAt ? (
          <Text size="xs" c="dimmed">
            {t('assign.run.finishedAt', {
              at: f.dateTime(latest.finishedAt, props.timeZone, true),
              by: latest.startedBy ?? t('assign.run.someone'),
            })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}

function RunOutcome({ run, overview }: { run: AssignmentRun; overview: AssignmentOverview | undefined }) {
  const { t } = useTranslation()
  const f = useFormat()
  if (run.status === 'succeeded' && run.result) {
    const r = run.result
    return (
      <Stack gap="xs">
        <Alert color="green" variant="light" title={t('assign.run.succeeded')}>
          {r.optimal ? t('assign.run.optimal') : t('assign.run.notProven')}
        </Alert>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('assign.run.objective')} value={f.number(r.objective, { maximumFractionDigits: 4 })} />
          <Figure label={t('assign.run.pairs')} value={f.number(r.pairs)} />
          <Figure label={t('assign.run.kept')} value={f.number(r.kept)} />
          <Figure label={t('assign.run.changes')} value={`+${r.added} / −${r.removed}`} />
          <Figure label={t('assign.run.applications')} value={f.number(r.applications)} />
          <Figure label={t('assign.run.experts')} value={f.number(r.experts)} />
          <Figure label={t('assign.run.method')} value={t(`assign.method.${r.method}`, r.method)} />
          <Figure
            label={t('assign.run.time')}
            value={t('assign.run.seconds', { s: f.number(r.timeMs / 1000, { maximumFractionDigits: 1 }) })}
          />
        </SimpleGrid>
      </Stack>
    )
  }
  if (run.status === 'failed' && run.error) return <RunFailure error={run.error} overview={overview} />
  return null
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  )
}

type Params = Record<string, unknown>

/** The optimiser's refusal in words: its code's text, then the applications, experts or locks concerned. */
function RunFailure({ error, overview }: { error: { code: string; params: Params }; overview?: AssignmentOverview }) {
  const { t, i18n } = useTranslation()
  const appName = (id: unknown) => {
    const a = overview?.applications.find((x) => x.applicationId === id)
    return a ? `${a.reference} · ${a.acronym}` : String(id)
  }
  const expertName = (id: unknown) => overview?.experts.find((x) => x.userId === id)?.name ?? String(id)
  const p = error.params
  const details: string[] = []
  if (typeof p.demand === 'number' && (typeof p.capacity === 'number' || typeof p.minimumLoads === 'number'))
    details.push(
      t('assign.failure.demand', { demand: p.demand, capacity: p.capacity ?? p.minimumLoads, kind: p.kind ?? '' }),
    )
  for (const a of (p.applications as Params[] | undefined) ?? [])
    details.push(
      t(`assign.failure.short.${String(a.reason)}`, {
        application: appName(a.application),
        available: a.available,
        needed: a.needed,
      }),
    )
  for (const e of (p.experts as Params[] | undefined) ?? [])
    details.push(t('assign.failure.minLoad', { expert: expertName(e.expert), available: e.available, min: e.minLoad }))
  for (const l of (p.locks as Params[] | undefined) ?? [])
    details.push(
      t(`assign.failure.lock.${String(l.reason)}`, {
        application: l.application ? appName(l.application) : '',
        expert: l.expert ? expertName(l.expert) : '',
      }),
    )
  const text = i18n.exists(`errors.${error.code}`) ? t(`errors.${error.code}`) : t('errors.internal_error')
  return (
    <Alert color="red" variant="light" title={t('assign.run.failed')} role="alert">
      <Text size="sm">{text}</Text>
      {details.length ? (
        <List size="sm" mt="xs">
          {details.map((d) => (
            <List.Item key={d}>{d}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  )
}

// ——— Loads ———

function LoadsCard({ overview }: { overview: AssignmentOverview }) {
  const { t } = useTranslation()
  const f = useFormat()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const rows = overview.experts.filter((e) => !q || e.name.toLowerCase().includes(q.toLowerCase()))
  const pages = Math.max(1, Math.ceil(rows.length / EXPERTS_PAGE))
  const shown = rows.slice((Math.min(page, pages) - 1) * EXPERTS_PAGE, Math.min(page, pages) * EXPERTS_PAGE)
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="assign-loads">
      <Stack gap="sm">
        <Title order={2} size="h3" id="assign-loads">
          {t('assign.loads.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('assign.loads.rules', {
            k: overview.k,
            rules:
              [
                overview.rules.practitionerRequired ? t('assign.rules.practitionerRequired') : null,
                overview.rules.onePerCountry ? t('assign.rules.onePerCountry') : null,
                overview.rules.excludeApplicantCountries ? t('assign.rules.excludeApplicantCountries') : null,
              ]
                .filter(Boolean)
                .join(' · ') || t('assign.rules.none'),
          })}
        </Text>
        {overview.experts.length === 0 ? (
          <EmptyState title={t('assign.loads.empty')} description={t('assign.loads.emptyHelp')} />
        ) : (
          <>
            <TextInput
              label={t('assign.loads.search')}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value)
                setPage(1)
              }}
              maw={360}
            />
            <Table.ScrollContainer
              minWidth={520}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('table.region', { name: t('assign.loads.title') })}
            >
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assign.pairs.expert')}</Table.Th>
                    <Table.Th>{t('assign.pairs.kind')}</Table.Th>
                    <Table.Th>{t('assign.pairs.countries')}</Table.Th>
                    <Table.Th>{t('assign.loads.load')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((e) => (
                    <Table.Tr key={e.userId}>
                      <Table.Th scope="row" fw={500}>
                        {e.name}
                        {e.available ? null : (
                          <Badge ml="xs" size="sm" color="gray" variant="light">
                            {t('assign.loads.unavailable')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td>{t(`experts.kind.${e.kind}`)}</Table.Td>
                      <Table.Td>{f.list(e.countries.map((c) => f.country(c)))}</Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          c={e.load > e.maxLoad ? 'red.8' : undefined}
                          fw={e.load > e.maxLoad ? 700 : 400}
                        >
                          {t('assign.loads.of', { load: e.load, max: e.maxLoad })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length === 0 ? <Text size="sm">{t('assign.loads.noMatch')}</Text> : null}
            {pages > 1 ? <Pager total={pages} value={Math.min(page, pages)} onChange={setPage} /> : null}
          </>
        )}
      </Stack>
    </Card>
  )
}

// ——— Pairs ———

function PairsCard({
  callId,
  overview,
  canManage,
}: {
  callId: string
  overview: AssignmentOverview
  canManage: boolean
}) {
  const { t } = useTranslation()
  const [applicationId, setApplicationId] = useState<string | null>(null)
  const [expertId, setExpertId] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [adding, setAdding] = useState(false)
  const query = {
    page,
    pageSize: PAIRS_PAGE,
    ...(applicationId ? { applicationId } : {}),
    ...(expertId ? { expertId } : {}),
  }
  const list = useQuery({
    queryKey: assignKeys.pairs(callId, query),
    queryFn: () => assignApi.pairs(callId, query),
    placeholderData: keepPreviousData,
  })
  const groups = useMemo(() => {
    const out: { applicationId: string; reference: string; acronym: string; pairs: AssignmentPair[] }[] = []
    for (const p of list.data?.items ?? []) {
      const last = out.at(-1)
      if (last?.applicationId === p.applicationId) last.pairs.push(p)
      else out.push({ applicationId: p.applicationId, reference: p.reference, acronym: p.acronym, pairs: [p] })
    }
    return out
  }, [list.data])
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAIRS_PAGE)) : 1
  const appOptions = overview.applications.map((a) => ({
    value: a.applicationId,
    label: `${a.reference} · ${a.acronym}`,
  }))
  const expertOptions = overview.experts.map((e) => ({ value: e.userId, label: e.name }))
  const panelSize = (id: string) => overview.applications.find((a) => a.applicationId === id)?.experts ?? 0
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="assign-pairs">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="assign-pairs">
            {t('assign.pairs.title')}
          </Title>
          {canManage ? (
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('assign.pairs.add')}
            </Button>
          ) : null}
        </Group>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('assign.pairs.filterApplication')}
            data={appOptions}
            value={applicationId}
            onChange={(v) => {
              setApplicationId(v)
              setPage(1)
            }}
            searchable
            clearable
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label={t('assign.pairs.filterExpert')}
            data={expertOptions}
            value={expertId}
            onChange={(v) => {
              setExpertId(v)
              setPage(1)
            }}
            searchable
            clearable
            style={{ flex: '1 1 240px' }}
          />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isLoading ? <Skeleton height={200} /> : null}
        {list.data ? (
          <Text size="sm" c="dimmed" role="status">
            {t('assign.pairs.count', { count: list.data.total })}
          </Text>
        ) : null}
        {list.data && list.data.total === 0 ? (
          applicationId || expertId ? (
            <Text size="sm">{t('assign.pairs.noMatch')}</Text>
          ) : (
            <EmptyState title={t('assign.pairs.empty')} description={t('assign.pairs.emptyHelp')} />
          )
        ) : null}
        {groups.map((g) => (
          <Stack key={g.applicationId} gap={4}>
            <Group gap="xs" wrap="wrap">
              <Title order={3} size="h5">
                {g.reference} · {g.acronym}
              </Title>
              <Badge
                variant="light"
                color={panelSize(g.applicationId) === overview.k ? 'green' : 'orange'}
                aria-label={t('assign.pairs.panelOf', { n: panelSize(g.applicationId), k: overview.k })}
              >
                {panelSize(g.applicationId)} / {overview.k}
              </Badge>
            </Group>
            <Table.ScrollContainer
              minWidth={680}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('assign.pairs.panelRegion', { application: `${g.reference} · ${g.acronym}` })}
            >
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assign.pairs.expert')}</Table.Th>
                    <Table.Th>{t('assign.pairs.kind')}</Table.Th>
                    <Table.Th>{t('assign.pairs.affinity')}</Table.Th>
                    <Table.Th>{t('assign.pairs.status')}</Table.Th>
                    <Table.Th>{t('assign.pairs.locked')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('assign.pairs.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.pairs.map((p) => (
                    <PairRow key={p.id} callId={callId} pair={p} canManage={canManage} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))}
        {pages > 1 ? <Pager total={pages} value={page} onChange={setPage} /> : null}
      </Stack>
      {canManage ? (
        <AddPairDialog callId={callId} overview={overview} opened={adding} onClose={() => setAdding(false)} />
      ) : null}
    </Card>
  )
}

const statusColor: Record<string, string> = { assigned: 'blue', confirmed: 'green', recused: 'orange', removed: 'gray' }

function PairRow({ callId, pair: p, canManage }: { callId: string; pair: AssignmentPair; canManage: boolean }) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const refresh = () => qc.invalidateQueries({ queryKey: assignKeys.all(callId) })
  const lock = useMutation({ mutationFn: (locked: boolean) => assignApi.lock(p.id, locked), onSuccess: refresh })
  const remove = useMutation({
    mutationFn: () => assignApi.remove(p.id),
    onSuccess: async () => {
      setConfirming(false)
      await refresh()
    },
  })
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {p.expertName}
        <Text size="xs" c="dimmed">
          {f.list(p.countries.map((c) => f.country(c)))}
        </Text>
      </Table.Th>
      <Table.Td>{t(`experts.kind.${p.kind}`)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text size="sm">{f.number(p.affinity, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</Text>
          <WhyPopover pair={p} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor[p.status]} variant="light">
          {t(`assign.status.${p.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {canManage ? (
          <Switch
            checked={p.locked}
            disabled={lock.isPending}
            onChange={(e) => lock.mutate(e.currentTarget.checked)}
            aria-label={t('assign.pairs.lockOf', { expert: p.expertName, application: p.reference })}
            thumbIcon={p.locked ? <IconLock size={10} aria-hidden /> : undefined}
          />
        ) : p.locked ? (
          <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
            {t('assign.pairs.locked')}
          </Badge>
        ) : null}
        <ErrorAlert error={lock.error} />
      </Table.Td>
      <Table.Td>
        {canManage ? (
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => setConfirming(true)}
            aria-label={t('assign.pairs.removeOf', { expert: p.expertName, application: p.reference })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        ) : null}
        <ConfirmDialog
          opened={confirming}
          title={t('assign.pairs.removeTitle')}
          message={t('assign.pairs.removeMessage', { expert: p.expertName, application: p.reference })}
          confirmLabel={t('assign.pairs.remove')}
          onConfirm={() => remove.mutate()}
          onClose={() => setConfirming(false)}
          danger
          loading={remove.isPending}
          error={remove.error}
        />
      </Table.Td>
    </Table.Tr>
  )
}

/** Why this pair: the reason the optimiser gives, its ranks, the shared words and tags, the bid. */
function WhyPopover({ pair: p }: { pair: AssignmentPair }) {
  const { t } = useTranslation()
  const f = useFormat()
  const w = p.why
  return (
    <Popover width={300} position="bottom" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" size="sm" aria-label={t('assign.why.open', { expert: p.expertName })}>
          <IconInfoCircle size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t(`assign.why.reason.${w.reason}`)}
          </Text>
          {w.rankForApplication !== null && w.rankForExpert !== null ? (
            <Text size="xs">
              {t('assign.why.ranks', { forApplication: w.rankForApplication, forExpert: w.rankForExpert })}
            </Text>
          ) : null}
          <Text size="xs">{t('assign.why.text', { value: f.number(w.text, { maximumFractionDigits: 2 }) })}</Text>
          <Text size="xs">
            {w.bid
              ? t('assign.why.bid', {
                  bid: t(`assign.bid.${w.bid}`),
                  weight: f.number(w.bidWeight, { style: 'percent' }),
                })
              : t('assign.why.noBid')}
          </Text>
          {w.words.length ? <Text size="xs">{t('assign.why.words', { words: w.words.join(', ') })}</Text> : null}
          {w.tags.length ? <Text size="xs">{t('assign.why.tags', { tags: w.tags.join(', ') })}</Text> : null}
          {p.status === 'confirmed' && p.confirmedAt ? (
            <Text size="xs" c="green.9">
              {t('assign.why.confirmed')}
            </Text>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}

function AddPairDialog(props: { callId: string; overview: AssignmentOverview; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  const qc = useQueryClient()
  const [applicationId, setApplicationId] = useState<string | null>(null)
  const [userId, setUserId] = useState<string | null>(null)
  const [locked, setLocked] = useState(true)
  const add = useMutation({
    mutationFn: () =>
      assignApi.add(props.callId, { applicationId: applicationId as string, userId: userId as string, locked }),
    onSuccess: async () => {
      setApplicationId(null)
      setUserId(null)
      props.onClose()
      await qc.invalidateQueries({ queryKey: assignKeys.all(props.callId) })
    },
  })
  const code = (add.error as { code?: string } | null)?.code
  const expertError = code === 'assignment_conflicted' || code === 'assignment_exists' || code === 'expert_not_found'
  const appError = code === 'application_not_found'
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('assign.pairs.addTitle')} centered>
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault()
          if (applicationId && userId) add.mutate()
        }}
      >
        <Select
          label={t('assign.pairs.application')}
          data={props.overview.applications.map((a) => ({
            value: a.applicationId,
            label: `${a.reference} · ${a.acronym} (${a.experts}/${props.overview.k})`,
          }))}
          value={applicationId}
          onChange={setApplicationId}
          searchable
          required
          error={appError ? message(add.error) : undefined}
        />
        <Select
          label={t('assign.pairs.expert')}
          description={t('assign.pairs.expertHelp')}
          data={props.overview.experts.map((e) => ({
            value: e.userId,
            label: `${e.name} · ${t(`experts.kind.${e.kind}`)} (${e.load}/${e.maxLoad})`,
          }))}
          value={userId}
          onChange={setUserId}
          searchable
          required
          error={expertError ? message(add.error) : undefined}
        />
        <Checkbox
          label={t('assign.pairs.lockNew')}
          checked={locked}
          onChange={(e) => setLocked(e.currentTarget.checked)}
        />
        {add.error && !expertError && !appError ? <ErrorAlert error={add.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending} disabled={!applicationId || !userId}>
            {t('assign.pairs.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
