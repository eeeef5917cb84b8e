import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

export async function revokeToken(ctx: CommandContext, tokenId: string): Promise<void> {
  authorize(ctx.actor, 'account.tokens.manage')
  await inTransaction(ctx.db, async (tx) => {
    const row = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.clock.now() })
      .where('id', '=', tokenId)
      .where('user_id', '=', ctx.actor.userId!)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst()
    if (!row) throw new DomainError('not_found', 'No such active token.')
    await recordAudit(tx, ctx, {
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: row.id,
      change: { name: row.name },
    })
  })
}
