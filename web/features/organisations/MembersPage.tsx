import { Badge, Card, Group, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDoorExit } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrganisationRole } from '../../../shared/authz.ts'
import type { Member } from '../../../shared/contracts/organisations.ts'
import { api, queryKeys } from '../../app/api.ts'
import { useMe } from '../../app/session.ts'
import { AbilityButton, useReasonText } from '../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { useOrganisation } from './useOrganisation.ts'

type Pending =
  | { kind: 'remove'; member: Member }
  | { kind: 'transfer'; member: Member }
  | { kind: 'leave' }
  | { kind: 'role'; member: Member; role: OrganisationRole }

export function MembersPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const message = useErrorMessage()
  const reason = useReasonText()
  const { data: me } = useMe()
  const { organisationId, data: org } = useOrganisation()
  const members = useQuery({ queryKey: queryKeys.members(organisationId), queryFn: () => api.members(organisationId) })
  const [pending, setPending] = useState<Pending | null>(null)

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.members(organisationId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.organisation(organisationId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    ])

  const act = useMutation({
    mutationFn: async (p: Pending) => {
      switch (p.kind) {
        case 'remove':
          return api.removeMember(organisationId, p.member.userId)
        case 'transfer':
          return api.transferOwnership(organisationId, p.member.userId)
        case 'leave':
          return api.leaveOrganisation(organisationId)
        case 'role':
          return api.changeMemberRole(organisationId, p.member.userId, { role: p.role })
      }
    },
    onSuccess: async (_d, p) => {
      setPending(null)
      const name = 'member' in p ? p.member.name : ''
      notifications.show({ color: 'green', message: t(`members.done.${p.kind}`, { name }) })
      if (p.kind === 'leave') {
        await queryClient.invalidateQueries({ queryKey: queryKeys.organisations() })
        await queryClient.invalidateQueries({ queryKey: queryKeys.me })
        await navigate({ to: '/app/organisations' })
        return
      }
      await refresh()
    },
    onError: (e, p) => {
      if (p.kind === 'role') {
        setPending(null)
        notifications.show({ color: 'red', message: message(e) })
      }
    },
  })

  if (!org) return null
  const transferAbility = org.abilities['ownership.transfer']

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="members-title">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} size="h3" id="members-title">
          {t('members.title')}
        </Title>
        <AbilityButton
          ability={org.abilities.leave}
          variant="outline"
          color="red"
          leftSection={<IconDoorExit size={16} aria-hidden />}
          onClick={() => {
            act.reset()
            setPending({ kind: 'leave' })
          }}
        >
          {t('members.leave')}
        </AbilityButton>
      </Group>
      <ErrorAlert error={members.error} />
      {members.isLoading ? (
        <Stack gap="xs">
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : members.data && members.data.items.length === 0 ? (
        <EmptyState title={t('members.empty')} />
      ) : members.data ? (
        <Table.ScrollContainer
          minWidth={760}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('table.region', { name: t('members.title') })}
        >
          <Table verticalSpacing="sm" striped>
            <caption className="sr-only">{t('members.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.joined')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.map((m) => {
                const isMe = m.userId === me?.user.id
                const canChange = m.abilities.changeRole
                return (
                  <Table.Tr key={m.userId}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6}>
                        {m.name}
                        {isMe ? (
                          <Badge size="sm" variant="light" color="gray">
                            {t('members.you')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Th>
                    <Table.Td>{m.email}</Table.Td>
                    <Table.Td>
                      {m.role !== 'owner' && canChange?.allowed ? (
                        <Select
                          aria-label={t('members.roleOf', { name: m.name })}
                          size="xs"
                          w={150}
                          allowDeselect={false}
                          value={m.role}
                          data={(['admin', 'member'] as const).map((r) => ({
                            value: r,
                            label: t(`roles.organisation.${r}`),
                          }))}
                          onChange={(v) => {
                            if (v && v !== m.role) {
                              act.reset()
                              setPending({ kind: 'role', member: m, role: v as OrganisationRole })
                            }
                          }}
                        />
                      ) : (
                        <Badge
                          variant="light"
                          color={m.role === 'owner' ? 'cascade' : 'gray'}
                          title={reason(canChange)}
                        >
                          {t(`roles.organisation.${m.role}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td className="nowrap">{f.dateShort(m.joinedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {!isMe && m.role !== 'owner' && transferAbility?.allowed ? (
                          <AbilityButton
                            ability={transferAbility}
                            size="xs"
                            variant="default"
                            aria-label={t('members.transferTo', { name: m.name })}
                            onClick={() => {
                              act.reset()
                              setPending({ kind: 'transfer', member: m })
                            }}
                          >
                            {t('members.transfer')}
                          </AbilityButton>
                        ) : null}
                        {!isMe ? (
                          <AbilityButton
                            ability={m.abilities.remove}
                            size="xs"
                            color="red"
                            variant="outline"
                            aria-label={t('members.removeNamed', { name: m.name })}
                            onClick={() => {
                              act.reset()
                              setPending({ kind: 'remove', member: m })
                            }}
                          >
                            {t('members.remove')}
                          </AbilityButton>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      {pending ? (
        <ConfirmDialog
          opened
          title={t(`members.confirm.${pending.kind}.title`)}
          message={
            <Text>
              {t(`members.confirm.${pending.kind}.text`, {
                name: 'member' in pending ? pending.member.name : '',
                organisation: org.legalName,
                role: pending.kind === 'role' ? t(`roles.organisation.${pending.role}`) : '',
              })}
            </Text>
          }
          confirmLabel={t(`members.confirm.${pending.kind}.action`)}
          danger={pending.kind !== 'role'}
          loading={act.isPending}
          error={pending.kind === 'role' ? null : act.error}
          onClose={() => setPending(null)}
          onConfirm={() => act.mutate(pending)}
        />
      ) : null}
    </Card>
  )
}
