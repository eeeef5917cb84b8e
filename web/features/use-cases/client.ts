import type { z } from 'zod'
import {
  challenge,
  type challengeInput,
  type challengePatch,
  managedChallengePage,
  type managedChallengeQuery,
} from '../../../shared/contracts/challenges.ts'
import { taxonomyTermList } from '../../../shared/contracts/taxonomies.ts'
import {
  useCase,
  useCaseComment,
  type useCaseInput,
  type useCaseListQuery,
  useCasePage,
  type useCasePatch,
  useCaseRevision,
  type useCaseTransitionInput,
} from '../../../shared/contracts/use-cases.ts'
import { request } from '../../app/api.ts'

/** The typed client of the use-case, taxonomy and operator challenge endpoints (contracts of shared/contracts). */
const v1 = '/api/v1'
const enc = encodeURIComponent
type Query = Record<string, string | number | boolean | null | undefined>

export type UseCaseListQuery = Partial<z.input<typeof useCaseListQuery>>
export type ManagedChallengeQuery = Partial<z.input<typeof managedChallengeQuery>>
export const taxonomyIds = ['jrc-cybersecurity', 'nis-sectors', 'enisa-threats'] as const

export const demandApi = {
  listUseCases: (query: UseCaseListQuery) =>
    request('GET', `${v1}/use-cases`, { query: query as Query, schema: useCasePage }),
  getUseCase: (id: string) => request('GET', `${v1}/use-cases/${enc(id)}`, { schema: useCase }),
  createUseCase: (body: z.input<typeof useCaseInput>) => request('POST', `${v1}/use-cases`, { body, schema: useCase }),
  updateUseCase: (id: string, body: z.input<typeof useCasePatch>) =>
    request('PATCH', `${v1}/use-cases/${enc(id)}`, { body, schema: useCase }),
  transition: (id: string, body: z.input<typeof useCaseTransitionInput>) =>
    request('POST', `${v1}/use-cases/${enc(id)}/transitions`, { body, schema: useCase }),
  comment: (id: string, body: string) =>
    request('POST', `${v1}/use-cases/${enc(id)}/comments`, { body: { body }, schema: useCaseComment }),
  revision: (id: string, revision: number) =>
    request('GET', `${v1}/use-cases/${enc(id)}/revisions/${revision}`, { schema: useCaseRevision }),
  terms: (taxonomyId: string, q?: string) =>
    request('GET', `${v1}/taxonomies/${enc(taxonomyId)}/terms`, { query: { q, limit: 50 }, schema: taxonomyTermList }),

  challenges: (query: ManagedChallengeQuery) =>
    request('GET', `${v1}/challenges/manage`, { query: query as Query, schema: managedChallengePage }),
  challenge: (id: string) => request('GET', `${v1}/challenges/manage/${enc(id)}`, { schema: challenge }),
  createChallenge: (body: z.input<typeof challengeInput>) =>
    request('POST', `${v1}/challenges`, { body, schema: challenge }),
  updateChallenge: (id: string, body: z.input<typeof challengePatch>) =>
    request('PATCH', `${v1}/challenges/${enc(id)}`, { body, schema: challenge }),
  publication: (id: string, action: 'publish' | 'unpublish') =>
    request('POST', `${v1}/challenges/${enc(id)}/${action}`, { schema: challenge }),
  linkCall: (id: string, callId: string, linked: boolean) =>
    request(linked ? 'PUT' : 'DELETE', `${v1}/challenges/${enc(id)}/calls/${enc(callId)}`, { schema: challenge }),
  linkUseCases: (id: string, useCaseIds: string[]) =>
    request('POST', `${v1}/challenges/${enc(id)}/use-cases`, { body: { useCaseIds }, schema: challenge }),
}

export const demandKeys = {
  listOfUseCases: (q?: UseCaseListQuery) => (q ? (['use-cases', q] as const) : (['use-cases'] as const)),
  oneUseCase: (id: string) => ['use-case', id] as const,
  revision: (id: string, r: number) => ['use-case', id, 'revision', r] as const,
  terms: (taxonomyId: string, q: string) => ['taxonomy', taxonomyId, q] as const,
  challenges: (q?: ManagedChallengeQuery) => (q ? (['challenges-admin', q] as const) : (['challenges-admin'] as const)),
  challenge: (id: string) => ['challenges-admin', 'one', id] as const,
}
