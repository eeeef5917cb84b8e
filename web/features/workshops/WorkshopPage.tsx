import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBulb, IconCalendarPlus, IconChartBar, IconCheckbox, IconPencil, IconPlus } from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseCaseSummary } from '../../../shared/contracts/use-cases.ts'
import type { Workshop } from '../../../shared/contracts/workshops.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { type Column, DataTable, type ListQuery } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { demandApi, demandKeys } from '../use-cases/client.ts'
import { UseCaseStatusBadge } from '../use-cases/labels.tsx'
import { workshopKeys, workshopsApi } from './api.ts'
import { InviteCard, RegistrationsCard, UseCasePicker } from './OrganiserCards.tsx'
import {
  isPast,
  RegistrationBadge,
  StatusBadge,
  timeRange,
  useProgramme,
  useWorkshop,
  viewerTimeZone,
} from './shared.tsx'

const route = getRouteApi('/app/workshops/$workshopId')

export function WorkshopPage() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const { workshopId } = route.useParams()
  const queryClient = useQueryClient()
  const query = useWorkshop(workshopId)
  const programme = useProgramme()
  const w = query.data
  const organiser = w?.abilities.manage?.allowed === true
  const registrations = useQuery({
    queryKey: workshopKeys.registrations(workshopId),
    queryFn: () => workshopsApi.registrations(workshopId),
    enabled: organiser,
  })
  const [confirm, setConfirm] = useState<null | 'withdraw' | 'cancel'>(null)
  const refresh = async (updated?: Workshop) => {
    if (updated) queryClient.setQueryData(workshopKeys.one(workshopId), updated)
    await queryClient.invalidateQueries({ queryKey: workshopKeys.all })
  }
  const action = useMutation({
    mutationFn: async (kind: 'register' | 'withdraw' | 'publish' | 'cancel') => {
      if (kind === 'register') await workshopsApi.register(workshopId)
      else if (kind === 'withdraw') await workshopsApi.withdraw(workshopId)
      else return workshopsApi[kind](workshopId)
      return undefined
    },
    onSuccess: async (updated, kind) => {
      await refresh(updated)
      setConfirm(null)
      notifications.show({ color: 'green', message: t(`workshops.done.${kind}`) })
    },
  })

  if (!w) {
    return (
      <>
        <PageHeader title={t('workshops.title')} />
        <ErrorAlert error={query.error} />
      </>
    )
  }

  const viewerZone = viewerTimeZone()
  // Organisers see the registrations change under their hands: count from them; others have the server's figure.
  const approved = registrations.data?.items.filter((r) => r.status === 'approved').length
  const seatsLeft = approved === undefined ? w.seatsLeft : Math.max(0, w.capacity - approved)
  const domainNames = (programme.data?.domains ?? [])
    .filter((d) => w.domainIds.includes(d.id))
    .map((d) => localized(d.name, i18n.language))
  const voteOpen = !w.voteClosesAt || new Date(w.voteClosesAt).getTime() > Date.now()
  const mine = w.myRegistration
  const canWithdraw = mine === 'pending' || mine === 'approved' || mine === 'waitlisted'

  const actions = (
    <>
      {canWithdraw ? (
        <Button variant="default" onClick={() => setConfirm('withdraw')}>
          {t('workshops.withdraw')}
        </Button>
      ) : mine === null && w.status === 'published' && !isPast(w) ? (
        <AbilityButton
          ability={w.abilities.register}
          onClick={() => action.mutate('register')}
          loading={action.isPending}
        >
          {t('workshops.register')}
        </AbilityButton>
      ) : null}
      {w.status !== 'draft' ? (
        <Button
          component="a"
          href={`/api/v1/workshops/${w.id}/calendar.ics`}
          download={`workshop-${w.id}.ics`}
          variant="default"
          leftSection={<IconCalendarPlus size={16} aria-hidden />}
        >
          {t('workshops.addToCalendar')}
        </Button>
      ) : null}
      {mine === 'approved' && w.useCaseIds.length > 0 && voteOpen ? (
        <ButtonLink
          to="/app/workshops/$workshopId/vote"
          params={{ workshopId }}
          leftSection={<IconCheckbox size={16} aria-hidden />}
        >
          {t('workshops.vote.open')}
        </ButtonLink>
      ) : null}
      {w.abilities.captureUseCase?.allowed ? (
        <ButtonLink
          to="/app/workshops/$workshopId/capture"
          params={{ workshopId }}
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          {t('workshops.captureUseCase')}
        </ButtonLink>
      ) : null}
      {(organiser || (mine === 'approved' && !voteOpen)) && w.useCaseIds.length > 0 ? (
        <ButtonLink
          to="/app/workshops/$workshopId/results"
          params={{ workshopId }}
          variant="default"
          leftSection={<IconChartBar size={16} aria-hidden />}
        >
          {t('workshops.results.link')}
        </ButtonLink>
      ) : null}
    </>
  )

  return (
    <>
      <PageHeader
        title={w.title}
        above={<AnchorLink to="/app/workshops">{t('workshops.backToList')}</AnchorLink>}
        description={
          <Group gap="xs">
            <StatusBadge w={w} />
            <Text size="sm">{t(`workshops.format.${w.format}`)}</Text>
            {mine ? (
              <Group gap={4}>
                <Text size="sm">{t('workshops.fields.myRegistration')}:</Text>
                <RegistrationBadge status={mine} />
              </Group>
            ) : null}
          </Group>
        }
        actions={actions}
      />
      <ErrorAlert error={action.error && !confirm ? action.error : null} />
      {mine === 'waitlisted' ? (
        <Alert color="orange" mb="md">
          {t('workshops.waitlistedHelp')}
        </Alert>
      ) : mine === 'pending' ? (
        <Alert color="yellow" mb="md">
          {t('workshops.pendingHelp')}
        </Alert>
      ) : null}
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="ws-practical">
          <Title order={2} size="h3" id="ws-practical" mb="md">
            {t('workshops.sections.practical')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
            <Field label={t('workshops.fields.whenWorkshop', { zone: w.timeZone })}>
              {timeRange(f, w, w.timeZone)}
            </Field>
            <Field label={t('workshops.fields.whenYours', { zone: viewerZone })}>{timeRange(f, w, viewerZone)}</Field>
            <Field label={t('workshops.fields.meetingUrl')}>
              {w.meetingUrl ? (
                <Anchor
                  href={w.meetingUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  style={{ wordBreak: 'break-all' }}
                >
                  {w.meetingUrl}
                </Anchor>
              ) : w.format !== 'on_site' ? (
                t('workshops.meetingUrlHidden')
              ) : null}
            </Field>
            <Field label={t('workshops.fields.location')}>{w.location}</Field>
            <Field label={t('workshops.fields.capacity')}>
              {t('workshops.seatsLeft', { capacity: f.number(w.capacity), left: f.number(seatsLeft) })}
            </Field>
            <Field label={t('workshops.fields.domains')}>{domainNames.length ? f.list(domainNames) : null}</Field>
            <Field label={t('workshops.fields.pointsBudget')}>{f.number(w.pointsBudget)}</Field>
            <Field label={t('workshops.fields.voteClosesAt')}>
              {w.voteClosesAt
                ? `${f.dateTime(w.voteClosesAt, w.timeZone, true)}${voteOpen ? '' : ` — ${t('workshops.vote.closed')}`}`
                : null}
            </Field>
          </SimpleGrid>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="ws-agenda">
          <Title order={2} size="h3" id="ws-agenda" mb="md">
            {t('workshops.fields.agenda')}
          </Title>
          {w.description ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{w.description}</Text>
          ) : (
            <Text c="dimmed">{t('common.notGiven')}</Text>
          )}
        </Card>
        {!organiser ? (
          <Card withBorder padding="lg" component="section" aria-labelledby="ws-voted">
            <Title order={2} size="h3" id="ws-voted" mb="md">
              {t('workshops.useCases.title')}
            </Title>
            {w.useCases.length === 0 ? (
              <Text c="dimmed">{t('workshops.useCases.noneVisible')}</Text>
            ) : (
              <List spacing="xs">
                {w.useCases.map((u) => (
                  <List.Item key={u.id}>
                    <AnchorLink to="/app/use-cases/$useCaseId" params={{ useCaseId: u.id }}>
                      {u.title}
                    </AnchorLink>{' '}
                    <Text span size="sm" c="dimmed">
                      {u.reference} · {u.organisation.name}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        ) : null}
        <CapturedHere workshop={w} />
        {organiser ? (
          <>
            <Card withBorder padding="lg" component="section" aria-labelledby="ws-organise">
              <Title order={2} size="h3" id="ws-organise" mb="md">
                {t('workshops.sections.organise')}
              </Title>
              <Group gap="sm">
                <ButtonLink
                  to="/app/workshops/$workshopId/edit"
                  params={{ workshopId }}
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden />}
                >
                  {t('common.edit')}
                </ButtonLink>
                {w.status === 'draft' ? (
                  <Button onClick={() => action.mutate('publish')} loading={action.isPending}>
                    {t('workshops.publish')}
                  </Button>
                ) : null}
                {w.status !== 'cancelled' ? (
                  <Button color="red" variant="light" onClick={() => setConfirm('cancel')}>
                    {t('workshops.cancel')}
                  </Button>
                ) : null}
              </Group>
            </Card>
            {w.status === 'published' && !isPast(w) ? <InviteCard workshopId={workshopId} /> : null}
            <RegistrationsCard workshop={w} query={registrations} />
            <UseCasePicker workshop={w} onSaved={refresh} />
          </>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm === 'cancel' ? t('workshops.cancel') : t('workshops.withdraw')}
        message={confirm === 'cancel' ? t('workshops.confirmCancel') : t('workshops.confirmWithdraw')}
        confirmLabel={confirm === 'cancel' ? t('workshops.cancel') : t('workshops.withdraw')}
        danger
        loading={action.isPending}
        error={action.error}
        onConfirm={() => confirm && action.mutate(confirm)}
        onClose={() => {
          setConfirm(null)
          action.reset()
        }}
      />
    </>
  )
}

/** The use cases captured at this workshop that the viewer may see, searched and paged. */
function CapturedHere({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation()
  const f = useFormat()
  const [query, setQuery] = useState<ListQuery>({ pageSize: 10 })
  const filter = { workshop: workshop.id, q: query.q, page: query.page, pageSize: query.pageSize, sort: query.sort }
  const list = useQuery({
    queryKey: demandKeys.listOfUseCases(filter),
    queryFn: () => demandApi.listUseCases(filter),
    placeholderData: keepPreviousData,
  })
  const columns: Column<UseCaseSummary>[] = [
    {
      key: 'title',
      header: t('useCases.fields.title'),
      sortField: 'title',
      rowHeader: true,
      render: (u) => (
        <AnchorLink to="/app/use-cases/$useCaseId" params={{ useCaseId: u.id }}>
          {u.title}
        </AnchorLink>
      ),
    },
    { key: 'organisation', header: t('useCases.organisation'), render: (u) => u.organisation.name },
    {
      key: 'status',
      header: t('useCases.statusLabel'),
      nowrap: true,
      render: (u) => <UseCaseStatusBadge status={u.status} />,
    },
    {
      key: 'updatedAt',
      header: t('common.updated'),
      sortField: 'updatedAt',
      nowrap: true,
      render: (u) => f.dateShort(u.updatedAt),
    },
  ]
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="ws-captured">
      <Title order={2} size="h3" id="ws-captured" mb={4}>
        {t('workshops.captured.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('workshops.captured.help')}
      </Text>
      <DataTable
        label={t('workshops.captured.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={query}
        defaultSort="-updatedAt"
        onQueryChange={(patch) => setQuery((q) => ({ ...q, ...patch }))}
        searchLabel={t('workshops.captured.search')}
        rowKey={(u) => u.id}
        minWidth={560}
        pageSizes={[10, 25, 50]}
        empty={
          <EmptyState
            icon={<IconBulb size={24} />}
            title={t('workshops.captured.empty')}
            description={workshop.abilities.captureUseCase?.allowed ? t('workshops.captured.emptyCapture') : undefined}
          />
        }
      />
    </Card>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children || <span>{t('common.notGiven')}</span>}
      </Text>
    </div>
  )
}
