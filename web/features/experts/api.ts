import { z } from 'zod'
import {
  callExpert,
  callExpertPage,
  conflictList,
  conflictSettings,
  declaredConflict,
  type expertApply,
  type expertDecision,
  expertInvitationSent,
  type expertInvite,
  expertProfile,
  type expertProfileInput,
} from '../../../shared/contracts/experts.ts'
import { request } from '../../app/api.ts'

/** The expert-pool endpoints, parsed with the shared contracts. */
const enc = encodeURIComponent
const pool = (callId: string) => `/api/v1/calls/${enc(callId)}/experts`

export const expertsApi = {
  profile: () => request('GET', '/api/v1/expert/profile', { schema: expertProfile }),
  save: (body: z.input<typeof expertProfileInput>) =>
    request('PUT', '/api/v1/expert/profile', { schema: expertProfile, body }),
  uploadCv: (body: { filename: string; data: string }) =>
    request('POST', '/api/v1/expert/profile/cv', { schema: expertProfile, body }),
  sign: (body: { codeOfConduct?: true; confidentiality?: true }) =>
    request('POST', '/api/v1/expert/profile/declarations', { schema: expertProfile, body }),
  apply: (callId: string, body: z.input<typeof expertApply>) =>
    request('POST', `/api/v1/calls/${enc(callId)}/expert-candidacies`, { schema: expertProfile, body }),
  accept: (token: string) =>
    request('POST', `/api/v1/expert-invitations/${enc(token)}/accept`, { schema: expertProfile, body: {} }),
  list: (callId: string, query: { q?: string; status?: string; page: number; pageSize: number }) =>
    request('GET', pool(callId), { schema: callExpertPage, query }),
  invite: (callId: string, body: z.input<typeof expertInvite>) =>
    request('POST', `${pool(callId)}/invitations`, { schema: expertInvitationSent, body }),
  decide: (callId: string, userId: string, body: z.input<typeof expertDecision>) =>
    request('POST', `${pool(callId)}/${enc(userId)}/decision`, { schema: callExpert, body }),
  conflicts: (callId: string) => request('GET', `${pool(callId)}/conflicts`, { schema: conflictList }),
  settings: (callId: string, body: z.infer<typeof conflictSettings>) =>
    request('PUT', `${pool(callId)}/conflict-settings`, { schema: conflictSettings, body }),
  declare: (applicationId: string, body: { userId?: string; reason: string }) =>
    request('POST', `/api/v1/applications/${enc(applicationId)}/expert-conflicts`, { schema: declaredConflict, body }),
  withdraw: (conflictId: string) => request('DELETE', `/api/v1/expert-conflicts/${enc(conflictId)}`, { schema: null }),
}

export const expertKeys = {
  profile: ['experts', 'profile'] as const,
  pool: (callId: string) => ['experts', 'pool', callId] as const,
  list: (callId: string, q: object) => ['experts', 'pool', callId, 'list', q] as const,
  conflicts: (callId: string) => ['experts', 'pool', callId, 'conflicts'] as const,
}

export const poolSearch = z.object({
  call: z.uuid().optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  status: z.enum(['pending', 'approved', 'rejected']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
})
