import type { Workshop } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { visibleUseCases } from '../../use-cases/index.ts'
import { toWorkshop } from '../queries/workshop-view.ts'
import { loadAsOrganiser } from './guard.ts'
import { announceVoteIfReady } from './vote-notices.ts'

/** Use cases an organiser may put to the vote: reviewed ones of the workshop's programme. */
export const VOTABLE_STATUSES = ['submitted', 'resubmitted', 'accepted'] as const

/**
 * Replaces the set of use cases to prioritise, among those the organiser may see (the use-cases
 * module's one visibility rule): linking opens a use case to the participants, so an organiser can
 * never open one they could not read themselves.
 * A `restricted` use case (owner and staff only) is never put to a vote: linking opens a use case to
 * the workshop's approved participants. Unlinking removes the points given to the use case. The first
 * time a published workshop has use cases to vote on, its approved registrants hear that the vote is open.
 */
export async function linkUseCases(ctx: CommandContext, id: string, useCaseIds: string[]): Promise<Workshop> {
  const now = ctx.clock.now()
  const ids = [...new Set(useCaseIds)]
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadAsOrganiser(tx, ctx.actor, id)
    const found =
      ids.length === 0
        ? []
        : await visibleUseCases(tx, ctx.actor)
            .select(['uc.id', 'uc.confidentiality'])
            .where('uc.id', 'in', ids)
            .where('uc.programme_id', '=', w.programme_id)
            .where('uc.status', 'in', [...VOTABLE_STATUSES])
            .execute()
    const ok = new Map(found.map((f) => [f.id, f.confidentiality]))
    const bad = useCaseIds.findIndex((u) => !ok.has(u))
    if (bad >= 0) throw fieldError(`useCaseIds.${bad}`, 'not_votable', 'Unknown use case, or not submitted yet.')
    const restricted = useCaseIds.findIndex((u) => ok.get(u) === 'restricted')
    if (restricted >= 0) {
      throw fieldError(
        `useCaseIds.${restricted}`,
        'restricted',
        'A restricted use case is seen by its owner and staff only: it cannot be put to a vote.',
      )
    }
    await tx
      .deleteFrom('workshop_use_cases')
      .where('workshop_id', '=', id)
      .where('use_case_id', 'not in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
      .execute()
    if (ids.length) {
      await tx
        .insertInto('workshop_use_cases')
        .values(ids.map((u) => ({ workshop_id: id, use_case_id: u })))
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    await recordAudit(tx, ctx, {
      action: 'workshop.use_cases_linked',
      subjectType: 'workshop',
      subjectId: id,
      change: { useCaseIds: ids },
    })
    const after = await announceVoteIfReady(tx, ctx, w, ctx.actor.userId)
    return toWorkshop(tx, ctx.actor, after, ctx.publicUrl, now)
  })
}
