import { Alert, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core'
import { IconUsersGroup } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/session.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { consortiaApi, consortiaKeys } from './api.ts'
import { InviteDialog, type InvitePreset } from './InviteDialog.tsx'
import { ConsortiumStatusBadge } from './shared.tsx'

const route = getRouteApi('/app/consortia')
const PAGE_SIZE = 20

/**
 * The consortia of the person's organisations (led, invited, joined). Opened from another tool with an
 * organisation to invite (`?invite=…&source=…&ref=…`), it asks which forming consortium to invite it to.
 */
export function ConsortiaPage() {
  const { t, i18n } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: me } = useMe()
  const [target, setTarget] = useState<string | null>(null)
  const query = { page: search.page ?? 1, pageSize: PAGE_SIZE }
  const list = useQuery({
    queryKey: consortiaKeys.list(query),
    queryFn: () => consortiaApi.list(query),
    placeholderData: keepPreviousData,
  })
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1
  const mine = new Set(me?.memberships.map((m) => m.organisation.id) ?? [])
  const preset: InvitePreset | null = search.invite
    ? {
        organisationId: search.invite,
        name: search.name ?? null,
        source: search.source ?? 'direct',
        sourceRef: search.ref,
      }
    : null
  const items = list.data?.items ?? []
  const canHost = (i: (typeof items)[number]) => i.status === 'forming' && mine.has(i.leadOrganisation.id)
  return (
    <>
      <PageHeader
        title={t('consortia.list.title')}
        description={t('consortia.list.description')}
        actions={<ButtonLink to="/app/consortia/new">{t('consortia.new.title')}</ButtonLink>}
      />
      <Stack gap="md">
        {preset ? (
          <Alert color="blue" variant="light" title={t('consortia.list.chooseTitle')}>
            <Text size="sm">
              {t('consortia.list.choose', { name: preset.name ?? t('consortia.hiddenOrganisation') })}
            </Text>
            {items.some(canHost) ? null : (
              <Text size="sm" mt="xs">
                {t('consortia.list.chooseNone')}
              </Text>
            )}
          </Alert>
        ) : null}
        <ErrorAlert error={list.error} />
        {list.isLoading ? <Skeleton height={200} /> : null}
        {list.data && items.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup size={24} />}
            title={t('consortia.list.empty')}
            description={t('consortia.list.emptyText')}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {items.map((i) => (
            <Card key={i.id} withBorder radius="md" padding="md" component="article">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <AnchorLink to="/app/consortia/$consortiumId" params={{ consortiumId: i.id }} fw={700}>
                    {i.acronym ? `${i.acronym} — ${i.name}` : i.name}
                  </AnchorLink>
                  <ConsortiumStatusBadge status={i.status} />
                </Group>
                <Text size="sm" c="dimmed">
                  {i.call.code} · {localized(i.call.title, i18n.language)}
                </Text>
                <Text size="sm">
                  {t('consortia.list.led', { name: i.leadOrganisation.name ?? '' })} ·{' '}
                  {t('consortia.list.counts', { accepted: i.accepted, pending: i.pending })}
                </Text>
                <Group gap="xs">
                  <Badge color={i.rulesPass ? 'green' : 'red'} variant="light">
                    {i.rulesPass ? t('consortia.rules.allPass') : t('consortia.rules.missingShort')}
                  </Badge>
                  {i.invitedMe ? (
                    <Badge color="yellow" variant="light">
                      {t('consortia.list.invitedMe')}
                    </Badge>
                  ) : null}
                  {i.application ? <Badge variant="outline">{i.application.reference}</Badge> : null}
                </Group>
                {preset && canHost(i) ? (
                  <Button size="xs" w="fit-content" onClick={() => setTarget(i.id)}>
                    {t('consortia.list.inviteHere')}
                  </Button>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        {pages > 1 ? (
          <Group justify="center">
            <Pager
              total={pages}
              value={search.page ?? 1}
              onChange={(page) => navigate({ search: (prev) => ({ ...prev, page }) as typeof prev })}
            />
          </Group>
        ) : null}
      </Stack>
      {target ? (
        <InviteDialog
          consortiumId={target}
          opened
          preset={preset}
          onInvited={(id) => navigate({ to: '/app/consortia/$consortiumId', params: { consortiumId: id } })}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </>
  )
}
