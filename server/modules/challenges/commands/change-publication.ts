import type { Challenge, ChallengeStatus } from '../../../../shared/contracts/challenges.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { canApply, type PublicationAction, publication } from '../domain/rules.ts'
import { readChallenge } from '../queries/challenge-view.ts'

/**
 * Publishes or unpublishes a challenge. The act is its own record: the audit event keeps who did it and
 * when, and `published_at` the time of the latest publication.
 */
export async function changePublication(
  ctx: CommandContext,
  id: string,
  action: PublicationAction,
): Promise<Challenge> {
  authorize(ctx.actor, 'challenge.manage')
  return inTransaction(ctx.db, async (tx) => {
    const cur = await tx
      .selectFrom('challenges')
      .select(['status', 'version'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!cur) throw new DomainError('not_found', 'No such challenge.')
    const from = cur.status as ChallengeStatus
    if (!canApply(action, from)) {
      throw new DomainError('conflict', `A ${from} challenge cannot be ${action}ed.`)
    }
    const now = ctx.clock.now()
    const to = publication[action].to
    await tx
      .updateTable('challenges')
      .set({ status: to, updated_at: now, ...(to === 'published' ? { published_at: now } : {}) })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, ctx, {
      action: `challenge.${action}ed`,
      subjectType: 'challenge',
      subjectId: id,
      change: { from, to, version: cur.version, at: now.toISOString() },
    })
    return readChallenge(tx, id, ctx.actor)
  })
}
