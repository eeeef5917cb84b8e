import { Alert, Button, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consortiumLimits } from '../../../shared/contracts/consortia.ts'
import { useMe } from '../../app/session.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { AuthLayout } from '../auth/AuthLayout.tsx'
import { consortiaApi, consortiaKeys } from './api.ts'

const route = getRouteApi('/app/consortium-invitations/$token')

/**
 * An e-mail invitation to a consortium: what it is and who leads it; the person signs in (or up),
 * chooses which of their organisations joins and its role — or declines.
 */
export function ConsortiumInvitationPage() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const { token } = route.useParams()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const { data: me, isLoading: meLoading } = useMe()
  const view = useQuery({
    queryKey: consortiaKeys.invitation(token),
    queryFn: () => consortiaApi.invitation(token),
    enabled: Boolean(me),
  })
  const organisations = (me?.memberships ?? []).map((m) => ({
    value: m.organisation.id,
    label: m.organisation.legalName,
  }))
  const [organisationId, setOrganisationId] = useState<string | null>(null)
  const [role, setRole] = useState('')
  const chosen = organisationId ?? (organisations.length === 1 ? organisations[0]!.value : null)
  const accept = useMutation({
    mutationFn: () => consortiaApi.acceptByToken(token, { organisationId: chosen ?? undefined, role }),
    onSuccess: async (c) => {
      qc.setQueryData(consortiaKeys.one(c.id), c)
      await qc.invalidateQueries({ queryKey: consortiaKeys.all })
      await navigate({ to: '/app/consortia/$consortiumId', params: { consortiumId: c.id } })
    },
  })
  const decline = useMutation({ mutationFn: () => consortiaApi.declineByToken(token), onSuccess: () => view.refetch() })
  const here = `/app/consortium-invitations/${token}`
  const v = view.data
  return (
    <AuthLayout title={t('consortia.invitation.title')}>
      {meLoading || (me && view.isLoading) ? (
        <Skeleton height={160} />
      ) : !me ? (
        <Stack gap="sm">
          <Text>{t('consortia.invitation.signInFirst')}</Text>
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
        <Stack gap="md">
          <Text>
            {t('consortia.invitation.text', {
              organisation: v.leadOrganisation,
              consortium: v.acronym ? `${v.acronym} — ${v.name}` : v.name,
              call: `${v.call.code} ${localized(v.call.title, i18n.language)}`,
            })}
          </Text>
          {v.challenge ? (
            <Text size="sm" c="dimmed">
              {t('consortia.invitation.challenge', { challenge: v.challenge })}
            </Text>
          ) : null}
          {v.message ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {v.message}
            </Text>
          ) : null}
          {v.status !== 'invited' || v.expired ? (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
              {v.expired && v.status === 'invited'
                ? t('errors.invitation_expired')
                : t('consortia.invitation.answered', { status: t(`consortia.memberStatus.${v.status}`) })}
            </Alert>
          ) : (
            <>
              {v.expiresAt ? (
                <Text size="xs" c="dimmed">
                  {t('consortia.invitation.validUntil', { date: f.dateTime(v.expiresAt) })}
                </Text>
              ) : null}
              {organisations.length === 0 ? (
                <Stack gap="xs">
                  <Text size="sm">{t('consortia.invitation.noOrganisation')}</Text>
                  <ButtonLink to="/app/organisations/new" w="fit-content">
                    {t('applications.new.createOrganisation')}
                  </ButtonLink>
                </Stack>
              ) : (
                <Select
                  label={t('consortia.invitation.organisation')}
                  required
                  allowDeselect={false}
                  data={organisations}
                  value={chosen}
                  onChange={setOrganisationId}
                />
              )}
              <TextInput
                label={t('consortia.invite.role')}
                description={
                  v.role
                    ? t('consortia.accept.proposed', { role: v.role.replace(/\.$/, '') })
                    : t('consortia.invite.roleHelp')
                }
                maxLength={consortiumLimits.role}
                value={role}
                onChange={(e) => setRole(e.currentTarget.value)}
              />
              <ErrorAlert error={accept.error ?? decline.error} />
              <Group>
                <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={!chosen}>
                  {t('consortia.accept.confirm')}
                </Button>
                <Button variant="default" onClick={() => decline.mutate()} loading={decline.isPending}>
                  {t('consortia.decline')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </AuthLayout>
  )
}
