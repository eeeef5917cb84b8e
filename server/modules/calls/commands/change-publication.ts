import type { Call, CallPhase } from '../../../../shared/contracts/calls.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { phaseOf } from '../domain/phase.ts'
import { toCall } from '../queries/call-view.ts'
import { freezeCall, scheduleCallJobs } from './freeze.ts'
import { iso, loadForManage } from './guard.ts'

export type PublicationChange = 'publish' | 'unpublish' | 'cancel'

/** Which phases each change starts from: a call is unpublished only before it opens. */
const from: Record<PublicationChange, readonly CallPhase[]> = {
  publish: ['draft'],
  unpublish: ['scheduled'],
  cancel: ['draft', 'scheduled', 'open'],
}

const done: Record<PublicationChange, string> = { publish: 'published', unpublish: 'unpublished', cancel: 'cancelled' }

/**
 * publish: draft → published (public; the opening and closing jobs are scheduled, and a call whose
 * opening has passed is frozen at once); unpublish: back to draft before it opens (the jobs then do
 * nothing); cancel: a call that has not closed is cancelled for good (visible as cancelled once published).
 */
export async function changePublication(ctx: CommandContext, id: string, change: PublicationChange): Promise<Call> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const c = await loadForManage(tx, ctx.actor, id)
    const phase = phaseOf(c, now)
    if (!from[change].includes(phase)) {
      throw new DomainError('call_transition_refused', `A ${phase} call cannot be ${done[change]}.`, { phase, change })
    }
    const set =
      change === 'publish'
        ? { published_at: now }
        : change === 'unpublish'
          ? { published_at: null }
          : { cancelled_at: now }
    let after = await tx
      .updateTable('calls')
      .set({ ...set, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (change === 'publish') {
      await scheduleCallJobs(tx, after)
      if (now.getTime() >= new Date(after.opens_at).getTime())
        after = await freezeCall(tx, after, now, ctx.actor.userId)
    }
    await recordAudit(tx, ctx, {
      action: `call.${done[change]}`,
      subjectType: 'call',
      subjectId: id,
      change: { code: c.code, from: phase, opensAt: iso(c.opens_at), closesAt: iso(c.closes_at) },
    })
    return toCall(tx, ctx.actor, after, now)
  })
}
