import { useTranslation } from 'react-i18next'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { ImportWizard } from '../../design-system/ImportWizard.tsx'
import { fileToBase64 } from '../use-cases-transfer/client.ts'
import { catalogueApi } from './client.ts'

/** Operators and cluster staff import solutions from CSV or XLSX: file → column mapping → report row by row. */
export function ImportSolutionsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="solution.import" title={t('solutionCatalogue.import.title')}>
      <ImportWizard
        prefix="useCaseTransfer.import"
        keys={{
          title: 'solutionCatalogue.import.title',
          description: 'solutionCatalogue.import.description',
          note: 'solutionCatalogue.import.draftsNote',
          written: 'solutionCatalogue.import.written',
        }}
        tableMinWidth={{ mapping: 560, report: 560 }}
        fieldLabel={(f) => t(`solutionCatalogue.import.fields.${f}`, { defaultValue: f })}
        // The import's own codes, else the shared ones of imports.
        codeText={(code) =>
          t(`solutionCatalogue.import.codes.${code}`, {
            defaultValue: t(`useCaseTransfer.codes.${code}`, { defaultValue: code }),
          })
        }
        encode={fileToBase64}
        preview={catalogueApi.preview}
        run={catalogueApi.importSolutions}
        reportColumns={[{ header: t('solutionCatalogue.import.organisation'), cell: (r) => r.organisation ?? '—' }]}
      />
    </RequireCapability>
  )
}
