import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Deadline } from '../design-system/Deadline.tsx'
import { EmptyState } from '../design-system/EmptyState.tsx'
import { localized } from '../design-system/format.ts'
import { AnchorLink, ButtonLink } from '../design-system/links.tsx'
import { PageHeader } from '../design-system/PageHeader.tsx'
import { api, queryKeys } from './api.ts'
import { can, useMe } from './session.ts'

/** The signed-in person's starting point: their organisations, the programme's calls, their tools. */
export function DashboardPage() {
  const { t, i18n } = useTranslation()
  const { data: me } = useMe()
  const orgQuery = { mine: 'true' as const, pageSize: 5, sort: 'legalName' }
  const orgs = useQuery({ queryKey: queryKeys.organisations(orgQuery), queryFn: () => api.organisations(orgQuery) })
  const programme = useQuery({ queryKey: queryKeys.programme, queryFn: api.programme, staleTime: 300_000 })

  const adminLinks = [
    { cap: 'admin.users.view', to: '/app/admin/users', label: 'nav.adminUsers' },
    { cap: 'admin.roles.view', to: '/app/admin/roles', label: 'nav.adminRoles' },
    { cap: 'organisation.list', to: '/app/admin/organisations', label: 'nav.adminOrganisations' },
    { cap: 'admin.audit.view', to: '/app/admin/activity', label: 'nav.activity' },
    { cap: 'admin.mailbox.view', to: '/app/admin/mailbox', label: 'nav.mailbox' },
    { cap: 'programme.manage', to: '/app/admin/programme', label: 'nav.programmeSettings' },
  ].filter((l) => can(me, l.cap))

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={me ? t('dashboard.welcome', { name: me.user.name }) : undefined}
      />
      {me && me.programmeRoles.length > 0 ? (
        <Group gap="xs" mb="lg" aria-label={t('dashboard.yourRoles')} role="group">
          <Text size="sm" c="dimmed">
            {t('dashboard.yourRoles')}:
          </Text>
          {me.programmeRoles.map((r) => (
            <Badge key={r.id} variant="light" color={r.effective ? 'blue' : 'orange'}>
              {t(`roles.programme.${r.role}`)}
              {r.clusterName ? ` · ${r.clusterName}` : ''}
              {r.effective ? '' : ` — ${t('dashboard.roleNeedsTwoFactor')}`}
            </Badge>
          ))}
        </Group>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="dash-orgs">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="dash-orgs">
              {t('dashboard.myOrganisations')}
            </Title>
            <AnchorLink to="/app/organisations" size="sm">
              {t('dashboard.seeAll')}
            </AnchorLink>
          </Group>
          {orgs.isLoading ? (
            <Skeleton height={80} />
          ) : orgs.data && orgs.data.items.length > 0 ? (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {orgs.data.items.map((o) => (
                <Group component="li" key={o.id} justify="space-between" wrap="nowrap">
                  <AnchorLink to="/app/organisations/$organisationId" params={{ organisationId: o.id }} truncate>
                    {o.shortName ?? o.legalName}
                  </AnchorLink>
                  {o.myRole ? (
                    <Badge variant="light" color="gray">
                      {t(`roles.organisation.${o.myRole}`)}
                    </Badge>
                  ) : null}
                </Group>
              ))}
            </Stack>
          ) : (
            <EmptyState
              title={t('organisations.empty.title')}
              description={t('organisations.empty.text')}
              action={
                <ButtonLink to="/app/organisations/new" leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('organisations.create')}
                </ButtonLink>
              }
            />
          )}
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="dash-calls">
          <Title order={2} size="h3" id="dash-calls" mb="sm">
            {t('programme.calls.title')}
          </Title>
          {programme.isLoading ? (
            <Skeleton height={80} />
          ) : programme.data && programme.data.calls.length > 0 ? (
            <Stack gap="md">
              {programme.data.calls.map((c) => (
                <Stack key={c.id} gap={4}>
                  <Group gap="xs">
                    <Text fw={600}>{localized(c.title, i18n.language)}</Text>
                    <Badge variant="light" color={c.status === 'open' ? 'green' : 'gray'}>
                      {t(`callStatus.${c.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('programme.calls.closes')}
                  </Text>
                  <Deadline value={c.closesAt} timeZone={c.timeZone} />
                </Stack>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t('programme.calls.none')}</Text>
          )}
        </Card>

        {adminLinks.length > 0 ? (
          <Card withBorder padding="lg" component="section" aria-labelledby="dash-admin">
            <Title order={2} size="h3" id="dash-admin" mb="sm">
              {t('nav.sections.admin')}
            </Title>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {adminLinks.map((l) => (
                <li key={l.to}>
                  <AnchorLink to={l.to}>{t(l.label)}</AnchorLink>
                </li>
              ))}
            </Stack>
          </Card>
        ) : null}
      </SimpleGrid>
    </>
  )
}
