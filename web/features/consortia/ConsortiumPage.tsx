import { Alert, Grid, Group, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { consortiaApi, consortiaKeys } from './api.ts'
import { InviteDialog } from './InviteDialog.tsx'
import { MembersCard } from './MembersCard.tsx'
import { RuleChecklist } from './RuleChecklist.tsx'
import { ConsortiumStatusBadge } from './shared.tsx'

const route = getRouteApi('/app/consortia/$consortiumId')

/** One consortium: its call, members, the live rule check, and "Turn into an application". */
export function ConsortiumPage() {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const { consortiumId } = route.useParams()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [inviting, setInviting] = useState(false)
  const [dissolving, setDissolving] = useState(false)
  const q = useQuery({ queryKey: consortiaKeys.one(consortiumId), queryFn: () => consortiaApi.get(consortiumId) })
  const convert = useMutation({
    mutationFn: () => consortiaApi.convert(consortiumId),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: consortiaKeys.all })
      notifications.show({ color: 'green', message: t('consortia.convert.done', { reference: r.reference }) })
      await navigate({ to: '/app/applications/$applicationId', params: { applicationId: r.applicationId } })
    },
  })
  const dissolve = useMutation({
    mutationFn: () => consortiaApi.dissolve(consortiumId),
    onSuccess: (c) => {
      qc.setQueryData(consortiaKeys.one(c.id), c)
      qc.invalidateQueries({ queryKey: consortiaKeys.all })
      setDissolving(false)
    },
  })
  if (q.error) return <ErrorAlert error={q.error} />
  const c = q.data
  if (!c) return <Skeleton height={400} />
  return (
    <>
      <PageHeader
        title={c.acronym ? `${c.acronym} — ${c.name}` : c.name}
        description={`${c.call.code} · ${localized(c.call.title, i18n.language)}${c.challenge ? ` · ${c.challenge.title}` : ''}`}
        above={
          <AnchorLink to="/app/consortia" size="sm">
            ← {t('consortia.list.title')}
          </AnchorLink>
        }
      />
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <ConsortiumStatusBadge status={c.status} />
          <Text size="sm" c="dimmed">
            {t(`consortia.phase.${c.call.phase}`)} · {t('consortia.deadline', { date: f.dateTime(c.call.closesAt) })}
          </Text>
        </Group>
        {c.application ? (
          <Alert color="green" variant="light" icon={<IconInfoCircle aria-hidden />}>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{t('consortia.convert.converted', { reference: c.application.reference })}</Text>
              <ButtonLink size="xs" to="/app/applications/$applicationId" params={{ applicationId: c.application.id }}>
                {t('consortia.convert.open')}
              </ButtonLink>
            </Group>
          </Alert>
        ) : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <MembersCard consortium={c} onInvite={() => setInviting(true)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <RuleChecklist rules={c.rules} pass={c.rulesPass} />
              {c.status === 'forming' && c.abilities.convert ? (
                <Stack gap="xs">
                  <Text size="sm" c="dimmed">
                    {t('consortia.convert.help')}
                  </Text>
                  <ErrorAlert error={convert.error} />
                  <AbilityButton
                    ability={c.abilities.convert}
                    loading={convert.isPending}
                    onClick={() => convert.mutate()}
                  >
                    {t('consortia.convert.button')}
                  </AbilityButton>
                  {c.abilities.dissolve?.allowed ? (
                    <AbilityButton
                      ability={c.abilities.dissolve}
                      variant="subtle"
                      color="red"
                      loading={dissolve.isPending}
                      onClick={() => setDissolving(true)}
                    >
                      {t('consortia.dissolve.button')}
                    </AbilityButton>
                  ) : null}
                </Stack>
              ) : null}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <InviteDialog consortiumId={c.id} opened={inviting} onClose={() => setInviting(false)} />
      <ConfirmDialog
        opened={dissolving}
        title={t('consortia.dissolve.button')}
        message={t('consortia.dissolve.confirm')}
        confirmLabel={t('consortia.dissolve.button')}
        danger
        loading={dissolve.isPending}
        error={dissolve.error}
        onConfirm={() => dissolve.mutate()}
        onClose={() => setDissolving(false)}
      />
    </>
  )
}
