import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallExpert } from '../../../shared/contracts/experts.ts'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { callKeys, callsApi } from '../calls/api.ts'
import { expertKeys, expertsApi } from './api.ts'
import { ConflictsCard } from './ConflictsCard.tsx'
import { statusColor } from './ExpertProfilePage.tsx'

const route = getRouteApi('/app/experts')
const PAGE_SIZE = 20
const callsQuery = { page: 1, pageSize: 100 }

/** Operators: a call's candidate experts (search, status, paging, decisions), invitations, and conflicts. */
export function ExpertPoolPage() {
  const { t, i18n } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const calls = useQuery({ queryKey: callKeys.list(callsQuery), queryFn: () => callsApi.list(callsQuery) })
  const callId = search.call ?? null
  const [q, setQ] = useState(search.q ?? '')
  const query = { q: search.q ?? '', status: search.status, page: search.page ?? 1, pageSize: PAGE_SIZE }
  const list = useQuery({
    queryKey: expertKeys.list(callId ?? '', query),
    queryFn: () => expertsApi.list(callId as string, query),
    enabled: !!callId,
    placeholderData: keepPreviousData,
  })
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1
  const go = (change: Record<string, unknown>) =>
    navigate({ search: (prev) => ({ ...prev, page: undefined, ...change }) as typeof prev })
  return (
    <>
      <PageHeader title={t('experts.pool.title')} description={t('experts.pool.description')} />
      <Stack gap="lg">
        <Select
          label={t('experts.pool.call')}
          data={(calls.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.code} · ${localized(c.title, i18n.language)}`,
          }))}
          value={callId}
          onChange={(v) => go({ call: v ?? undefined, q: undefined, status: undefined })}
          searchable
          maw={560}
        />
        {callId ? (
          <>
            <InviteCard callId={callId} />
            <Card withBorder radius="md" padding="lg" aria-labelledby="pool-experts">
              <Stack gap="sm">
                <Title order={2} size="h3" id="pool-experts">
                  {t('experts.pool.experts')}
                </Title>
                <Group
                  align="flex-end"
                  wrap="wrap"
                  component="form"
                  role="search"
                  onSubmit={(e) => {
                    e.preventDefault()
                    go({ q: q || undefined })
                  }}
                >
                  <TextInput
                    label={t('experts.pool.search')}
                    value={q}
                    onChange={(e) => setQ(e.currentTarget.value)}
                    style={{ flex: '1 1 240px' }}
                  />
                  <Select
                    label={t('experts.pool.status')}
                    data={(['pending', 'approved', 'rejected'] as const).map((s) => ({
                      value: s,
                      label: t(`experts.status.${s}`),
                    }))}
                    value={search.status ?? null}
                    onChange={(v) => go({ status: v ?? undefined })}
                    clearable
                    w={180}
                  />
                  <Button type="submit">{t('experts.pool.searchButton')}</Button>
                </Group>
                <ErrorAlert error={list.error} />
                {list.isLoading ? <Skeleton height={160} /> : null}
                {list.data ? (
                  <Text size="sm" c="dimmed" role="status">
                    {t('experts.pool.count', { count: list.data.total })}
                  </Text>
                ) : null}
                <Table.ScrollContainer
                  minWidth={760}
                  type="native"
                  tabIndex={0}
                  role="region"
                  aria-label={t('table.region', { name: t('experts.pool.experts') })}
                >
                  <Table verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('experts.pool.expert')}</Table.Th>
                        <Table.Th>{t('experts.profile.kind')}</Table.Th>
                        <Table.Th>{t('experts.pool.status')}</Table.Th>
                        <Table.Th>{t('experts.pool.maxLoad')}</Table.Th>
                        <Table.Th>{t('experts.pool.decision')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {(list.data?.items ?? []).map((e) => (
                        <ExpertRow key={e.userId} callId={callId} expert={e} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {pages > 1 ? (
                  <Pager
                    total={pages}
                    value={search.page ?? 1}
                    onChange={(page) => navigate({ search: (prev) => ({ ...prev, page }) as typeof prev })}
                  />
                ) : null}
              </Stack>
            </Card>
            <ConflictsCard callId={callId} />
          </>
        ) : (
          <Text c="dimmed">{t('experts.pool.chooseCall')}</Text>
        )}
      </Stack>
    </>
  )
}

function ExpertRow({ callId, expert: e }: { callId: string; expert: CallExpert }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [load, setLoad] = useState<number>(e.maxLoad)
  const decide = useMutation({
    mutationFn: (status: 'approved' | 'rejected') => expertsApi.decide(callId, e.userId, { status, maxLoad: load }),
    onSuccess: () => qc.invalidateQueries({ queryKey: expertKeys.pool(callId) }),
  })
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600}>{e.name}</Text>
        <Text size="xs" c="dimmed">
          {e.email} · {t(`experts.source.${e.source}`)}
        </Text>
        <Text size="sm" lineClamp={2}>
          {e.expertise}
        </Text>
        {e.declarationsComplete ? null : (
          <Text size="xs" c="orange.9">
            {t('experts.pool.declarationsMissing')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`experts.kind.${e.kind}`)}</Table.Td>
      <Table.Td>
        <Badge color={statusColor[e.status]} variant="light">
          {t(`experts.status.${e.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('experts.pool.maxLoadOf', { name: e.name })}
          value={load}
          onChange={(v) => setLoad(typeof v === 'number' ? v : 0)}
          min={0}
          max={200}
          w={90}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            color="green"
            loading={decide.isPending}
            disabled={!e.declarationsComplete}
            onClick={() => decide.mutate('approved')}
            aria-label={t('experts.pool.approveName', { name: e.name })}
          >
            {t('experts.pool.approve')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={decide.isPending}
            onClick={() => decide.mutate('rejected')}
            aria-label={t('experts.pool.rejectName', { name: e.name })}
          >
            {t('experts.pool.reject')}
          </Button>
        </Group>
        <ErrorAlert error={decide.error} />
      </Table.Td>
    </Table.Tr>
  )
}

function InviteCard({ callId }: { callId: string }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const invite = useMutation({
    mutationFn: () => expertsApi.invite(callId, { email }),
    onSuccess: (r) => {
      setEmail('')
      notifications.show({ color: 'green', message: t('experts.pool.invited', { email: r.email }) })
    },
  })
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="pool-invite">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pool-invite">
          {t('experts.pool.invite')}
        </Title>
        <Group
          align="flex-end"
          wrap="wrap"
          component="form"
          onSubmit={(e) => {
            e.preventDefault()
            invite.mutate()
          }}
        >
          <TextInput
            type="email"
            label={t('experts.pool.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            style={{ flex: '1 1 260px' }}
          />
          <Button type="submit" loading={invite.isPending}>
            {t('experts.pool.sendInvite')}
          </Button>
        </Group>
        <ErrorAlert error={invite.error} />
      </Stack>
    </Card>
  )
}
