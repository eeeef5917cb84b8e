import { Button, Group, Menu } from '@mantine/core'
import {
  IconChevronDown,
  IconDownload,
  IconFileImport,
  IconFileSpreadsheet,
  IconFileTypeCsv,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/session.ts'
import { ButtonLink } from '../../design-system/links.tsx'
import { organisationExportUrl } from './profile-client.ts'

/**
 * The staff list's transfer actions: "Import" (organisation.import) and an "Export" menu downloading the
 * filtered list as CSV or XLSX (organisation.export). Each is hidden without its capability.
 */
export function OrganisationTransferActions({ query }: { query: Record<string, unknown> }) {
  const { t } = useTranslation()
  const { data: me } = useMe()
  const mayImport = me?.abilities['organisation.import']?.allowed === true
  const mayExport = me?.abilities['organisation.export']?.allowed === true
  if (!mayImport && !mayExport) return null
  return (
    <Group gap="xs">
      {mayImport ? (
        <ButtonLink
          to="/app/admin/organisations/import"
          variant="default"
          leftSection={<IconFileImport size={16} aria-hidden />}
        >
          {t('organisationTransfer.import.button')}
        </ButtonLink>
      ) : null}
      {mayExport ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              rightSection={<IconChevronDown size={14} aria-hidden />}
            >
              {t('organisationTransfer.export.button')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              component="a"
              href={organisationExportUrl('csv', query)}
              download
              leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            >
              {t('organisationTransfer.export.csv')}
            </Menu.Item>
            <Menu.Item
              component="a"
              href={organisationExportUrl('xlsx', query)}
              download
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t('organisationTransfer.export.xlsx')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Group>
  )
}
