import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Popover,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconInfoCircle, IconLock, IconPlus, IconTrash } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssignmentOverview, AssignmentPair } from '../../../shared/contracts/evaluation-assignments.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { assignApi, assignKeys } from './api.ts'

const PAIRS_PAGE = 60

export function PairsCard({
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
