import { Button, Menu, Table, Text } from '@mantine/core'
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Page } from '../../../shared/contracts/common.ts'
import type { ListQuery } from '../../design-system/DataTable.tsx'
import { localized } from '../../design-system/format.ts'
import { type ExportKind, exportHref, rankingApi, rankingKeys } from './api.ts'

/**
 * A list held in full by the page (the views return every expert and application of the call), searched,
 * filtered and paged in the browser in the shape `DataTable` expects from the server.
 */
export function useLocalPage<T>(
  items: readonly T[] | undefined,
  matches: (row: T, q: string) => boolean,
  keep: (row: T) => boolean = () => true,
): { query: ListQuery; onQueryChange: (patch: Partial<ListQuery>) => void; data: Page<T> | undefined } {
  const [query, setQuery] = useState<ListQuery>({})
  const data = useMemo(() => {
    if (!items) return undefined
    const q = (query.q ?? '').trim().toLowerCase()
    const rows = items.filter((r) => keep(r) && (!q || matches(r, q)))
    const pageSize = query.pageSize ?? 25
    const pages = Math.max(1, Math.ceil(rows.length / pageSize))
    const page = Math.min(query.page ?? 1, pages)
    return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize }
  }, [items, query, matches, keep])
  return { query, onQueryChange: (patch) => setQuery((prev) => ({ ...prev, ...patch })), data }
}

export function useCallQuery(callId: string) {
  return useQuery({ queryKey: rankingKeys.call(callId), queryFn: () => rankingApi.call(callId) })
}

/** The call's code and title under the page title. */
export function useCallLine(callId: string): string | undefined {
  const { i18n } = useTranslation()
  const call = useCallQuery(callId)
  return call.data ? `${call.data.code} · ${localized(call.data.title, i18n.language)}` : undefined
}

/** The evaluation's exports (ranking, individual evaluations, consensus), XLSX or CSV, in the viewer's language. */
export function ExportsMenu({ callId, kinds }: { callId: string; kinds: ExportKind[] }) {
  const { t, i18n } = useTranslation()
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('ranking.exports.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {kinds.map((kind) => [
          <Menu.Label key={`${kind}-label`}>{t(`ranking.exports.${kind}`)}</Menu.Label>,
          <Menu.Item
            key={`${kind}-xlsx`}
            component="a"
            href={exportHref(callId, kind, 'xlsx', i18n.language)}
            download
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t('ranking.exports.xlsx', { name: t(`ranking.exports.${kind}`) })}
          </Menu.Item>,
          <Menu.Item
            key={`${kind}-csv`}
            component="a"
            href={exportHref(callId, kind, 'csv', i18n.language)}
            download
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          >
            {t('ranking.exports.csv', { name: t(`ranking.exports.${kind}`) })}
          </Menu.Item>,
        ])}
      </Menu.Dropdown>
    </Menu>
  )
}

/** The figures of a chart as a table: the text alternative (the chart itself is hidden from screen readers). */
export function FigureTable({ label, headers, rows }: { label: string; headers: string[]; rows: string[][] }) {
  const { t } = useTranslation()
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('ranking.charts.empty')}
      </Text>
    )
  return (
    <Table.ScrollContainer
      minWidth={240}
      type="native"
      mt="sm"
      mah={260}
      tabIndex={0}
      role="region"
      aria-label={t('ranking.charts.figures', { name: label })}
    >
      <Table striped withTableBorder verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.join('|')}>
              {r.map((cell, i) =>
                i === 0 ? (
                  <Table.Th key={headers[i]} scope="row" fw={400}>
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={headers[i]} ta="right">
                    {cell}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
