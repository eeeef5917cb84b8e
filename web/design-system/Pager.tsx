import { Pagination } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Page links under a list or a table, each with a label screen readers announce ("Go to page 3"). */
export function Pager({
  total,
  value,
  onChange,
}: {
  /** Number of pages. */
  total: number
  value: number
  onChange: (page: number) => void
}) {
  const { t } = useTranslation()
  return (
    <Pagination
      total={total}
      value={value}
      onChange={onChange}
      getItemProps={(p) => ({ 'aria-label': t('table.goToPage', { page: p }) })}
      getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
    />
  )
}
