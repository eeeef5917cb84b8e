import {
  Alert,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconBuilding, IconCalendarOff } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Call } from '../../../shared/contracts/calls.ts'
import { isApiError } from '../../app/api.ts'
import { useMe } from '../../app/session.ts'
import { Deadline } from '../../design-system/Deadline.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { applicationKeys, applicationsApi } from './client.ts'
import { CountdownBadge, useServerNow } from './editor/clock.tsx'
import { useEuros } from './form/ValueFields.tsx'

const route = getRouteApi('/app/applications/new')

/** Starting an application: the call (from its page's "Apply" link), the lead organisation, the challenge. */
export function NewApplicationPage() {
  const { t } = useTranslation()
  const { callId } = route.useSearch()
  return (
    <>
      <PageHeader
        title={t('applications.new.title')}
        description={t('applications.new.description')}
        above={
          <AnchorLink to="/app/applications" size="sm">
            ← {t('applications.list.title')}
          </AnchorLink>
        }
      />
      {callId ? <StartForm callId={callId} /> : <OpenCalls />}
    </>
  )
}

function OpenCalls() {
  const { t, i18n } = useTranslation()
  const calls = useQuery({ queryKey: applicationKeys.openCalls, queryFn: applicationsApi.openCalls })
  const now = useServerNow(undefined)
  if (calls.isLoading) return <Skeleton height={160} />
  if (calls.error) return <ErrorAlert error={calls.error} />
  const items = calls.data?.items ?? []
  if (items.length === 0)
    return (
      <EmptyState
        icon={<IconCalendarOff size={24} />}
        title={t('applications.new.noOpenCalls')}
        description={t('applications.new.noOpenCallsText')}
      />
    )
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('applications.new.chooseCall')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {items.map((c) => (
          <Card key={c.id} withBorder radius="md" padding="md">
            <Stack gap="xs">
              <Text fw={700}>{localized(c.title, i18n.language)}</Text>
              <Text size="sm" c="dimmed" lineClamp={3}>
                {localized(c.summary, i18n.language)}
              </Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {c.code}
                </Text>
                <CountdownBadge deadline={c.schedule.deadline} now={now} size="sm" />
              </Group>
              <Deadline value={c.schedule.deadline} timeZone={c.schedule.timeZone} size="xs" />
              <ButtonLink to="/app/applications/new" search={{ callId: c.id }} w="fit-content" size="sm">
                {t('applications.new.applyTo', { code: c.code })}
              </ButtonLink>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  )
}

interface StartValues {
  organisationId: string
  challengeId: string
  acronym: string
  title: string
}

function StartForm({ callId }: { callId: string }) {
  const { t } = useTranslation()
  const { data: me } = useMe()
  const call = useQuery({ queryKey: applicationKeys.call(callId), queryFn: () => applicationsApi.call(callId) })
  if (call.error) return <ErrorAlert error={call.error} />
  if (!call.data || !me) return <Skeleton height={300} />
  if (me.memberships.length === 0)
    return (
      <EmptyState
        icon={<IconBuilding size={24} />}
        title={t('applications.new.noOrganisation')}
        description={t('applications.new.noOrganisationText')}
        action={<ButtonLink to="/app/organisations/new">{t('applications.new.createOrganisation')}</ButtonLink>}
      />
    )
  return (
    <StartFormFor
      call={call.data}
      organisations={me.memberships.map((m) => ({
        value: m.organisation.id,
        label: m.organisation.shortName
          ? `${m.organisation.shortName} · ${m.organisation.legalName}`
          : m.organisation.legalName,
      }))}
    />
  )
}

function StartFormFor({ call, organisations }: { call: Call; organisations: { value: string; label: string }[] }) {
  const { t, i18n } = useTranslation()
  const euros = useEuros()
  const message = useErrorMessage()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const now = useServerNow(call.serverNow, call.schedule.deadline)
  const open = call.phase === 'open' && now < Date.parse(call.schedule.deadline)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<StartValues>({
    mode: 'controlled',
    initialValues: {
      organisationId: organisations.length === 1 ? organisations[0]!.value : '',
      challengeId: '',
      acronym: '',
      title: '',
    },
    validate: {
      organisationId: (v) => (v ? null : t('validation.required')),
      challengeId: (v) => (call.challenges.length > 0 && !v ? t('validation.required') : null),
      acronym: (v) => (v.trim().length > 30 ? t('validation.too_long', { maximum: 30 }) : null),
      title: (v) => (v.trim().length > 300 ? t('validation.too_long', { maximum: 300 }) : null),
    },
  })
  const start = form.onSubmit(async (v) => {
    setBusy(true)
    setError(null)
    try {
      const created = await applicationsApi.start({
        callId: call.id,
        organisationId: v.organisationId,
        challengeId: v.challengeId || null,
        acronym: v.acronym,
        title: v.title,
      })
      queryClient.setQueryData(applicationKeys.one(created.id), created)
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all })
      notifications.show({ color: 'green', message: t('applications.new.created', { reference: created.reference }) })
      await navigate({ to: '/app/applications/$applicationId', params: { applicationId: created.id } })
    } catch (e) {
      if (isApiError(e) && e.code === 'organisation_already_applied') form.setFieldError('organisationId', message(e))
      else if (isApiError(e) && e.fieldErrors.length > 0)
        form.setErrors(
          Object.fromEntries(
            e.fieldErrors.map((fe) => [fe.path, t(`validation.${fe.code}`, { defaultValue: t('validation.invalid') })]),
          ),
        )
      else setError(e)
    } finally {
      setBusy(false)
    }
  })
  const rules = call.config.consortium
  return (
    <Stack gap="lg" maw={900}>
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3">
              {localized(call.title, i18n.language)}
            </Title>
            <CountdownBadge deadline={call.schedule.deadline} now={now} />
          </Group>
          <Text size="sm" c="dimmed">
            {call.code}
          </Text>
          <Deadline value={call.schedule.deadline} timeZone={call.schedule.timeZone} />
          <Text size="sm">
            {t('applications.new.facts', {
              project: euros(call.config.budget.maxPerProjectCents),
              partner: euros(call.config.budget.maxPerThirdPartyCents),
              min: rules.minOrganisations,
              smes: rules.minSmes,
              countries: rules.minCountries,
            })}
          </Text>
          {rules.oneApplicationPerOrganisation ? (
            <Text size="sm" c="dimmed">
              {t('applications.new.onePerOrganisation')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      {!open ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('errors.call_not_open')} {t(`applications.new.phase.${call.phase}`)}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={start} noValidate>
          <Stack>
            <ErrorAlert error={error} />
            <Select
              label={t('applications.new.organisation')}
              description={t('applications.new.organisationHelp')}
              required
              allowDeselect={false}
              data={organisations}
              {...form.getInputProps('organisationId')}
            />
            {call.challenges.length > 0 ? (
              <Select
                label={t('applications.new.challenge')}
                description={t('applications.new.challengeHelp')}
                required
                searchable
                allowDeselect={false}
                nothingFoundMessage={t('common.noMatch')}
                data={call.challenges.map((c) => ({
                  value: c.id,
                  label:
                    localized(c.title, i18n.language) +
                    (c.trlMin !== null || c.trlMax !== null ? ` · TRL ${c.trlMin ?? 1}–${c.trlMax ?? 9}` : ''),
                }))}
                {...form.getInputProps('challengeId')}
              />
            ) : null}
            <Group align="flex-start" gap="md" wrap="wrap">
              <TextInput
                label={t('applications.new.acronym')}
                description={t('applications.new.optional')}
                maxLength={30}
                style={{ flex: '1 1 10rem' }}
                {...form.getInputProps('acronym')}
              />
              <TextInput
                label={t('applications.new.projectTitle')}
                description={t('applications.new.optional')}
                maxLength={300}
                style={{ flex: '3 1 18rem' }}
                {...form.getInputProps('title')}
              />
            </Group>
            <Group>
              <Button type="submit" loading={busy} disabled={!open}>
                {t('applications.new.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
