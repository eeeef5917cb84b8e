import type { Workshop } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { toWorkshop } from '../queries/workshop-view.ts'
import { loadAsOrganiser } from './guard.ts'
import { scheduleReminder } from './reminder.ts'
import { announceVoteIfReady, scheduleVoteNotices } from './vote-notices.ts'

/**
 * draft → published (schedules the reminder and the vote's closing notices, and announces the vote if
 * use cases were already linked); draft | published → cancelled (the scheduled jobs then do nothing).
 */
export async function changeWorkshopStatus(
  ctx: CommandContext,
  id: string,
  to: 'published' | 'cancelled',
): Promise<Workshop> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadAsOrganiser(tx, ctx.actor, id)
    const allowed = to === 'published' ? w.status === 'draft' : w.status !== 'cancelled'
    if (!allowed) {
      throw new DomainError('workshop_transition_refused', `A ${w.status} workshop cannot become ${to}.`, {
        from: w.status,
        to,
      })
    }
    let after = await tx
      .updateTable('workshops')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (to === 'published') {
      await scheduleReminder(tx, after)
      await scheduleVoteNotices(tx, after, now)
      after = await announceVoteIfReady(tx, ctx, after, ctx.actor.userId)
    }
    await recordAudit(tx, ctx, {
      action: to === 'published' ? 'workshop.published' : 'workshop.cancelled',
      subjectType: 'workshop',
      subjectId: id,
      change: { from: w.status, to },
    })
    return toWorkshop(tx, ctx.actor, after, ctx.publicUrl, now)
  })
}
