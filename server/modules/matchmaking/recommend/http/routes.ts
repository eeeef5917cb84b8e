import {
  applicationRecParams,
  challengeRecParams,
  organisationRecParams,
  partnerSuggestionQuery,
  partnerSuggestions,
  recommendationList,
  recommendationQuery,
  solutionRecParams,
} from '../../../../../shared/contracts/recommendations.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { suggestPartners } from '../queries/for-application.ts'
import { recommendForChallenge } from '../queries/for-challenge.ts'
import { organisationProfile, recommendForProfile, solutionProfile } from '../queries/for-profile.ts'

const tags = ['recommendations']

// No route `subject`: each use case checks the object (a challenge the caller sees, their own
// organisation or solution, an application they lead).
export const recommendationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/matchmaking/challenges/:challengeId/recommendations',
    capability: 'matchmaking.recommend',
    summary: 'Solutions or organisations that fit a challenge, ranked, each with its reasons',
    tags,
    params: challengeRecParams,
    query: recommendationQuery,
    response: recommendationList,
    handler: async ({ params, query }, ctx) =>
      recommendForChallenge(ctx, params.challengeId, query.target, query.limit),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/matchmaking/solutions/:solutionId/recommendations',
    capability: 'matchmaking.recommend',
    summary: 'Challenges or open calls that fit one of your solutions, ranked, each with its reasons',
    tags,
    params: solutionRecParams,
    query: recommendationQuery,
    response: recommendationList,
    handler: async ({ params, query }, ctx) =>
      recommendForProfile(ctx, await solutionProfile(ctx, params.solutionId), query.target, query.limit),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/matchmaking/organisations/:organisationId/recommendations',
    capability: 'matchmaking.recommend',
    summary: 'Challenges or open calls that fit your organisation, ranked, each with its reasons',
    tags,
    params: organisationRecParams,
    query: recommendationQuery,
    response: recommendationList,
    handler: async ({ params, query }, ctx) =>
      recommendForProfile(ctx, await organisationProfile(ctx, params.organisationId), query.target, query.limit),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/matchmaking/applications/:applicationId/partner-suggestions',
    capability: 'matchmaking.recommend',
    summary: 'Partner organisations that complement the consortium of an application you lead',
    tags,
    params: applicationRecParams,
    query: partnerSuggestionQuery,
    response: partnerSuggestions,
    handler: async ({ params, query }, ctx) => suggestPartners(ctx, params.applicationId, query.limit),
  }),
]
