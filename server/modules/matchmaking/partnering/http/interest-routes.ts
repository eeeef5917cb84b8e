import { z } from 'zod'
import {
  decisionInput,
  interest,
  interestInput,
  interestList,
  interestPage,
  interestParams,
  myInterestsQuery,
  postParams,
} from '../../../../../shared/contracts/partnering.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { decideInterest } from '../commands/decide-interest.ts'
import { expressInterest } from '../commands/express-interest.ts'
import { getInterest, listMyInterests, listPostInterests } from '../queries/list-interests.ts'

const tags = ['partner search']

export const interestRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/posts/:postId/interests',
    capability: 'partnering.view',
    summary: 'The expressions of interest a post received (its organisation and brokers)',
    tags,
    params: postParams,
    response: interestList,
    handler: async ({ params }, ctx) => listPostInterests(ctx, params.postId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/posts/:postId/interests',
    capability: 'partnering.interest',
    summary: 'Express your organisation’s interest in a post, with a message',
    tags,
    params: postParams,
    body: interestInput,
    response: interest,
    status: 201,
    handler: async ({ params, body }, ctx) => expressInterest(ctx, params.postId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/my-interests',
    capability: 'partnering.view',
    summary: 'The expressions of interest your organisations sent',
    tags,
    query: myInterestsQuery,
    response: interestPage,
    handler: async ({ query }, ctx) => listMyInterests(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/interests/:interestId',
    capability: 'partnering.view',
    summary: 'One expression of interest (either side); contacts once accepted',
    tags,
    params: interestParams,
    response: interest,
    handler: async ({ params }, ctx) => getInterest(ctx, params.interestId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/interests/:interestId/accept',
    capability: 'partnering.interest',
    summary: 'Accept a pending interest: contacts are exchanged and a message thread opens',
    tags,
    params: interestParams,
    body: decisionInput,
    response: interest,
    handler: async ({ params, body }, ctx) => decideInterest(ctx, params.interestId, 'accept', body.message),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/interests/:interestId/decline',
    capability: 'partnering.interest',
    summary: 'Decline a pending interest, with an optional message',
    tags,
    params: interestParams,
    body: decisionInput,
    response: interest,
    handler: async ({ params, body }, ctx) => decideInterest(ctx, params.interestId, 'decline', body.message),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/interests/:interestId/withdraw',
    capability: 'partnering.interest',
    summary: 'Withdraw your organisation’s pending interest',
    tags,
    params: interestParams,
    body: z.object({}).optional(),
    response: interest,
    handler: async ({ params }, ctx) => decideInterest(ctx, params.interestId, 'withdraw', undefined),
  }),
]
