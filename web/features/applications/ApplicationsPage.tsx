import { Badge, Group, Select, Stack, Text } from '@mantine/core'
import { IconFileText, IconPlus } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  type ApplicationStatus,
  type ApplicationSummary,
  applicationStatuses,
} from '../../../shared/contracts/applications.ts'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { applicationKeys, applicationsApi } from './client.ts'
import { CountdownBadge, useServerNow } from './editor/clock.tsx'
import { ApplicationStatusBadge } from './labels.tsx'

const route = getRouteApi('/app/applications')

/** "My applications": the consortia the person is in (as lead or accepted partner), with their deadlines. */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const now = useServerNow(undefined)
  const list = useQuery({
    queryKey: applicationKeys.list(search),
    queryFn: () => applicationsApi.list(search),
    placeholderData: keepPreviousData,
  })
  const onQueryChange = (patch: Partial<ListQuery & { status: unknown; callId: unknown }>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) as never, replace: true })

  const columns: Column<ApplicationSummary>[] = [
    {
      key: 'application',
      header: t('applications.list.application'),
      sortField: 'reference',
      rowHeader: true,
      render: (a) => (
        <Stack gap={2}>
          <AnchorLink to="/app/applications/$applicationId" params={{ applicationId: a.id }} fw={600}>
            {a.acronym || a.title || a.reference}
          </AnchorLink>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {[a.reference, a.acronym ? a.title : null].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'call',
      header: t('applications.list.call'),
      render: (a) => (
        <Stack gap={2}>
          <Text size="sm">{localized(a.call.title, i18n.language)}</Text>
          <Text size="xs" c="dimmed">
            {a.call.code}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('applications.list.status'),
      nowrap: true,
      render: (a) => (
        <Stack gap={4} align="flex-start">
          <ApplicationStatusBadge status={a.status} />
          {a.admissibility !== 'pending' ? (
            <Badge size="sm" variant="light" color={a.admissibility === 'admissible' ? 'teal' : 'red'}>
              {t(`applications.eligibilityView.admissibility.${a.admissibility}`)}
            </Badge>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'deadline',
      header: t('applications.list.deadline'),
      nowrap: true,
      render: (a) => (
        <Stack gap={4} align="flex-start">
          <CountdownBadge deadline={a.deadline} now={now} size="sm" />
          <Text size="xs" c="dimmed">
            {f.dateTime(a.deadline, undefined, true)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'role',
      header: t('applications.list.role'),
      nowrap: true,
      render: (a) => (
        <Stack gap={2}>
          <Text size="sm">{a.myRole ? t(`applications.partners.roles.${a.myRole}`) : '—'}</Text>
          <Text size="xs" c="dimmed">
            {t('applications.list.partners', { count: a.partnerCount, lead: a.leadOrganisation })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'updatedAt',
      header: t('common.updated'),
      sortField: 'updatedAt',
      nowrap: true,
      render: (a) => f.dateShort(a.updatedAt),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('applications.list.title')}
        description={t('applications.list.description')}
        actions={
          <ButtonLink to="/app/applications/new" search={{}} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('applications.list.start')}
          </ButtonLink>
        }
      />
      <DataTable
        label={t('applications.list.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="-updatedAt"
        onQueryChange={onQueryChange}
        searchLabel={t('applications.list.search')}
        filters={
          <Select
            label={t('applications.list.status')}
            placeholder={t('common.all')}
            clearable
            w={180}
            value={search.status ?? null}
            data={applicationStatuses.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
            onChange={(v) => onQueryChange({ status: (v as ApplicationStatus) ?? undefined, page: undefined })}
          />
        }
        filtered={Boolean(search.status || search.callId)}
        rowKey={(a) => a.id}
        minWidth={900}
        empty={
          <EmptyState
            icon={<IconFileText size={24} />}
            title={t('applications.list.empty')}
            description={t('applications.list.emptyText')}
            action={
              <Group>
                <ButtonLink to="/app/applications/new" search={{}}>
                  {t('applications.list.start')}
                </ButtonLink>
              </Group>
            }
          />
        }
      />
    </>
  )
}
