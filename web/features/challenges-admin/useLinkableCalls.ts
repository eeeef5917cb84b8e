import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { localized } from '../../design-system/format.ts'
import { callKeys, callsApi } from '../calls/api.ts'

const query = { pageSize: 100 } as const

/**
 * The calls a challenge may be put in, from the calls endpoint: its drafts too for the programme's
 * operators (the programme endpoint lists published calls only). A cancelled call is offered only while
 * the challenge is still in it, so that it can be taken out. In order of opening.
 */
export function useLinkableCalls(linkedIds: readonly string[]) {
  const { i18n } = useTranslation()
  const calls = useQuery({ queryKey: callKeys.list(query), queryFn: () => callsApi.list(query) })
  return (calls.data?.items ?? [])
    .filter((c) => c.phase !== 'cancelled' || linkedIds.includes(c.id))
    .sort((a, b) => a.schedule.opensAt.localeCompare(b.schedule.opensAt))
    .map((c) => ({ value: c.id, label: `${c.code} · ${localized(c.title, i18n.language)}` }))
}
