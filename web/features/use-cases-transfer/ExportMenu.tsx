import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isLocale } from '../../../shared/i18n/index.ts'
import { useMe } from '../../app/session.ts'
import { exportUrl, type UseCaseExportQuery } from './client.ts'

/**
 * "Export" menu for the use-case list: downloads exactly the filtered list the caller sees, as CSV or XLSX.
 * Pass the list's current search (filters and sort; page and pageSize are ignored). Hidden without
 * `use_case.export`. The download is a plain link: the browser sends the session cookie and saves the file.
 * Its column headers are in the language the person is reading the app in.
 */
export function ExportMenu({ query }: { query: UseCaseExportQuery & { page?: unknown; pageSize?: unknown } }) {
  const { t, i18n } = useTranslation()
  const { data: me } = useMe()
  if (!me?.abilities['use_case.export']?.allowed) return null
  const withLang = isLocale(i18n.language) ? { ...query, lang: i18n.language } : query
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
          href={exportUrl('csv', withLang)}
          download
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        >
          {t('useCaseTransfer.export.csv')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={exportUrl('xlsx', withLang)}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        >
          {t('useCaseTransfer.export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
