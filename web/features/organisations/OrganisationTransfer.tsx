import { Group } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/session.ts'
import { ExportMenu } from '../../design-system/ExportMenu.tsx'
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
        <ExportMenu
          href={(format) => organisationExportUrl(format, query)}
          label={t('organisationTransfer.export.button')}
          csvLabel={t('organisationTransfer.export.csv')}
          xlsxLabel={t('organisationTransfer.export.xlsx')}
        />
      ) : null}
    </Group>
  )
}
