import type { Challenge } from '../../../../shared/contracts/challenges.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { canSeeCall } from '../../calls/index.ts'
import { readChallenge } from '../queries/challenge-view.ts'

export async function lockChallenge(tx: Tx, id: string) {
  const c = await tx
    .selectFrom('challenges')
    .select(['id', 'programme_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!c) throw new DomainError('not_found', 'No such challenge.')
  return c
}

/** Puts a challenge in a call of its programme the caller may see, or takes it out (both idempotent). */
export async function linkCall(
  ctx: CommandContext,
  challengeId: string,
  callId: string,
  linked: boolean,
): Promise<Challenge> {
  authorize(ctx.actor, 'challenge.manage')
  return inTransaction(ctx.db, async (tx) => {
    const c = await lockChallenge(tx, challengeId)
    const call = await tx
      .selectFrom('calls')
      .select(['id', 'code', 'published_at', 'programme_id'])
      .where('id', '=', callId)
      .where('programme_id', '=', c.programme_id)
      .executeTakeFirst()
    // A draft exists only for the programme's operators: to anyone else it is no such call.
    if (!call || !canSeeCall(ctx.actor, call)) throw new DomainError('not_found', 'No such call in this programme.')
    const changed = linked
      ? await tx
          .insertInto('challenge_calls')
          .values({ challenge_id: challengeId, call_id: callId })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
      : await tx
          .deleteFrom('challenge_calls')
          .where('challenge_id', '=', challengeId)
          .where('call_id', '=', callId)
          .executeTakeFirst()
    const rows = 'numInsertedOrUpdatedRows' in changed ? changed.numInsertedOrUpdatedRows : changed.numDeletedRows
    if (Number(rows ?? 0) > 0) {
      await recordAudit(tx, ctx, {
        action: linked ? 'challenge.call_linked' : 'challenge.call_unlinked',
        subjectType: 'challenge',
        subjectId: challengeId,
        change: { callId, call: call.code },
      })
    }
    return readChallenge(tx, challengeId, ctx.actor)
  })
}
