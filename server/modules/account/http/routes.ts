import { z } from 'zod'
import { apiTokenCreated, apiTokenInput, apiTokenList, me, profilePatch } from '../../../../shared/contracts/account.ts'
import { uuid } from '../../../../shared/contracts/common.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { createToken } from '../commands/create-token.ts'
import { revokeToken } from '../commands/revoke-token.ts'
import { updateProfile } from '../commands/update-profile.ts'
import { getMe } from '../queries/get-me.ts'
import { listTokens } from '../queries/list-tokens.ts'

const tags = ['account']

export const accountRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me',
    capability: 'account.view',
    summary: 'The signed-in person, their roles, memberships and abilities',
    tags,
    response: me,
    handler: async (_in, ctx) => getMe(ctx),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/me',
    capability: 'account.update',
    summary: 'Change your name or language',
    tags,
    body: profilePatch,
    response: me,
    handler: async ({ body }, ctx) => {
      await updateProfile(ctx, body)
      return getMe(ctx)
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/tokens',
    capability: 'account.tokens.manage',
    summary: 'Your personal API tokens',
    tags,
    response: apiTokenList,
    handler: async (_in, ctx) => ({ items: await listTokens(ctx) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/tokens',
    capability: 'account.tokens.manage',
    summary: 'Create a personal API token (the secret is shown once)',
    tags,
    body: apiTokenInput,
    response: apiTokenCreated,
    status: 201,
    handler: async ({ body }, ctx) => createToken(ctx, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/me/tokens/:tokenId',
    capability: 'account.tokens.manage',
    summary: 'Revoke a personal API token',
    tags,
    params: z.object({ tokenId: uuid }),
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await revokeToken(ctx, params.tokenId)
      return null
    },
  }),
]
