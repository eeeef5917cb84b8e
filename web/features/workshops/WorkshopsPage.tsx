import { Select, Stack, Text } from '@mantine/core'
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type Workshop, workshopFormats } from '../../../shared/contracts/workshops.ts'
import { abilityFor, useMe } from '../../app/session.ts'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { workshopKeys, workshopsApi } from './api.ts'
import { isPast, RegistrationBadge, StatusBadge, timeRange } from './shared.tsx'

const route = getRouteApi('/app/workshops')

/** Workshops the person may see: upcoming (soonest first) or past (latest first), filtered and paged. */
export function WorkshopsPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { data: me } = useMe()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const list = useQuery({ queryKey: workshopKeys.all, queryFn: () => workshopsApi.list() })
  const when = search.when ?? 'upcoming'
  const onQueryChange = (patch: Partial<ListQuery & { when?: string; format?: string }>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) as typeof prev, replace: true })

  const q = (search.q ?? '').toLowerCase()
  const pageSize = search.pageSize ?? 10
  const page = search.page ?? 1
  const now = Date.now()
  const matching = (list.data?.items ?? [])
    .filter((w) => (when === 'past' ? isPast(w, now) : !isPast(w, now)))
    .filter((w) => !search.format || w.format === search.format)
    .filter((w) => !q || `${w.title} ${w.description}`.toLowerCase().includes(q))
  if (when === 'past') matching.reverse()
  const data = list.data
    ? { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize }
    : undefined

  const columns: Column<Workshop>[] = [
    {
      key: 'title',
      header: t('workshops.fields.title'),
      rowHeader: true,
      render: (w) => (
        <Stack gap={2}>
          <AnchorLink to="/app/workshops/$workshopId" params={{ workshopId: w.id }}>
            {w.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {timeRange(f, w, w.timeZone)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'format',
      header: t('workshops.fields.format'),
      nowrap: true,
      render: (w) => t(`workshops.format.${w.format}`),
    },
    { key: 'status', header: t('workshops.fields.status'), nowrap: true, render: (w) => <StatusBadge w={w} /> },
    {
      key: 'seats',
      header: t('workshops.fields.seatsLeft'),
      nowrap: true,
      align: 'right',
      render: (w) => t('workshops.seatsLeftShort', { left: f.number(w.seatsLeft), capacity: f.number(w.capacity) }),
    },
    {
      key: 'mine',
      header: t('workshops.fields.myRegistration'),
      nowrap: true,
      render: (w) => (w.myRegistration ? <RegistrationBadge status={w.myRegistration} /> : '—'),
    },
  ]

  const canCreate = abilityFor(me, 'workshop.manage')?.allowed
  const create = canCreate ? (
    <ButtonLink to="/app/workshops/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('workshops.create')}
    </ButtonLink>
  ) : null

  return (
    <>
      <PageHeader
        title={t('workshops.title')}
        documentTitle={t(`workshops.when.${when}`)}
        description={t('workshops.description')}
        actions={create}
      />
      <DataTable
        label={t(`workshops.when.${when}`)}
        columns={columns}
        data={data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        onQueryChange={onQueryChange}
        searchLabel={t('workshops.search')}
        filtered={Boolean(search.format) || when === 'past'}
        minWidth={640}
        pageSizes={[10, 25, 50]}
        filters={
          <>
            <Select
              label={t('workshops.filters.when')}
              w={160}
              allowDeselect={false}
              value={when}
              data={['upcoming', 'past'].map((v) => ({ value: v, label: t(`workshops.when.${v}`) }))}
              onChange={(v) => onQueryChange({ when: v === 'past' ? 'past' : undefined, page: undefined })}
            />
            <Select
              label={t('workshops.fields.format')}
              w={160}
              clearable
              placeholder={t('common.all')}
              value={search.format ?? null}
              data={workshopFormats.map((v) => ({ value: v, label: t(`workshops.format.${v}`) }))}
              onChange={(v) => onQueryChange({ format: v ?? undefined, page: undefined })}
            />
          </>
        }
        rowKey={(w) => w.id}
        empty={
          <EmptyState
            icon={<IconCalendarEvent size={24} />}
            title={t('workshops.empty.title')}
            description={t('workshops.empty.text')}
            action={
              <AnchorLink to="/app/workshops" search={{ when: 'past' }}>
                {t('workshops.empty.seePast')}
              </AnchorLink>
            }
          />
        }
      />
    </>
  )
}
