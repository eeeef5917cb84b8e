import { useTranslation } from 'react-i18next'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { ImportWizard } from '../../design-system/ImportWizard.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { fileToBase64, profileApi } from './profile-client.ts'

/** Operators and cluster staff import organisations from CSV or XLSX: file → column mapping → row report. */
export function ImportOrganisationsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="organisation.import" title={t('organisationTransfer.import.title')}>
      <ImportWizard
        prefix="organisationTransfer.import"
        keys={{ note: 'organisationTransfer.import.membersNote' }}
        above={
          <AnchorLink to="/app/admin/organisations" size="sm">
            ← {t('admin.organisations.title')}
          </AnchorLink>
        }
        stepperSize="sm"
        tableMinWidth={{ mapping: 520, report: 420 }}
        readErrorOnField
        fieldLabel={(f) => t(`organisationTransfer.fields.${f}`, { defaultValue: f })}
        codeText={(code) => t(`organisationTransfer.codes.${code}`, { defaultValue: code })}
        encode={fileToBase64}
        preview={profileApi.importPreview}
        run={profileApi.importOrganisations}
        createdCell={(created) => (
          <AnchorLink to="/app/organisations/$organisationId" params={{ organisationId: created.id }}>
            {created.reference}
          </AnchorLink>
        )}
      />
    </RequireCapability>
  )
}
