import { Alert, Button, Group, Select, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconBuilding } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api.ts'
import { useMe } from '../../app/session.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { AuthLayout } from '../auth/AuthLayout.tsx'
import { applicationKeys, applicationsApi } from './client.ts'

const route = getRouteApi('/app/application-invitations/$token')

/**
 * An invitation to join a consortium: what the application is, who leads it, and which of the person's
 * organisations joins (accept) — or decline.
 */
export function InvitationPage() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const message = useErrorMessage()
  const { token } = route.useParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { data: me, isLoading: meLoading } = useMe()
  const view = useQuery({
    queryKey: applicationKeys.invitation(token),
    queryFn: () => applicationsApi.invitation(token),
    enabled: Boolean(me),
  })
  const organisations = (me?.memberships ?? []).map((m) => ({
    value: m.organisation.id,
    label: m.organisation.shortName
      ? `${m.organisation.shortName} · ${m.organisation.legalName}`
      : m.organisation.legalName,
  }))
  const [organisationId, setOrganisationId] = useState<string | null>(null)
  const chosen = organisationId ?? (organisations.length === 1 ? organisations[0]!.value : null)
  const [touched, setTouched] = useState(false)
  const accept = useMutation({
    mutationFn: () => applicationsApi.acceptInvitation(token, { organisationId: chosen! }),
    onSuccess: async (app) => {
      notifications.show({
        color: 'green',
        message: t('applications.invitation.accepted', { reference: app.reference }),
      })
      queryClient.setQueryData(applicationKeys.one(app.id), app)
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all })
      await navigate({ to: '/app/applications/$applicationId', params: { applicationId: app.id } })
    },
  })
  const decline = useMutation({
    mutationFn: () => applicationsApi.declineInvitation(token),
    onSuccess: async () => {
      await view.refetch()
    },
  })
  const here = `/app/application-invitations/${token}`
  const v = view.data
  const orgError =
    accept.error &&
    isApiError(accept.error) &&
    ['already_in_consortium', 'organisation_already_applied', 'not_a_member'].includes(accept.error.code)
      ? message(accept.error)
      : touched && !chosen
        ? t('validation.required')
        : null

  return (
    <AuthLayout title={t('applications.invitation.title')}>
      {meLoading || (me && view.isLoading) ? (
        <Skeleton height={160} />
      ) : !me ? (
        <Stack gap="sm">
          <Text>{t('applications.invitation.signInFirst')}</Text>
          <Group>
            <ButtonLink to="/app/sign-in" search={{ redirect: here }}>
              {t('auth.signIn.action')}
            </ButtonLink>
            <ButtonLink to="/app/sign-up" search={{ redirect: here }} variant="default">
              {t('auth.signUp.action')}
            </ButtonLink>
          </Group>
        </Stack>
      ) : !v ? (
        <ErrorAlert error={view.error} />
      ) : (
        <Stack>
          <Text>
            {t('applications.invitation.text', {
              lead: v.leadOrganisation,
              acronym: v.acronym || v.reference,
              call: localized(v.callTitle, i18n.language),
            })}
          </Text>
          {v.title ? (
            <Text size="sm" fw={600}>
              {v.title}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('applications.invitation.for', { email: v.invitedEmail })}
            {v.expiresAt && v.status === 'invited'
              ? ` · ${t('applications.invitation.expires', { time: f.dateTime(v.expiresAt) })}`
              : ''}
          </Text>
          {v.status !== 'invited' ? (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
              {t(`applications.invitation.status.${v.status}`)}
            </Alert>
          ) : organisations.length === 0 ? (
            <Stack gap="xs">
              <Alert color="blue" variant="light" icon={<IconBuilding aria-hidden />}>
                {t('applications.invitation.noOrganisation')}
              </Alert>
              <ButtonLink to="/app/organisations/new" w="fit-content">
                {t('applications.new.createOrganisation')}
              </ButtonLink>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Select
                label={t('applications.invitation.organisation')}
                description={t('applications.invitation.organisationHelp')}
                required
                allowDeselect={false}
                data={organisations}
                value={chosen}
                onChange={setOrganisationId}
                error={orgError}
              />
              <ErrorAlert error={orgError ? null : (accept.error ?? decline.error)} />
              <Group>
                <Button
                  onClick={() => {
                    setTouched(true)
                    if (chosen) accept.mutate()
                  }}
                  loading={accept.isPending}
                  disabled={decline.isPending}
                >
                  {t('applications.invitation.accept')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => decline.mutate()}
                  loading={decline.isPending}
                  disabled={accept.isPending}
                >
                  {t('applications.invitation.decline')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </AuthLayout>
  )
}
