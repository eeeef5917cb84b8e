import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Consortium, type ConsortiumMember, consortiumLimits } from '../../../shared/contracts/consortia.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { consortiaApi, consortiaKeys } from './api.ts'
import { MemberStatusBadge, OrganisationName } from './shared.tsx'

/** Accept an invitation addressed to the caller's organisation, stating (or confirming) its role. */
function AcceptDialog(props: { consortium: Consortium; member: ConsortiumMember | null; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [role, setRole] = useState('')
  const accept = useMutation({
    mutationFn: (m: ConsortiumMember) => consortiaApi.accept(props.consortium.id, m.id, { role }),
    onSuccess: (c) => {
      qc.setQueryData(consortiaKeys.one(c.id), c)
      qc.invalidateQueries({ queryKey: consortiaKeys.all })
      props.onClose()
    },
  })
  const m = props.member
  return (
    <Modal opened={m !== null} onClose={props.onClose} title={t('consortia.accept.title')} centered>
      {m ? (
        <Stack>
          <Text size="sm">{t('consortia.accept.text', { name: props.consortium.name })}</Text>
          <TextInput
            label={t('consortia.invite.role')}
            description={
              m.role
                ? t('consortia.accept.proposed', { role: m.role.replace(/\.$/, '') })
                : t('consortia.invite.roleHelp')
            }
            maxLength={consortiumLimits.role}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
          <ErrorAlert error={accept.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={accept.isPending}>
              {t('common.cancel')}
            </Button>
            <Button loading={accept.isPending} onClick={() => accept.mutate(m)}>
              {t('consortia.accept.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}

/** The lead and the members with their status, role and where they were found; answer or remove. */
export function MembersCard({ consortium, onInvite }: { consortium: Consortium; onInvite: () => void }) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const [accepting, setAccepting] = useState<ConsortiumMember | null>(null)
  const refresh = () => qc.invalidateQueries({ queryKey: consortiaKeys.all })
  const remove = useMutation({
    mutationFn: (m: ConsortiumMember) => consortiaApi.remove(consortium.id, m.id),
    onSuccess: (c) => {
      qc.setQueryData(consortiaKeys.one(c.id), c)
      refresh()
    },
  })
  const decline = useMutation({
    mutationFn: (m: ConsortiumMember) => consortiaApi.decline(consortium.id, m.id),
    onSuccess: refresh,
  })
  const a = consortium.abilities
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="consortium-members">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="consortium-members">
            {t('consortia.members.title')}
          </Title>
          <AbilityButton ability={a.invite} size="sm" onClick={onInvite}>
            {t('consortia.invite.open')}
          </AbilityButton>
        </Group>
        <ErrorAlert error={remove.error ?? decline.error} />
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          <Paper component="li" withBorder p="sm" radius="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <OrganisationName org={consortium.leadOrganisation} fw={700} />
              <MemberStatusBadge status="accepted" />
            </Group>
            <Text size="xs" c="dimmed">
              {t('consortia.members.lead')}
              {consortium.leadRole ? ` · ${consortium.leadRole}` : ''}
            </Text>
          </Paper>
          {consortium.members.map((m) => (
            <Paper key={m.id} component="li" withBorder p="sm" radius="sm">
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  {m.organisation ? (
                    <OrganisationName org={m.organisation} />
                  ) : (
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {m.invitedEmail ?? t('consortia.members.byEmail')}
                    </Text>
                  )}
                  <MemberStatusBadge status={m.status} />
                </Group>
                <Text size="sm">{m.role || t('consortia.members.noRole')}</Text>
                <Text size="xs" c="dimmed">
                  {t(`consortia.source.${m.source}`)} ·{' '}
                  {t('consortia.members.invitedOn', { date: f.dateTime(m.invitedAt) })}
                </Text>
                <Group gap="xs">
                  {m.mine && m.status === 'invited' && m.organisation ? (
                    <>
                      <AbilityButton ability={a.accept} size="xs" onClick={() => setAccepting(m)}>
                        {t('consortia.accept.confirm')}
                      </AbilityButton>
                      <AbilityButton
                        ability={a.decline}
                        size="xs"
                        variant="default"
                        loading={decline.isPending}
                        onClick={() => decline.mutate(m)}
                      >
                        {t('consortia.decline')}
                      </AbilityButton>
                    </>
                  ) : null}
                  {(m.status === 'invited' || m.status === 'accepted') && a.remove?.allowed ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables?.id === m.id}
                      onClick={() => remove.mutate(m)}
                    >
                      {m.status === 'invited' ? t('consortia.members.withdraw') : t('consortia.members.remove')}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </Stack>
      <AcceptDialog consortium={consortium} member={accepting} onClose={() => setAccepting(null)} />
    </Paper>
  )
}
