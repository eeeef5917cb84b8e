import { z } from 'zod'
import {
  challenge,
  challengeHistory as challengeHistoryPage,
  challengeHistoryQuery,
  challengeInput,
  challengePatch,
  challengeVersions,
  managedChallengePage,
  managedChallengeQuery,
} from '../../../../shared/contracts/challenges.ts'
import { uuid } from '../../../../shared/contracts/common.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { changePublication } from '../commands/change-publication.ts'
import { createChallenge } from '../commands/create-challenge.ts'
import { linkCall } from '../commands/link-call.ts'
import { linkUseCases, unlinkUseCase } from '../commands/link-use-case.ts'
import { updateChallenge } from '../commands/update-challenge.ts'
import { challengeHistory } from '../queries/challenge-history.ts'
import { getManagedChallenge } from '../queries/get-managed-challenge.ts'
import { listManagedChallenges } from '../queries/list-managed-challenges.ts'
import { listVersions } from '../queries/list-versions.ts'
import { tags } from './public-routes.ts'

const byId = z.object({ challengeId: uuid })
const byCall = byId.extend({ callId: uuid })
const byUseCase = byId.extend({ useCaseId: uuid })
const capability = 'challenge.manage'

export const operatorChallengeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/challenges/manage',
    capability,
    summary: 'Every challenge, drafts included, searched, filtered and paged (operators)',
    tags,
    query: managedChallengeQuery,
    response: managedChallengePage,
    handler: async ({ query }, ctx) => listManagedChallenges(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/challenges/manage/:challengeId',
    capability,
    summary: 'One challenge whatever its status, as operators edit it',
    tags,
    params: byId,
    response: challenge,
    handler: async ({ params }, ctx) => getManagedChallenge(ctx, params.challengeId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/challenges',
    capability,
    summary: 'Create a draft challenge in a domain',
    tags,
    body: challengeInput,
    response: challenge,
    status: 201,
    handler: async ({ body }, ctx) => createChallenge(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/challenges/:challengeId',
    capability,
    summary: 'Save a new version (expectedVersion must be the current one, else 409)',
    tags,
    params: byId,
    body: challengePatch,
    response: challenge,
    handler: async ({ params, body }, ctx) => updateChallenge(ctx, params.challengeId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/challenges/:challengeId/versions',
    capability,
    summary: 'Every saved version, newest first',
    tags,
    params: byId,
    response: challengeVersions,
    handler: async ({ params }, ctx) => listVersions(ctx, params.challengeId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/challenges/:challengeId/history',
    capability,
    summary: 'The history, newest first: versions with author, time and what changed; publication, calls, use cases',
    tags,
    params: byId,
    query: challengeHistoryQuery,
    response: challengeHistoryPage,
    handler: async ({ params, query }, ctx) => challengeHistory(ctx, params.challengeId, query),
  }),
  ...(['publish', 'unpublish'] as const).map((action) =>
    defineRoute({
      method: 'POST',
      url: `/api/v1/challenges/:challengeId/${action}`,
      capability,
      summary: action === 'publish' ? 'Publish: it appears in the public catalogue' : 'Take it out of the catalogue',
      tags,
      params: byId,
      response: challenge,
      handler: async ({ params }, ctx) => changePublication(ctx, params.challengeId, action),
    }),
  ),
  ...(
    [
      ['PUT', true],
      ['DELETE', false],
    ] as const
  ).map(([method, linked]) =>
    defineRoute({
      method,
      url: '/api/v1/challenges/:challengeId/calls/:callId',
      capability,
      summary: linked ? 'Put the challenge in a call' : 'Take the challenge out of a call',
      tags,
      params: byCall,
      response: challenge,
      handler: async ({ params }, ctx) => linkCall(ctx, params.challengeId, params.callId, linked),
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/api/v1/challenges/:challengeId/use-cases',
    capability,
    summary: 'Link accepted use cases (promote one or merge several)',
    tags,
    params: byId,
    body: z.object({ useCaseIds: z.array(uuid).min(1).max(50) }),
    response: challenge,
    handler: async ({ params, body }, ctx) => linkUseCases(ctx, params.challengeId, body.useCaseIds),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/challenges/:challengeId/use-cases/:useCaseId',
    capability,
    summary: 'Unlink a use case',
    tags,
    params: byUseCase,
    response: challenge,
    handler: async ({ params }, ctx) => unlinkUseCase(ctx, params.challengeId, params.useCaseId),
  }),
]
