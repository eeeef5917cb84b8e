import { Select, Stack, Text } from '@mantine/core'
import { IconInbox } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { admissibilities, applicationStatuses } from '../../../shared/contracts/applications.ts'
import type { Call } from '../../../shared/contracts/calls.ts'
import type { operatorApplicationRow } from '../../../shared/contracts/screening.ts'
import type { CountryCode } from '../../../shared/countries.ts'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ExportMenu } from '../../design-system/ExportMenu.tsx'
import { intlLocale, localized, useFormat } from '../../design-system/format.ts'
import { AnchorLink } from '../../design-system/links.tsx'
import { exportHref, screeningApi, screeningKeys } from './api.ts'
import { AdmissibilityBadge, StatusBadge, useEuros } from './labels.tsx'

const route = getRouteApi('/app/calls/$callId/applications')
type Row = z.infer<typeof operatorApplicationRow>
type Filters = {
  status: (typeof applicationStatuses)[number]
  admissibility: (typeof admissibilities)[number]
  challengeId: string
  country: CountryCode
}

/** The call's applications, every status: search, filters, sortable columns, paging and the export. */
export function ApplicationsTable({ call, countries }: { call: Call; countries: string[] }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const euros = useEuros()
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: call.schedule.timeZone,
    }).format(new Date(iso))
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const list = useQuery({
    queryKey: screeningKeys.applications(call.id, search),
    queryFn: () => screeningApi.applications(call.id, search),
    placeholderData: keepPreviousData,
  })
  const onQueryChange = (patch: Partial<ListQuery & { [K in keyof Filters]: Filters[K] | undefined }>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }) as never, replace: true })
  const filter = <K extends keyof Filters>(key: K) => ({
    placeholder: t('screening.table.any'),
    clearable: true,
    value: (search[key] as string | undefined) ?? null,
    onChange: (v: string | null) =>
      onQueryChange({ [key]: (v ?? undefined) as Filters[K] | undefined, page: undefined } as never),
  })

  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('screening.table.reference'),
      sortField: 'reference',
      rowHeader: true,
      nowrap: true,
      render: (r) => (
        <Stack gap={0}>
          <AnchorLink
            to="/app/calls/$callId/applications/$applicationId/screening"
            params={{ callId: call.id, applicationId: r.id }}
          >
            {r.reference}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {r.acronym || '—'}
          </Text>
        </Stack>
      ),
    },
    { key: 'lead', header: t('screening.table.lead'), render: (r) => r.leadOrganisation },
    {
      key: 'countries',
      header: t('screening.table.countries'),
      render: (r) => <span title={f.list(r.countries.map((c) => f.country(c)))}>{r.countries.join(', ') || '—'}</span>,
    },
    { key: 'smes', header: t('screening.table.smes'), align: 'right', render: (r) => f.number(r.smeCount) },
    {
      key: 'requested',
      header: t('screening.table.requested'),
      sortField: 'requested',
      align: 'right',
      nowrap: true,
      render: (r) => euros(r.requestedCents),
    },
    {
      key: 'submitted',
      header: t('screening.table.submitted'),
      sortField: 'submittedAt',
      nowrap: true,
      render: (r) => (r.submittedAt ? dateTime(r.submittedAt) : '—'),
    },
    {
      key: 'status',
      header: t('screening.table.statusAndDecision'),
      nowrap: true,
      render: (r) => (
        <Stack gap={4} align="flex-start">
          <StatusBadge status={r.status} />
          {r.status === 'submitted' ? <AdmissibilityBadge value={r.admissibility} /> : null}
        </Stack>
      ),
    },
    {
      key: 'failed',
      header: t('screening.table.failedRules'),
      render: (r) =>
        r.failedRules.length === 0 ? (
          <Text size="sm" c="dimmed">
            {r.status === 'submitted' ? t('screening.table.noneFailed') : '—'}
          </Text>
        ) : (
          <Text size="sm" fw={500}>
            {r.failedRules.map((rule) => t(`screening.rules.${rule}`)).join(', ')}
          </Text>
        ),
    },
  ]

  const filters = (
    <>
      <Select
        label={t('screening.table.status')}
        w={160}
        data={applicationStatuses.map((s) => ({ value: s, label: t(`screening.status.${s}`) }))}
        {...filter('status')}
      />
      <Select
        label={t('screening.table.admissibility')}
        w={170}
        data={admissibilities.map((s) => ({ value: s, label: t(`screening.admissibility.${s}`) }))}
        {...filter('admissibility')}
      />
      <Select
        label={t('screening.table.challenge')}
        w={220}
        searchable
        data={call.challenges.map((c) => ({ value: c.id, label: localized(c.title, i18n.language) }))}
        {...filter('challengeId')}
      />
      <Select
        label={t('screening.table.country')}
        w={180}
        searchable
        data={countries.map((c) => ({ value: c, label: f.country(c) }))}
        {...filter('country')}
      />
    </>
  )
  const { page: _p, pageSize: _s, ...exportQuery } = search
  return (
    <Stack gap="sm">
      <DataTable
        label={t('screening.table.label')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="reference"
        onQueryChange={onQueryChange}
        searchLabel={t('screening.table.search')}
        filters={
          <>
            {filters}
            <ExportMenu
              href={(format) => exportHref(call.id, format, exportQuery, i18n.language)}
              label={t('screening.export.label')}
              csvLabel={t('screening.export.csv')}
              xlsxLabel={t('screening.export.xlsx')}
            />
          </>
        }
        filtered={Boolean(search.status || search.admissibility || search.challengeId || search.country)}
        empty={<EmptyState icon={<IconInbox size={24} />} title={t('screening.table.empty')} />}
        rowKey={(r) => r.id}
        minWidth={900}
      />
    </Stack>
  )
}
