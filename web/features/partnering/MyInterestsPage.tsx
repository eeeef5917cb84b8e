import { Group, Select, Skeleton, Stack } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type InterestStatus, interestStatuses } from '../../../shared/contracts/partnering.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { partneringApi, partneringKeys } from './api.ts'
import { InterestCard } from './InterestCard.tsx'
import { PartneringTabs } from './shared.tsx'

const route = getRouteApi('/app/partnering/interests')
const PAGE_SIZE = 20

/** The interests the person's organisations expressed: their status, the answer, contacts once accepted. */
export function MyInterestsPage() {
  const { t } = useTranslation()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const query = { status: search.status, page: search.page ?? 1, pageSize: PAGE_SIZE }
  const list = useQuery({
    queryKey: partneringKeys.myInterests(query),
    queryFn: () => partneringApi.myInterests(query),
    placeholderData: keepPreviousData,
  })
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1
  return (
    <>
      <PageHeader title={t('partnering.interests.title')} description={t('partnering.interests.description')} />
      <PartneringTabs current="interests" />
      <Stack gap="md">
        <Select
          label={t('partnering.fields.status')}
          w={{ base: '100%', xs: 220 }}
          allowDeselect={false}
          value={search.status ?? 'all'}
          data={['all', ...interestStatuses].map((s) => ({
            value: s,
            label: s === 'all' ? t('partnering.mine.all') : t(`partnering.interestStatus.${s}`),
          }))}
          onChange={(v) =>
            navigate({
              search: { status: !v || v === 'all' ? undefined : (v as InterestStatus) },
              replace: true,
            })
          }
        />
        <ErrorAlert error={list.error} />
        {list.isLoading ? <Skeleton height={200} /> : null}
        {list.data && list.data.items.length === 0 ? (
          <EmptyState title={t('partnering.interests.empty')} description={t('partnering.interests.emptyText')} />
        ) : null}
        {list.data?.items.map((i) => (
          <InterestCard key={i.id} interest={i} side="interested" />
        ))}
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
