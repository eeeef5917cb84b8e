import type { Selectable } from 'kysely'
import type { TokenScope } from '../../../../shared/authz.ts'
import type { ApiToken } from '../../../../shared/contracts/account.ts'
import type { ApiTokens } from '../../../db/types.generated.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export function toApiToken(r: Selectable<ApiTokens>): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    scopes: r.scopes as TokenScope[],
    expiresAt: iso(r.expires_at),
    lastUsedAt: iso(r.last_used_at),
    createdAt: new Date(r.created_at).toISOString(),
  }
}

/** The caller's active tokens, newest first. */
export async function listTokens(ctx: CommandContext): Promise<ApiToken[]> {
  authorize(ctx.actor, 'account.tokens.manage')
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', ctx.actor.userId!)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map(toApiToken)
}
