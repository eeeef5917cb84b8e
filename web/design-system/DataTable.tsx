import {
  Box,
  Group,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconArrowDown, IconArrowsSort, IconArrowUp, IconSearch } from '@tabler/icons-react'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Page } from '../../shared/contracts/common.ts'
import { useFormat } from './format.ts'
import { ErrorAlert } from './forms.tsx'

/** The list convention's query, kept in the URL: `?q=&page=&pageSize=&sort=field|-field`. */
export const listSearch = z.object({
  q: z.string().optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
  sort: z.string().optional().catch(undefined),
})
export type ListQuery = z.infer<typeof listSearch>

export interface Column<T> {
  key: string
  header: string
  /** The API's sort field; the header becomes a sort button when set. */
  sortField?: string
  render: (row: T) => ReactNode
  /** Render the cell as a row header (`<th scope="row">`), for the column that names the row. */
  rowHeader?: boolean
  /** Keep the cell on one line (dates, badges, e-mail addresses). */
  nowrap?: boolean
  align?: 'left' | 'right' | 'center'
}

interface DataTableProps<T> {
  /** The table's accessible name (a visually hidden caption). */
  label: string
  columns: Column<T>[]
  data: Page<T> | undefined
  isLoading: boolean
  error?: unknown
  query: ListQuery
  /** The default sort of the endpoint, shown as active when `query.sort` is empty. */
  defaultSort?: string
  onQueryChange: (patch: Partial<ListQuery>) => void
  /** Shows a search box with this label. */
  searchLabel?: string
  /** Extra filter inputs shown next to the search box. */
  filters?: ReactNode
  /** True when a filter other than the search text is active (an empty list then means "no match"). */
  filtered?: boolean
  /** Shown when the list is empty and nothing is filtered. */
  empty: ReactNode
  rowKey: (row: T) => string
  minWidth?: number
  pageSizes?: number[]
}

/** A list page's table: search, filters, sortable headers, loading skeleton, empty state and pager. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation()
  const f = useFormat()
  const { query, onQueryChange, data } = props
  const [search, setSearch] = useState(query.q ?? '')
  const [debounced] = useDebouncedValue(search, 300)
  const captionId = useId()

  useEffect(() => {
    setSearch(query.q ?? '')
  }, [query.q])
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the debounced text only
  useEffect(() => {
    if ((debounced || undefined) !== (query.q || undefined))
      onQueryChange({ q: debounced || undefined, page: undefined })
  }, [debounced])

  const sort = query.sort ?? props.defaultSort
  const pageSize = data?.pageSize ?? query.pageSize ?? 25
  const page = data?.page ?? query.page ?? 1
  const total = data?.total ?? 0
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const filtered = Boolean(query.q) || Boolean(props.filtered)
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)

  const toggleSort = (field: string) => {
    const next = sort === field ? `-${field}` : field
    onQueryChange({ sort: next, page: undefined })
  }

  return (
    <Stack gap="md">
      {props.searchLabel || props.filters ? (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {props.searchLabel ? (
            <TextInput
              type="search"
              label={props.searchLabel}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              style={{ flex: '1 1 16rem' }}
            />
          ) : null}
          {props.filters}
        </Group>
      ) : null}

      <ErrorAlert error={props.error} />

      {props.isLoading ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} height={36} radius="sm" />
          ))}
        </Stack>
      ) : data && data.items.length === 0 ? (
        filtered ? (
          <Box>
            <Text role="status" c="dimmed" py="md">
              {t('table.noResults')}
            </Text>
          </Box>
        ) : (
          props.empty
        )
      ) : data ? (
        <Table.ScrollContainer
          minWidth={props.minWidth ?? 640}
          type="native"
          // Contain absolutely positioned content (the visually hidden sort labels) so it scrolls with the
          // table instead of widening the page on a phone.
          pos="relative"
          tabIndex={0}
          role="region"
          aria-label={t('table.region', { name: props.label })}
        >
          <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby={captionId}>
            <caption>
              <VisuallyHidden id={captionId}>{props.label}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((c) => {
                  const active =
                    sort === c.sortField ? 'ascending' : sort === `-${c.sortField}` ? 'descending' : undefined
                  return (
                    <Table.Th key={c.key} aria-sort={c.sortField ? (active ?? 'none') : undefined} ta={c.align}>
                      {c.sortField ? (
                        <UnstyledButton
                          onClick={() => toggleSort(c.sortField!)}
                          fw={700}
                          fz="sm"
                          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                        >
                          {c.header}
                          {active === 'ascending' ? (
                            <IconArrowUp size={14} aria-hidden />
                          ) : active === 'descending' ? (
                            <IconArrowDown size={14} aria-hidden />
                          ) : (
                            <IconArrowsSort size={14} aria-hidden />
                          )}
                          <VisuallyHidden>
                            {active === 'ascending'
                              ? t('table.sortedAscending')
                              : active === 'descending'
                                ? t('table.sortedDescending')
                                : t('table.sortable')}
                          </VisuallyHidden>
                        </UnstyledButton>
                      ) : (
                        c.header
                      )}
                    </Table.Th>
                  )
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((row) => (
                <Table.Tr key={props.rowKey(row)}>
                  {props.columns.map((c) =>
                    c.rowHeader ? (
                      <Table.Th
                        key={c.key}
                        scope="row"
                        fw={500}
                        ta={c.align}
                        className={c.nowrap ? 'nowrap' : undefined}
                      >
                        {c.render(row)}
                      </Table.Th>
                    ) : (
                      <Table.Td key={c.key} ta={c.align} className={c.nowrap ? 'nowrap' : undefined}>
                        {c.render(row)}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      {data && total > 0 ? (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed" role="status">
            {t('table.showing', { from: f.number(from), to: f.number(to), total: f.number(total) })}
          </Text>
          <Group gap="sm" wrap="wrap">
            <Select
              aria-label={t('table.pageSize')}
              w={140}
              size="xs"
              allowDeselect={false}
              value={String(pageSize)}
              data={(props.pageSizes ?? [10, 25, 50, 100]).map((n) => ({
                value: String(n),
                label: t('table.perPage', { count: n }),
              }))}
              onChange={(v) => v && onQueryChange({ pageSize: Number(v), page: undefined })}
            />
            {pages > 1 ? (
              <nav aria-label={t('table.pagination')}>
                <Pagination
                  total={pages}
                  value={page}
                  onChange={(p) => onQueryChange({ page: p === 1 ? undefined : p })}
                  size="sm"
                  siblings={1}
                  boundaries={1}
                  getItemProps={(p) => ({ 'aria-label': t('table.goToPage', { page: p }) })}
                  getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
                />
              </nav>
            ) : null}
          </Group>
        </Group>
      ) : null}
    </Stack>
  )
}
