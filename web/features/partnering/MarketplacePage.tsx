import { Badge, Button, CloseButton, Group, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { partneringKinds, partneringSorts } from '../../../shared/contracts/partnering.ts'
import { useMe } from '../../app/session.ts'
import { CountrySelect } from '../../design-system/CountrySelect.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { partneringApi, partneringKeys } from './api.ts'
import { PostCard } from './PostCard.tsx'
import { PartneringTabs } from './shared.tsx'

const route = getRouteApi('/app/partnering')
const PAGE_SIZE = 12

/** The marketplace: published, unexpired posts; search, filters and paging live in the URL. */
export function MarketplacePage() {
  const { t } = useTranslation()
  const { data: me } = useMe()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const [q, setQ] = useState(search.q ?? '')
  useEffect(() => setQ(search.q ?? ''), [search.q])
  const set = (patch: Record<string, string | number | undefined>) =>
    navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) as typeof prev, replace: true })
  const query = { ...search, pageSize: PAGE_SIZE }
  const list = useQuery({
    queryKey: partneringKeys.list(query),
    queryFn: () => partneringApi.list(query),
    placeholderData: keepPreviousData,
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    set({ q: q.trim() || undefined })
  }
  const filtered = Boolean(
    search.q || search.kind || search.country || search.wanted || search.call || search.challenge || search.tag,
  )
  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  const canPost = (me?.memberships.length ?? 0) > 0

  return (
    <>
      <PageHeader
        title={t('partnering.market.title')}
        description={t('partnering.market.description')}
        actions={
          canPost ? (
            <ButtonLink to="/app/partnering/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partnering.create')}
            </ButtonLink>
          ) : null
        }
      />
      <PartneringTabs current="market" />
      <Stack gap="md">
        <search aria-label={t('partnering.market.searchLabel')}>
          <form onSubmit={submit}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('partnering.market.searchLabel')}
                placeholder={t('partnering.market.searchPlaceholder')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                style={{ flex: '1 1 16rem' }}
                leftSection={<IconSearch size={16} aria-hidden />}
              />
              <Button type="submit">{t('partnering.market.search')}</Button>
            </Group>
          </form>
        </search>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label={t('partnering.fields.kind')}
            w={{ base: '100%', xs: 220 }}
            clearable
            value={search.kind ?? null}
            data={partneringKinds.map((k) => ({ value: k, label: t(`partnering.kinds.${k}`) }))}
            onChange={(v) => set({ kind: v ?? undefined })}
          />
          <CountrySelect
            label={t('partnering.market.country')}
            w={{ base: '100%', xs: 200 }}
            clearable
            value={search.country ?? null}
            onChange={(v) => set({ country: v ?? undefined })}
          />
          <CountrySelect
            label={t('partnering.market.wanted')}
            w={{ base: '100%', xs: 200 }}
            clearable
            value={search.wanted ?? null}
            onChange={(v) => set({ wanted: v ?? undefined })}
          />
          <Select
            label={t('partnering.market.sort')}
            w={{ base: '100%', xs: 180 }}
            value={search.sort ?? (search.q ? 'relevance' : 'newest')}
            allowDeselect={false}
            data={partneringSorts
              .filter((s) => s !== 'relevance' || search.q)
              .map((s) => ({ value: s, label: t(`partnering.sorts.${s}`) }))}
            onChange={(v) => set({ sort: v ?? undefined })}
          />
          {filtered ? (
            <Button
              variant="subtle"
              onClick={() => {
                setQ('')
                navigate({ search: {} as never, replace: true })
              }}
            >
              {t('partnering.market.clear')}
            </Button>
          ) : null}
        </Group>
        <ActiveFilters
          items={[
            ['call', search.call, data?.items.map((p) => p.call).find((c) => c?.id === search.call)?.code],
            [
              'challenge',
              search.challenge,
              data?.items
                .map((p) => p.challenge)
                .filter((c) => c?.id === search.challenge)
                .map((c) => `${c?.code} · ${c?.title}`)[0],
            ],
            ['tags', search.tag, data?.items.flatMap((p) => p.tags).find((x) => x.id === search.tag)?.name],
          ]}
          onRemove={(key) => set({ [key === 'tags' ? 'tag' : key]: undefined })}
        />
        <ErrorAlert error={list.error} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {data ? t('partnering.market.count', { count: data.total }) : ''}
        </Text>
        {list.isLoading ? (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={180} radius="md" />
            ))}
          </SimpleGrid>
        ) : data && data.items.length === 0 ? (
          <EmptyState
            title={filtered ? t('partnering.market.noMatch') : t('partnering.market.empty')}
            description={filtered ? t('partnering.market.noMatchText') : t('partnering.market.emptyText')}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data?.items.map((p) => (
              <PostCard key={p.id} post={p} />
            ))}
          </SimpleGrid>
        )}
        {data && pages > 1 ? (
          <Group justify="center">
            <Pager
              total={pages}
              value={search.page ?? 1}
              onChange={(page) => navigate({ search: (prev) => ({ ...prev, page }) as typeof prev })}
            />
          </Group>
        ) : null}
      </Stack>
    </>
  )
}

type FilterKey = 'call' | 'challenge' | 'tags'

/**
 * The filters that come from a link (a challenge page, a call, a topic) and have no field of their own:
 * shown as chips, each removable, named after what the results carry.
 */
function ActiveFilters({
  items,
  onRemove,
}: {
  items: [FilterKey, string | undefined, string | undefined][]
  onRemove: (key: FilterKey) => void
}) {
  const { t } = useTranslation()
  const active = items.filter(([, id]) => Boolean(id))
  if (active.length === 0) return null
  return (
    <Group gap="xs" wrap="wrap" aria-label={t('partnering.market.activeFilters')} role="group">
      {active.map(([key, , name]) => {
        const value = name ?? t('partnering.market.filterSelected')
        const label = t('partnering.market.activeFilter', { field: t(`partnering.fields.${key}`), value })
        return (
          <Badge
            key={key}
            size="lg"
            variant="light"
            tt="none"
            rightSection={
              <CloseButton
                size="xs"
                onClick={() => onRemove(key)}
                aria-label={t('partnering.market.removeFilter', { filter: label })}
              />
            }
          >
            {label}
          </Badge>
        )
      })}
    </Group>
  )
}
