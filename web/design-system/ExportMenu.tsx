import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react'

export type ExportFormat = 'csv' | 'xlsx'

/**
 * An "Export" button opening a menu with two download links (CSV and XLSX). Each item is a plain link with
 * `download`: the browser sends the session cookie and saves the file. Callers decide visibility
 * (capability checks) and pass already-translated labels.
 */
export function ExportMenu({
  href,
  label,
  csvLabel,
  xlsxLabel,
}: {
  /** The download URL for one format. */
  href: (format: ExportFormat) => string
  label: string
  csvLabel: string
  xlsxLabel: string
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('csv')} download leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
          {csvLabel}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={href('xlsx')}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        >
          {xlsxLabel}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
