import { challengeHistory } from '../../../shared/contracts/challenges.ts'
import { request } from '../../app/api.ts'

/** A page of a challenge's history (operators), newest first. */
export function fetchChallengeHistory(challengeId: string, page: number, pageSize = 10) {
  return request('GET', `/api/v1/challenges/${encodeURIComponent(challengeId)}/history`, {
    query: { page, pageSize },
    schema: challengeHistory,
  })
}

/** Under the operators' challenge keys, so every save, publication or link refreshes it. */
export const historyKey = (challengeId: string) => ['challenges-admin', 'history', challengeId] as const
