import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconListCheck } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Call } from '../../../shared/contracts/calls.ts'
import type { CallDashboard } from '../../../shared/contracts/screening.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { can, useMe } from '../../app/session.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { ApplicationsTable } from './ApplicationsTable.tsx'
import { screeningApi, screeningKeys } from './api.ts'
import { DashboardCharts } from './DashboardCharts.tsx'

const route = getRouteApi('/app/calls/$callId/applications')

/** A call's applications for its programme staff: key figures, charts, the table and the export. */
export function CallApplicationsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="call.dashboard" title={t('screening.dashboard.title')}>
      <Dashboard />
    </RequireCapability>
  )
}

function Dashboard() {
  const { t, i18n } = useTranslation()
  const { callId } = route.useParams()
  const { data: me } = useMe()
  const call = useQuery({ queryKey: screeningKeys.call(callId), queryFn: () => screeningApi.call(callId) })
  const dashboard = useQuery({
    queryKey: screeningKeys.dashboard(callId),
    queryFn: () => screeningApi.dashboard(callId),
  })
  const c = call.data
  const title = t('screening.dashboard.title')
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={c ? `${title}: ${c.code}` : title}
        description={
          c ? (
            <Text c="dimmed">
              {c.code} · {localized(c.title, i18n.language)} · {t(`calls.phases.${c.phase}`)}
            </Text>
          ) : undefined
        }
        above={
          c && can(me, 'call.manage') ? (
            <AnchorLink to="/app/calls/$callId/edit" params={{ callId }} size="sm">
              ← {t('screening.dashboard.backToCall')}
            </AnchorLink>
          ) : c ? (
            <Anchor href={`/calls/${encodeURIComponent(c.code)}`} size="sm">
              ← {t('screening.dashboard.callPage')}
            </Anchor>
          ) : undefined
        }
        actions={c && can(me, 'call.screen') ? <ScreenButton call={c} /> : null}
      />
      <ErrorAlert error={call.error ?? dashboard.error} />
      {c ? <ScreeningStatus call={c} /> : null}
      {dashboard.data && c ? (
        <Stack gap="xl">
          <Figures d={dashboard.data} />
          <DashboardCharts d={dashboard.data} />
          <section aria-labelledby="applications-table-title">
            <Title order={2} size="h3" id="applications-table-title" mb="sm">
              {t('screening.table.title')}
            </Title>
            <ApplicationsTable call={c} countries={dashboard.data.byCountry.map((r) => r.key)} />
          </section>
        </Stack>
      ) : call.isLoading || dashboard.isLoading ? (
        <Stack aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton height={90} />
          <Skeleton height={300} />
        </Stack>
      ) : null}
    </>
  )
}

function ScreeningStatus({ call }: { call: Call }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Text size="sm" mb="md" role="status">
      {call.screenedAt
        ? t('screening.dashboard.screenedAt', { date: f.dateTime(call.screenedAt, call.schedule.timeZone, true) })
        : t('screening.dashboard.notScreened', {
            deadline: f.dateTime(call.schedule.deadline, call.schedule.timeZone, true),
          })}
    </Text>
  )
}

/** The key figures of the call, as SecurIT stated them (applications, SMEs, countries…). */
function Figures({ d }: { d: CallDashboard }) {
  const { t } = useTranslation()
  const f = useFormat()
  const items: [string, string][] = [
    ['submitted', f.number(d.submitted)],
    ['drafts', f.number(d.drafts)],
    ['withdrawn', f.number(d.withdrawn)],
    ['organisations', f.number(d.organisations)],
    ['smes', f.number(d.smes)],
    ['countries', f.number(d.countries)],
    ['crossBorder', f.number(d.crossBorderShare, { style: 'percent' })],
    ['averageSmes', f.number(d.averageSmesPerApplication, { maximumFractionDigits: 2 })],
    ['admissible', f.number(d.admissibility.admissible)],
    ['inadmissible', f.number(d.admissibility.inadmissible)],
    ['pending', f.number(d.admissibility.pending)],
  ]
  return (
    <section aria-labelledby="figures-title">
      <Title order={2} size="h3" id="figures-title" mb="sm">
        {t('screening.figures.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
        {items.map(([key, value]) => (
          <Card key={key} withBorder padding="sm">
            <Text component="dt" size="xs" c="dimmed">
              {t(`screening.figures.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} fz="xl">
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  )
}

/** Runs the screening again (the close job runs it at the deadline); overrides are kept. */
function ScreenButton({ call }: { call: Call }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const screen = useMutation({
    mutationFn: () => screeningApi.screen(call.id),
    onSuccess: async (s) => {
      setOpen(false)
      notifications.show({ color: 'green', message: t('screening.dashboard.screened', s) })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['screening'] }),
        queryClient.invalidateQueries({ queryKey: screeningKeys.call(call.id) }),
      ])
    },
  })
  if (call.phase !== 'closed') return null
  return (
    <Group>
      <Button leftSection={<IconListCheck size={16} aria-hidden />} variant="light" onClick={() => setOpen(true)}>
        {call.screenedAt ? t('screening.dashboard.rescreen') : t('screening.dashboard.screen')}
      </Button>
      <ConfirmDialog
        opened={open}
        title={t('screening.dashboard.screenTitle')}
        message={t('screening.dashboard.screenMessage')}
        confirmLabel={t('screening.dashboard.screenConfirm')}
        onConfirm={() => screen.mutate()}
        onClose={() => setOpen(false)}
        loading={screen.isPending}
        error={screen.error}
      />
    </Group>
  )
}
