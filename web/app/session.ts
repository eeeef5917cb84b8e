import { type QueryClient, useQuery } from '@tanstack/react-query'
import type { Me } from '../../shared/contracts/account.ts'
import type { Ability } from '../../shared/contracts/common.ts'
import { api, isApiError, queryKeys } from './api.ts'

/** The signed-in person, or null when signed out (a 401 is an answer here, not an error). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.me(signal)
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null
    throw e
  }
}

export const meQuery = {
  queryKey: queryKeys.me,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchMe(signal),
  staleTime: 30_000,
}

export function useMe() {
  return useQuery(meQuery)
}

export function ensureMe(queryClient: QueryClient) {
  return queryClient.ensureQueryData(meQuery)
}

export function can(me: Me | null | undefined, capability: string): boolean {
  return me?.abilities[capability]?.allowed === true
}

export function abilityFor(me: Me | null | undefined, capability: string): Ability | undefined {
  return me?.abilities[capability]
}
