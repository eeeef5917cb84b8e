import { useTranslation } from 'react-i18next'
import { isLocale } from '../../../shared/i18n/index.ts'
import { useMe } from '../../app/session.ts'
import { ExportMenu as SharedExportMenu } from '../../design-system/ExportMenu.tsx'
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
    <SharedExportMenu
      href={(format) => exportUrl(format, withLang)}
      label={t('useCaseTransfer.export.button')}
      csvLabel={t('useCaseTransfer.export.csv')}
      xlsxLabel={t('useCaseTransfer.export.xlsx')}
    />
  )
}
