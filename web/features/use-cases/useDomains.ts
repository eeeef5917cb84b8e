import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, queryKeys } from '../../app/api.ts'
import { localized } from '../../design-system/format.ts'

/** The programme's domains and calls (from the programme endpoint), with their names in the active language. */
export function useProgrammeRefs() {
  const { i18n } = useTranslation()
  const programme = useQuery({ queryKey: queryKeys.programme, queryFn: api.programme })
  const domains = (programme.data?.domains ?? []).map((d) => ({
    value: d.id,
    label: `${d.code} · ${localized(d.name, i18n.language)}`,
  }))
  const calls = (programme.data?.calls ?? []).map((c) => ({
    value: c.id,
    label: `${c.code} · ${localized(c.title, i18n.language)}`,
  }))
  const domainName = (id: string | null) => domains.find((d) => d.value === id)?.label ?? '—'
  return { domains, calls, domainName, isLoading: programme.isLoading }
}
