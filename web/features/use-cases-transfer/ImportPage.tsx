import { useTranslation } from 'react-i18next'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { ImportWizard } from '../../design-system/ImportWizard.tsx'
import { fileToBase64, transferApi } from './client.ts'

/** Operators import use cases from CSV or XLSX: file → column mapping → per-row report. */
export function ImportPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="use_case.import" title={t('useCaseTransfer.import.title')}>
      <ImportWizard
        prefix="useCaseTransfer.import"
        keys={{ note: 'useCaseTransfer.import.draftsNote' }}
        fieldHelp={{ field: 'tags', id: 'import-tags-help', text: t('useCaseTransfer.import.tagsHelp') }}
        showCandidates
        fieldLabel={(f) => t(`useCaseTransfer.fields.${f}`, { defaultValue: f })}
        codeText={(code, fallback) => t(`useCaseTransfer.codes.${code}`, { defaultValue: fallback })}
        encode={fileToBase64}
        preview={transferApi.preview}
        run={transferApi.importUseCases}
      />
    </RequireCapability>
  )
}
