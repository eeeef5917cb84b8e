import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { ApiToken, apiTokenInput } from '../../../../shared/contracts/account.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { hashToken, TOKEN_PREFIX } from '../../auth/actor.ts'
import { toApiToken } from '../queries/list-tokens.ts'

/** Creates a personal API token; only its hash is stored, the secret is returned once. */
export async function createToken(
  ctx: CommandContext,
  input: z.output<typeof apiTokenInput>,
): Promise<ApiToken & { token: string }> {
  authorize(ctx.actor, 'account.tokens.manage')
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`
  const now = ctx.clock.now()
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx
      .insertInto('api_tokens')
      .values({
        user_id: ctx.actor.userId!,
        name: input.name,
        token_hash: hashToken(token),
        token_prefix: token.slice(0, 10),
        scopes: [...new Set(input.scopes)],
        expires_at: expiresAt,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      change: { name: input.name, scopes: row.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    })
    return { ...toApiToken(row), token }
  })
}
