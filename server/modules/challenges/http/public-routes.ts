import { z } from 'zod'
import {
  challengeListQuery,
  publicChallenge,
  publicChallengePage,
  publicDomain,
  publicDomainList,
} from '../../../../shared/contracts/challenges.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { getPublicChallenge } from '../queries/get-public-challenge.ts'
import { listPublicChallenges } from '../queries/list-public-challenges.ts'
import { getPublicDomain, listPublicDomains } from '../queries/public-domains.ts'

export const tags = ['challenges']

export const publicChallengeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/challenges',
    capability: 'programme.view',
    summary: 'Search the published challenges (full text in their language, filters, paging)',
    tags,
    query: challengeListQuery,
    response: publicChallengePage,
    handler: async ({ query }, ctx) => listPublicChallenges(ctx.db, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/challenges/:slug',
    capability: 'programme.view',
    summary: 'One published challenge, with the end-users who asked for it publicly',
    tags,
    params: z.object({ slug: z.string().max(100) }),
    response: publicChallenge,
    handler: async ({ params }, ctx) => getPublicChallenge(ctx.db, params.slug),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/domains',
    capability: 'programme.view',
    summary: 'The domains of the programme with what is published in each (challenges, calls, TRL span)',
    tags,
    response: publicDomainList,
    handler: async (_input, ctx) => ({ items: await listPublicDomains(ctx.db) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/domains/:code',
    capability: 'programme.view',
    summary: 'One domain by its code, with what is published in it (its challenges: GET /api/v1/challenges?domain=)',
    tags,
    params: z.object({ code: z.string().max(10) }),
    response: publicDomain,
    handler: async ({ params }, ctx) => getPublicDomain(ctx.db, params.code),
  }),
]
