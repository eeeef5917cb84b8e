import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/session.ts'
import { exportUrl, type UseCaseExportQuery } from './client.ts'

/**
 * "Export" menu for the use-case list: downloads exactly the filtered list the caller sees, as CSV or XLSX.
 * Pass the list's current search (filters and sort; page and pageSize are ignored). Hidden without
 * `use_case.export`. The download is a plain link: the browser sends the session cookie and saves the file.
 */
export function ExportMenu({ query }: { query: UseCaseExportQuery & { page?: unknown; pageSize?: unknown } }) {
  const { t } = useTranslation()
  const { data: me } = useMe()
  if (!me?.abilities['use_case.export']?.allowed) return null
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('useCaseTransfer.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={exportUrl('csv', query)}
          download
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        >
          {t('useCaseTransfer.export.csv')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={exportUrl('xlsx', query)}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        >
          {t('useCaseTransfer.export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
