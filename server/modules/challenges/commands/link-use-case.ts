import type { Challenge } from '../../../../shared/contracts/challenges.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { markPromoted } from '../../use-cases/index.ts'
import { readChallenge } from '../queries/challenge-view.ts'
import { lockChallenge } from './link-call.ts'

/**
 * Links accepted use cases to a challenge (promoting one, or merging several), so the challenge shows
 * which end-users asked for it. Unlinking takes one away. Use cases of another programme, or not yet
 * accepted, are refused with the index of the offending id.
 */
export async function linkUseCases(
  ctx: CommandContext,
  challengeId: string,
  useCaseIds: readonly string[],
): Promise<Challenge> {
  authorize(ctx.actor, 'challenge.manage')
  return inTransaction(ctx.db, async (tx) => {
    const c = await lockChallenge(tx, challengeId)
    const ids = [...new Set(useCaseIds)]
    const found = await tx
      .selectFrom('use_cases')
      .select(['id', 'status', 'programme_id'])
      .where('id', 'in', ids)
      .execute()
    const byId = new Map(found.map((u) => [u.id, u]))
    const errors = useCaseIds.flatMap((id, i) => {
      const u = byId.get(id)
      if (!u || u.programme_id !== c.programme_id)
        return [{ path: `useCaseIds.${i}`, code: 'not_found', message: 'No such use case.' }]
      if (u.status !== 'accepted' && u.status !== 'promoted')
        return [{ path: `useCaseIds.${i}`, code: 'not_accepted', message: 'Only accepted use cases can be linked.' }]
      return []
    })
    if (errors.length) throw new DomainError('validation_failed', errors[0]?.message, { in: 'body' }, errors)
    const now = ctx.clock.now()
    const added = await tx
      .insertInto('challenge_use_cases')
      .values(
        ids.map((use_case_id) => ({
          challenge_id: challengeId,
          use_case_id,
          linked_by: ctx.actor.userId,
          linked_at: now,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('use_case_id')
      .execute()
    // The use cases move accepted → promoted in the same transaction (the use-cases module's rule).
    await markPromoted(
      tx,
      ctx,
      added.map((u) => u.use_case_id),
    )
    if (added.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'challenge.use_cases_linked',
        subjectType: 'challenge',
        subjectId: challengeId,
        change: { useCaseIds: added.map((u) => u.use_case_id) },
      })
    }
    return readChallenge(tx, challengeId, ctx.actor)
  })
}

export async function unlinkUseCase(ctx: CommandContext, challengeId: string, useCaseId: string): Promise<Challenge> {
  authorize(ctx.actor, 'challenge.manage')
  return inTransaction(ctx.db, async (tx) => {
    await lockChallenge(tx, challengeId)
    const r = await tx
      .deleteFrom('challenge_use_cases')
      .where('challenge_id', '=', challengeId)
      .where('use_case_id', '=', useCaseId)
      .executeTakeFirst()
    if (Number(r.numDeletedRows) === 0) throw new DomainError('not_found', 'This use case is not linked.')
    await recordAudit(tx, ctx, {
      action: 'challenge.use_case_unlinked',
      subjectType: 'challenge',
      subjectId: challengeId,
      change: { useCaseId },
    })
    return readChallenge(tx, challengeId, ctx.actor)
  })
}
