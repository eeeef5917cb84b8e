import { recordAudit } from '../../../platform/audit/index.ts'
import { systemActor } from '../../../platform/authz/actor.ts'
import type { Clock } from '../../../platform/clock.ts'
import type { Database } from '../../../platform/db/client.ts'
import type { JobWorker } from '../../../platform/jobs/queue.ts'
import { CLOSE_QUEUE, freezeCall, OPEN_QUEUE } from './freeze.ts'
import { iso } from './guard.ts'

/** Runs the eligibility screening of every submitted application of a call that has just closed. */
export type CallClosedHook = (db: Database, callId: string, clock: Clock) => Promise<unknown>

let callClosedHook: CallClosedHook | null = null

/**
 * The applications module's screening entry point, wired by the composition root: the close job calls
 * it once the deadline has passed, then records `screened_at`. Without one, the close job only freezes.
 */
export function onCallClosed(hook: CallClosedHook | null): void {
  callClosedHook = hook
}

const jobCtx = (clock: Clock) => ({ actor: systemActor, requestId: null, clock })

/**
 * The calls' jobs. `calls.open` freezes the configuration at the opening (version 1); `calls.close`
 * screens the submitted applications at the deadline. Both re-check the call and the clock: a job whose
 * instant is no longer the call's (moved, unpublished, cancelled) or that runs early does nothing, and
 * each does its work once (frozen_at, screened_at).
 */
export function registerCallJobs(worker: JobWorker, deps: { clock: Clock }): void {
  worker.register(OPEN_QUEUE, async (payload, db) => {
    const callId = String(payload.callId)
    await db.transaction().execute(async (tx) => {
      const c = await tx.selectFrom('calls').selectAll().where('id', '=', callId).forUpdate().executeTakeFirst()
      const now = deps.clock.now()
      if (!c || c.published_at === null || c.cancelled_at !== null) return
      if (iso(c.opens_at) !== payload.at || now.getTime() < new Date(c.opens_at).getTime()) return
      if (c.frozen_at !== null) return
      await freezeCall(tx, c, now, null)
      await recordAudit(tx, jobCtx(deps.clock), {
        action: 'call.opened',
        subjectType: 'call',
        subjectId: c.id,
        change: { code: c.code, opensAt: iso(c.opens_at) },
      })
    })
  })

  worker.register(CLOSE_QUEUE, async (payload, db) => {
    const callId = String(payload.callId)
    const due = await db.transaction().execute(async (tx) => {
      const c = await tx.selectFrom('calls').selectAll().where('id', '=', callId).forUpdate().executeTakeFirst()
      const now = deps.clock.now()
      if (!c || c.published_at === null || c.cancelled_at !== null || c.screened_at !== null) return false
      if (iso(c.closes_at) !== payload.at || now.getTime() < new Date(c.closes_at).getTime()) return false
      // A call that closes without its opening job having run (a worker that was down) is frozen now.
      await freezeCall(tx, c, now, null)
      return true
    })
    if (!due || !callClosedHook) return
    await callClosedHook(db, callId, deps.clock)
    await db.transaction().execute(async (tx) => {
      const done = await tx
        .updateTable('calls')
        .set({ screened_at: deps.clock.now() })
        .where('id', '=', callId)
        .where('screened_at', 'is', null)
        .returning(['id', 'code'])
        .executeTakeFirst()
      if (done) {
        await recordAudit(tx, jobCtx(deps.clock), {
          action: 'call.screened',
          subjectType: 'call',
          subjectId: callId,
          change: { code: done.code },
        })
      }
    })
  })
}
