import { Badge, Button, Card, Group, Select, Skeleton, Stack, Table, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconMailPlus } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Invitation, invitationInput, invitationRoles } from '../../../shared/contracts/organisations.ts'
import { api, isApiError, queryKeys } from '../../app/api.ts'
import { useReasonText } from '../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { useOrganisation } from './useOrganisation.ts'

const statusColour = { pending: 'blue', accepted: 'green', expired: 'gray', revoked: 'red' } as const

export function InvitationsPage() {
  const reason = useReasonText()
  const { data: org } = useOrganisation()
  if (!org) return null
  const manage = org.abilities['members.manage']
  if (!manage?.allowed) return <ForbiddenPageInline reason={reason(manage ?? { allowed: false })} />
  return (
    <Stack gap="lg">
      <InviteForm />
      <InvitationList />
    </Stack>
  )
}

function ForbiddenPageInline({ reason }: { reason: string | undefined }) {
  const { t } = useTranslation()
  return <EmptyState title={t('forbidden.title')} description={reason ?? t('forbidden.text')} />
}

function InviteForm() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const { organisationId } = useOrganisation()
  const validate = useZodValidate(invitationInput)
  const serverErrors = useServerErrors()
  const message = useErrorMessage()
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'member' as (typeof invitationRoles)[number] },
    validate,
  })
  const invite = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.createInvitation(organisationId, { email: v.email.trim(), role: v.role }),
    onSuccess: async (inv) => {
      notifications.show({ color: 'green', message: t('invitations.sent', { email: inv.email }) })
      form.reset()
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations(organisationId) })
    },
    onError: (e) => {
      if (serverErrors(form, e)) return
      if (isApiError(e) && (e.code === 'already_member' || e.code === 'invitation_pending'))
        form.setFieldError('email', message(e))
    },
  })
  const fieldLevel =
    isApiError(invite.error) &&
    (invite.error.fieldErrors.length > 0 || ['already_member', 'invitation_pending'].includes(invite.error.code))

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invite-title">
      <Title order={2} size="h3" id="invite-title" mb="md">
        {t('invitations.new')}
      </Title>
      <form onSubmit={form.onSubmit((v) => invite.mutate(v))} noValidate>
        <Stack>
          {!fieldLevel ? <ErrorAlert error={invite.error} /> : null}
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="off"
              required
              style={{ flex: '1 1 16rem' }}
              {...form.getInputProps('email')}
            />
            <Select
              label={t('members.role')}
              allowDeselect={false}
              w={180}
              data={invitationRoles.map((r) => ({ value: r, label: t(`roles.organisation.${r}`) }))}
              {...form.getInputProps('role')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={invite.isPending} leftSection={<IconMailPlus size={16} aria-hidden />}>
              {t('invitations.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function InvitationList() {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const { organisationId } = useOrganisation()
  const list = useQuery({
    queryKey: queryKeys.invitations(organisationId),
    queryFn: () => api.invitations(organisationId),
  })
  const [revoking, setRevoking] = useState<Invitation | null>(null)
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeInvitation(organisationId, id),
    onSuccess: async () => {
      setRevoking(null)
      notifications.show({ color: 'green', message: t('invitations.revoked') })
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations(organisationId) })
    },
  })

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="inv-list">
      <Title order={2} size="h3" id="inv-list" mb="md">
        {t('invitations.title')}
      </Title>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <Skeleton height={72} />
      ) : list.data && list.data.items.length === 0 ? (
        <EmptyState title={t('invitations.empty')} />
      ) : list.data ? (
        <Table.ScrollContainer
          minWidth={760}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('table.region', { name: t('invitations.title') })}
        >
          <Table verticalSpacing="sm" striped>
            <caption className="sr-only">{t('invitations.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('invitations.status')}</Table.Th>
                <Table.Th>{t('invitations.invitedBy')}</Table.Th>
                <Table.Th>{t('invitations.expires')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Th scope="row" fw={500}>
                    {inv.email}
                  </Table.Th>
                  <Table.Td>{t(`roles.organisation.${inv.role}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColour[inv.status]}>
                      {t(`invitationStatus.${inv.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{inv.invitedBy ?? '—'}</Table.Td>
                  <Table.Td>{f.dateTime(inv.expiresAt)}</Table.Td>
                  <Table.Td>
                    {inv.status === 'pending' ? (
                      <Button
                        size="xs"
                        color="red"
                        variant="outline"
                        aria-label={t('invitations.revokeFor', { email: inv.email })}
                        onClick={() => {
                          revoke.reset()
                          setRevoking(inv)
                        }}
                      >
                        {t('invitations.revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ConfirmDialog
        opened={revoking != null}
        title={t('invitations.revokeTitle')}
        message={t('invitations.revokeText', { email: revoking?.email ?? '' })}
        confirmLabel={t('invitations.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      />
    </Card>
  )
}
