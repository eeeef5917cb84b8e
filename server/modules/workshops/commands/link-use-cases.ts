import type { Workshop } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { toWorkshop } from '../queries/workshop-view.ts'
import { loadAsOrganiser } from './guard.ts'

/** Use cases an organiser may put to the vote: reviewed ones of the workshop's programme. */
export const VOTABLE_STATUSES = ['submitted', 'resubmitted', 'accepted'] as const

/**
 * Replaces the set of use cases to prioritise. Reads `use_cases` directly (status and programme only)
 * until the use-cases module exposes a visibility function through its index.ts. Unlinking removes
 * the points given to the use case.
 */
export async function linkUseCases(ctx: CommandContext, id: string, useCaseIds: string[]): Promise<Workshop> {
  const now = ctx.clock.now()
  const ids = [...new Set(useCaseIds)]
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadAsOrganiser(tx, ctx.actor, id)
    const found =
      ids.length === 0
        ? []
        : await tx
            .selectFrom('use_cases')
            .select('id')
            .where('id', 'in', ids)
            .where('programme_id', '=', w.programme_id)
            .where('status', 'in', [...VOTABLE_STATUSES])
            .execute()
    const ok = new Set(found.map((f) => f.id))
    const bad = useCaseIds.findIndex((u) => !ok.has(u))
    if (bad >= 0) throw fieldError(`useCaseIds.${bad}`, 'not_votable', 'Unknown use case, or not submitted yet.')
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
    return toWorkshop(tx, ctx.actor, w, ctx.publicUrl, now)
  })
}
