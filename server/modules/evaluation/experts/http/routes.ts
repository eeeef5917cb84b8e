import { z } from 'zod'
import {
  callExpert,
  callExpertPage,
  callExpertParams,
  callExpertQuery,
  callParams,
  cvBodyLimit,
  cvUpload,
  expertApply,
  expertDecision,
  expertDeclarations,
  expertInvitationSent,
  expertInvite,
  expertProfile,
  expertProfileInput,
  tokenParams,
} from '../../../../../shared/contracts/experts.ts'
import { fileKinds } from '../../../../platform/files/index.ts'
import { type AnyRoute, defineRoute } from '../../../../platform/http/route.ts'
import { signedInUser } from '../access.ts'
import { applyAsExpert, decideCandidacy } from '../commands/candidacy.ts'
import { acceptExpertInvitation, inviteExpert } from '../commands/invitations.ts'
import { saveExpertProfile, signExpertDeclarations, uploadExpertCv } from '../commands/profile.ts'
import { listCallExperts, serveExpertCv } from '../queries/pool.ts'
import { readExpertProfile } from '../queries/profile.ts'

const tags = ['experts']

export const expertRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/expert/profile',
    capability: 'expert.profile.view',
    summary: 'Your expert profile, with your candidacies per call (404 until you create one)',
    tags,
    response: expertProfile,
    handler: async (_input, ctx) => readExpertProfile(ctx.db, signedInUser(ctx.actor)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/expert/profile',
    capability: 'expert.profile.manage',
    summary: 'Create or replace your expert profile: expertise, tags, countries, languages, organisations, kind, load',
    tags,
    body: expertProfileInput,
    response: expertProfile,
    handler: async ({ body }, ctx) => saveExpertProfile(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/expert/profile/cv',
    capability: 'expert.profile.manage',
    summary: 'Upload your CV (PDF or office document ≤ 10 MB, base64; the type is read from the bytes)',
    tags,
    body: cvUpload,
    response: expertProfile,
    bodyLimit: cvBodyLimit,
    handler: async ({ body }, ctx) => uploadExpertCv(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/expert/profile/declarations',
    capability: 'expert.profile.manage',
    summary: 'Sign the code of conduct and the confidentiality declaration (the time is recorded)',
    tags,
    body: expertDeclarations,
    response: expertProfile,
    handler: async ({ body }, ctx) => signExpertDeclarations(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/experts/:userId/cv',
    capability: 'expert.profile.view',
    summary: 'An expert’s CV: to the expert and to the operators of a call they are a candidate for',
    tags,
    params: z.object({ userId: z.uuid() }),
    response: z.null(),
    download: { contentTypes: fileKinds.expert_cv.types },
    handler: async ({ params }, ctx, _req, reply) => {
      await serveExpertCv(ctx, params.userId, reply)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/expert-candidacies',
    capability: 'expert.apply',
    summary: 'Become an expert: apply to evaluate for a listed call (needs an expert profile)',
    tags,
    params: callParams,
    body: expertApply,
    response: expertProfile,
    status: 201,
    handler: async ({ params, body }, ctx) => applyAsExpert(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/expert-invitations/:token/accept',
    capability: 'expert.apply',
    summary: 'Accept an invitation to evaluate for a call (single use; a pending candidacy for the operators)',
    tags,
    params: tokenParams,
    response: expertProfile,
    handler: async ({ params }, ctx) => acceptExpertInvitation(ctx, params.token),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/experts',
    capability: 'expert.pool.view',
    summary: 'The call’s candidate experts (operators): search, status filter, paging',
    tags,
    params: callParams,
    query: callExpertQuery,
    response: callExpertPage,
    handler: async ({ params, query }, ctx) => listCallExperts(ctx, params.callId, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/experts/invitations',
    capability: 'expert.pool.manage',
    summary: 'Invite someone by e-mail to evaluate for the call (operators)',
    tags,
    params: callParams,
    body: expertInvite,
    response: expertInvitationSent,
    status: 201,
    handler: async ({ params, body }, ctx) => inviteExpert(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/experts/:userId/decision',
    capability: 'expert.pool.manage',
    summary: 'Approve (with the load for this call) or reject a candidate expert (operators)',
    tags,
    params: callExpertParams,
    body: expertDecision,
    response: callExpert,
    handler: async ({ params, body }, ctx) => decideCandidacy(ctx, params.callId, params.userId, body),
  }),
]
