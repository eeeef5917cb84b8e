import { Anchor, Button, Code, Group, Modal, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconHistory } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEvent } from '../../../shared/contracts/admin.ts'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { PageHeader } from '../../design-system/PageHeader.tsx'

const route = getRouteApi('/app/admin/activity')

/** `2024-05-01T10:00` (a datetime-local value, in the viewer's zone) ↔ an ISO instant. */
function localToIso(v: string): string | undefined {
  if (!v) return undefined
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}
function isoToLocal(v: string | undefined): string {
  if (!v) return ''
  const d = new Date(v)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function ActivityLogPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="admin.audit.view" title={t('admin.audit.title')}>
      <ActivityLog />
    </RequireCapability>
  )
}

function ActivityLog() {
  const { t } = useTranslation()
  const f = useFormat()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { q: _q, ...query } = search
  const list = useQuery({
    queryKey: queryKeys.auditEvents(query),
    queryFn: () => api.auditEvents(query),
    placeholderData: keepPreviousData,
  })
  const [open, setOpen] = useState<AuditEvent | null>(null)
  const filters = useForm({
    mode: 'controlled',
    initialValues: {
      actor: search.actor ?? '',
      subjectType: search.subjectType ?? '',
      subjectId: search.subjectId ?? '',
      action: search.action ?? '',
      from: isoToLocal(search.from),
      to: isoToLocal(search.to),
    },
  })
  const applyValues = (v: typeof filters.values) =>
    navigate({
      search: (prev) => ({
        ...prev,
        actor: v.actor.trim() || undefined,
        subjectType: v.subjectType.trim() || undefined,
        subjectId: v.subjectId.trim() || undefined,
        action: v.action.trim() || undefined,
        from: localToIso(v.from),
        to: localToIso(v.to),
        page: undefined,
      }),
      replace: true,
    })
  const apply = filters.onSubmit(applyValues)
  const filterBy = (patch: Partial<typeof filters.values>) => {
    const next = { ...filters.getValues(), ...patch }
    filters.setValues(next)
    void applyValues(next)
  }
  const active = Boolean(
    search.actor || search.subjectType || search.subjectId || search.action || search.from || search.to,
  )

  const columns: Column<AuditEvent>[] = [
    { key: 'seq', nowrap: true, header: t('admin.audit.seq'), sortField: 'seq', render: (e) => <Code>{e.seq}</Code> },
    {
      key: 'time',
      nowrap: true,
      header: t('admin.audit.time'),
      render: (e) => <time dateTime={e.occurredAt}>{f.dateTime(e.occurredAt, undefined, true)}</time>,
    },
    { key: 'actor', header: t('admin.audit.actor'), render: (e) => e.actorLabel },
    { key: 'action', header: t('admin.audit.action'), rowHeader: true, render: (e) => <Code>{e.action}</Code> },
    {
      key: 'subject',
      header: t('admin.audit.subject'),
      nowrap: true,
      render: (e) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          title={e.subjectId ?? undefined}
          onClick={() => filterBy({ subjectType: e.subjectType, subjectId: e.subjectId ?? '' })}
        >
          {e.subjectType}
          {e.subjectId ? ` ${e.subjectId.slice(0, 8)}…` : ''}
          <VisuallyHidden> — {t('admin.audit.filterSubject')}</VisuallyHidden>
        </Anchor>
      ),
    },
    {
      key: 'details',
      nowrap: true,
      header: t('common.actions'),
      render: (e) => (
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpen(e)}
          aria-label={t('admin.audit.detailsOf', { seq: e.seq })}
        >
          {t('admin.audit.details')}
        </Button>
      ),
    },
  ]

  return (
    <>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      <form onSubmit={apply} aria-label={t('admin.audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mb="sm">
          <TextInput
            label={t('admin.audit.actor')}
            description={t('admin.audit.actorHelp')}
            {...filters.getInputProps('actor')}
          />
          <TextInput
            label={t('admin.audit.subjectType')}
            description={t('admin.audit.subjectTypeHelp')}
            {...filters.getInputProps('subjectType')}
          />
          <TextInput label={t('admin.audit.subjectId')} {...filters.getInputProps('subjectId')} />
          <TextInput
            label={t('admin.audit.action')}
            description={t('admin.audit.actionHelp')}
            {...filters.getInputProps('action')}
          />
          <TextInput type="datetime-local" label={t('admin.audit.from')} {...filters.getInputProps('from')} />
          <TextInput type="datetime-local" label={t('admin.audit.to')} {...filters.getInputProps('to')} />
        </SimpleGrid>
        <Group mb="lg" gap="sm">
          <Button type="submit">{t('admin.audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              filters.setValues({ actor: '', subjectType: '', subjectId: '', action: '', from: '', to: '' })
              navigate({ search: {}, replace: true })
            }}
          >
            {t('admin.audit.reset')}
          </Button>
        </Group>
      </form>
      <DataTable
        label={t('admin.audit.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="-seq"
        filtered={active}
        onQueryChange={(patch) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        rowKey={(e) => e.seq}
        minWidth={900}
        empty={<EmptyState icon={<IconHistory size={24} />} title={t('admin.audit.empty')} />}
      />
      <Modal
        opened={open != null}
        onClose={() => setOpen(null)}
        title={t('admin.audit.eventTitle', { seq: open?.seq ?? '' })}
        size="lg"
      >
        {open ? (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Meta label={t('admin.audit.time')} value={f.dateTime(open.occurredAt, undefined, true)} />
              <Meta label={t('admin.audit.actor')} value={`${open.actorLabel} (${open.actorType})`} />
              <Meta label={t('admin.audit.action')} value={open.action} />
              <Meta label={t('admin.audit.subject')} value={`${open.subjectType} ${open.subjectId ?? ''}`} />
              <Meta label={t('admin.audit.requestId')} value={open.requestId ?? '—'} />
            </SimpleGrid>
            <Text size="sm" fw={600}>
              {t('admin.audit.change')}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(open.change, null, 2)}
            </Code>
            <Text size="sm" fw={600}>
              {t('admin.audit.digest')}
            </Text>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {open.digest}
            </Code>
          </Stack>
        ) : null}
      </Modal>
    </>
  )
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    </div>
  )
}
