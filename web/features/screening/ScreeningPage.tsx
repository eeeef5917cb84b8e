import { Badge, Card, Grid, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Application, EligibilityView } from '../../../shared/contracts/applications.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { can, useMe } from '../../app/session.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { AdmissibilityCard } from './AdmissibilityCard.tsx'
import { screeningApi, screeningKeys } from './api.ts'
import { HistoryCard } from './HistoryCard.tsx'
import { StatusBadge, useEuros } from './labels.tsx'
import { OverrideDialog } from './OverrideDialog.tsx'
import { Results } from './ResultsCard.tsx'

const route = getRouteApi('/app/calls/$callId/applications/$applicationId/screening')
type Result = EligibilityView['results'][number]

/** The eligibility review of one application: the result of every rule, overrides, admissibility, history. */
export function ScreeningPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="call.dashboard" title={t('screening.review.title')}>
      <Review />
    </RequireCapability>
  )
}

function Review() {
  const { t } = useTranslation()
  const { callId, applicationId } = route.useParams()
  const { data: me } = useMe()
  const app = useQuery({
    queryKey: screeningKeys.application(applicationId),
    queryFn: () => screeningApi.application(applicationId),
  })
  const view = useQuery({
    queryKey: screeningKeys.eligibility(applicationId),
    queryFn: () => screeningApi.eligibility(applicationId),
  })
  const [overriding, setOverriding] = useState<Result | null>(null)
  const a = app.data
  const v = view.data
  const timeZone = a?.call.schedule.timeZone ?? 'Europe/Brussels'
  const canScreen = can(me, 'call.screen')
  const title = a ? t('screening.review.titleOf', { reference: a.reference }) : t('screening.review.title')
  return (
    <>
      <PageHeader
        title={title}
        description={a ? <Text c="dimmed">{[a.acronym, a.title].filter(Boolean).join(' — ')}</Text> : undefined}
        above={
          <AnchorLink to="/app/calls/$callId/applications" params={{ callId }} size="sm">
            ← {t('screening.review.back')}
          </AnchorLink>
        }
      />
      <ErrorAlert error={app.error ?? view.error} />
      {!a || !v ? (
        app.isLoading || view.isLoading ? (
          <Stack aria-busy="true" aria-label={t('common.loading')}>
            <Skeleton height={120} />
            <Skeleton height={320} />
          </Stack>
        ) : null
      ) : (
        <Stack gap="lg">
          <Consortium app={a} />
          <Results
            view={v}
            timeZone={timeZone}
            canOverride={canScreen && a.status === 'submitted'}
            onOverride={setOverriding}
          />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <AdmissibilityCard
                key={`${v.admissibility}-${v.admissibilityReason ?? ''}`}
                applicationId={applicationId}
                view={v}
                canDecide={canScreen}
                submitted={a.status === 'submitted'}
              />
            </Grid.Col>
            {can(me, 'admin.audit.view') ? (
              <Grid.Col span={{ base: 12, md: 6 }}>
                <HistoryCard applicationId={applicationId} timeZone={timeZone} />
              </Grid.Col>
            ) : null}
          </Grid>
        </Stack>
      )}
      {overriding ? (
        <OverrideDialog
          key={overriding.rule}
          applicationId={applicationId}
          result={overriding}
          onClose={() => setOverriding(null)}
        />
      ) : null}
    </>
  )
}

/** Who applies: the lead and the accepted partners, their country, SME status and requested support. */
function Consortium({ app }: { app: Application }) {
  const { t } = useTranslation()
  const f = useFormat()
  const euros = useEuros()
  const counted = app.partners.filter((p) => p.role === 'lead' || p.status === 'accepted')
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={t('table.region', { name: t('screening.review.consortium') })}
    >
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="consortium-title">
          {t('screening.review.consortium')}
        </Title>
        <Group gap="xs">
          <StatusBadge status={app.status} />
          {app.submittedAt ? (
            <Text size="sm" c="dimmed">
              {t('screening.review.submittedOn', {
                date: f.dateTime(app.submittedAt, app.call.schedule.timeZone, true),
                revision: app.submittedRevision ?? 0,
              })}
            </Text>
          ) : null}
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-labelledby="consortium-title">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('screening.review.organisation')}</Table.Th>
              <Table.Th>{t('screening.review.country')}</Table.Th>
              <Table.Th>{t('screening.review.sme')}</Table.Th>
              <Table.Th ta="right">{t('screening.review.requested')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counted.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={500}>
                  {p.facts.legalName ?? p.invitedName ?? p.invitedEmail}{' '}
                  {p.role === 'lead' ? (
                    <Badge size="xs" variant="light">
                      {t('screening.export.roles.lead')}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td>{p.facts.country ? f.country(p.facts.country) : '—'}</Table.Td>
                <Table.Td>
                  {t(`screening.export.sme.${p.facts.smeStatus ?? p.part.smeDeclaration.category ?? 'unknown'}`)}
                </Table.Td>
                <Table.Td ta="right">{euros(p.part.budget.requestedCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  )
}
