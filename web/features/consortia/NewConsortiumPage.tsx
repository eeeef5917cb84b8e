import { Button, Group, Paper, Select, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconBuilding, IconCalendarOff } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consortiumLimits } from '../../../shared/contracts/consortia.ts'
import { isApiError } from '../../app/api.ts'
import { useMe } from '../../app/session.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { consortiaApi, consortiaKeys } from './api.ts'

interface Values {
  organisationId: string
  callId: string
  challengeId: string
  name: string
  acronym: string
  role: string
}

/** A new consortium: the lead SME, a call that is open or announced, one of its challenges, a name. */
export function NewConsortiumPage() {
  const { t, i18n } = useTranslation()
  const { data: me } = useMe()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const calls = useQuery({ queryKey: consortiaKeys.calls, queryFn: consortiaApi.calls })
  const organisations = (me?.memberships ?? []).map((m) => ({
    value: m.organisation.id,
    label: m.organisation.legalName,
  }))
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      organisationId: organisations.length === 1 ? organisations[0]!.value : '',
      callId: '',
      challengeId: '',
      name: '',
      acronym: '',
      role: '',
    },
    validate: {
      organisationId: (v) => (v ? null : t('validation.required')),
      callId: (v) => (v ? null : t('validation.required')),
      name: (v) => (v.trim().length < 3 ? t('validation.too_short', { minimum: 3 }) : null),
    },
  })
  const callId = form.getValues().callId
  const call = useQuery({
    queryKey: consortiaKeys.call(callId),
    queryFn: () => consortiaApi.call(callId),
    enabled: callId !== '',
  })
  const submit = form.onSubmit(async (v) => {
    setBusy(true)
    setError(null)
    try {
      const created = await consortiaApi.create({
        organisationId: v.organisationId,
        callId: v.callId,
        challengeId: v.challengeId || null,
        name: v.name,
        acronym: v.acronym,
        role: v.role,
      })
      qc.setQueryData(consortiaKeys.one(created.id), created)
      await qc.invalidateQueries({ queryKey: consortiaKeys.all })
      await navigate({ to: '/app/consortia/$consortiumId', params: { consortiumId: created.id } })
    } catch (e) {
      if (isApiError(e) && e.code === 'consortium_lead_not_sme')
        form.setFieldError('organisationId', t('errors.consortium_lead_not_sme'))
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
  const header = (
    <PageHeader
      title={t('consortia.new.title')}
      description={t('consortia.new.description')}
      above={
        <AnchorLink to="/app/consortia" size="sm">
          ← {t('consortia.list.title')}
        </AnchorLink>
      }
    />
  )
  if (!me || calls.isLoading)
    return (
      <>
        {header}
        <Skeleton height={300} />
      </>
    )
  if (organisations.length === 0)
    return (
      <>
        {header}
        <EmptyState
          icon={<IconBuilding size={24} />}
          title={t('applications.new.noOrganisation')}
          description={t('applications.new.noOrganisationText')}
          action={<ButtonLink to="/app/organisations/new">{t('applications.new.createOrganisation')}</ButtonLink>}
        />
      </>
    )
  if (calls.data && calls.data.length === 0)
    return (
      <>
        {header}
        <EmptyState
          icon={<IconCalendarOff size={24} />}
          title={t('consortia.new.noCalls')}
          description={t('consortia.new.noCallsText')}
        />
      </>
    )
  const challenges = call.data?.challenges ?? []
  return (
    <>
      {header}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={900}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={error ?? calls.error ?? call.error} />
            <Select
              label={t('consortia.new.organisation')}
              description={t('consortia.new.organisationHelp')}
              required
              allowDeselect={false}
              data={organisations}
              {...form.getInputProps('organisationId')}
            />
            <Select
              label={t('consortia.new.call')}
              required
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common.noMatch')}
              data={(calls.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.code} · ${localized(c.title, i18n.language)} (${t(`consortia.phase.${c.phase}`)})`,
              }))}
              {...form.getInputProps('callId')}
              onChange={(v) => {
                form.setFieldValue('callId', v ?? '')
                form.setFieldValue('challengeId', '')
              }}
            />
            {challenges.length > 0 ? (
              <Select
                label={t('consortia.new.challenge')}
                searchable
                nothingFoundMessage={t('common.noMatch')}
                data={challenges.map((c) => ({ value: c.id, label: localized(c.title, i18n.language) }))}
                {...form.getInputProps('challengeId')}
              />
            ) : null}
            {call.data ? (
              <Text size="sm" c="dimmed">
                {t('consortia.new.rules', {
                  min: call.data.config.consortium.minOrganisations,
                  smes: call.data.config.consortium.minSmes,
                  countries: call.data.config.consortium.minCountries,
                })}
              </Text>
            ) : null}
            <Group align="flex-start" gap="md" wrap="wrap">
              <TextInput
                label={t('consortia.new.acronym')}
                maxLength={consortiumLimits.acronym}
                style={{ flex: '1 1 10rem' }}
                {...form.getInputProps('acronym')}
              />
              <TextInput
                label={t('consortia.new.name')}
                required
                maxLength={consortiumLimits.name}
                style={{ flex: '3 1 18rem' }}
                {...form.getInputProps('name')}
              />
            </Group>
            <Textarea
              label={t('consortia.new.role')}
              description={t('consortia.invite.roleHelp')}
              autosize
              minRows={2}
              maxLength={consortiumLimits.role}
              {...form.getInputProps('role')}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {t('consortia.new.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  )
}
