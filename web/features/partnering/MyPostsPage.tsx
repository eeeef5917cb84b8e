import { Group, SegmentedControl, SimpleGrid, Skeleton, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { partneringApi, partneringKeys } from './api.ts'
import { PostCard } from './PostCard.tsx'
import { PartneringTabs } from './shared.tsx'

const route = getRouteApi('/app/partnering/mine')
const PAGE_SIZE = 12

/** The posts of the person's organisations, every status, with the interests each received. */
export function MyPostsPage() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const query = { status: search.status, page: search.page ?? 1, pageSize: PAGE_SIZE }
  const list = useQuery({
    queryKey: partneringKeys.mine(query),
    queryFn: () => partneringApi.mine(query),
    placeholderData: keepPreviousData,
  })
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1
  return (
    <>
      <PageHeader
        title={t('partnering.mine.title')}
        description={t('partnering.mine.description')}
        actions={
          <ButtonLink to="/app/partnering/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('partnering.create')}
          </ButtonLink>
        }
      />
      <PartneringTabs current="mine" />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('partnering.fields.status')}
          w="fit-content"
          value={search.status ?? 'all'}
          data={['all', 'draft', 'published', 'closed'].map((s) => ({
            value: s,
            label: s === 'all' ? t('partnering.mine.all') : t(`partnering.status.${s}`),
          }))}
          onChange={(v) =>
            navigate({
              search: { status: v === 'all' ? undefined : (v as 'draft' | 'published' | 'closed') },
              replace: true,
            })
          }
        />
        <ErrorAlert error={list.error} />
        {list.isLoading ? <Skeleton height={200} /> : null}
        {list.data && list.data.items.length === 0 ? (
          <EmptyState title={t('partnering.mine.empty')} description={t('partnering.mine.emptyText')} />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {list.data?.items.map((p) => (
              <PostCard key={p.id} post={p} showStatus />
            ))}
          </SimpleGrid>
        )}
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
    </>
  )
}
