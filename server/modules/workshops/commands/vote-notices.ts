import type { Clock } from '../../../platform/clock.ts'
import type { Database, Tx } from '../../../platform/db/client.ts'
import { enqueue, type JobWorker } from '../../../platform/jobs/queue.ts'
import type { NotifyDeps } from '../../notifications/index.ts'
import { voteOpen } from '../domain/ballot.ts'
import { iso, type WorkshopRow } from './guard.ts'
import { notifyWorkshop, registrantIds } from './mail.ts'

export const VOTE_CLOSING_QUEUE = 'workshops.vote_closing'
export const VOTE_CLOSED_QUEUE = 'workshops.vote_closed'
export const VOTE_CLOSING_LEAD_MS = 24 * 3_600_000

async function linkedCount(tx: Tx, workshopId: string): Promise<number> {
  const row = await tx
    .selectFrom('workshop_use_cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workshop_id', '=', workshopId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Schedules the two notices of the current closing time of a published workshop: "closing in 24 h"
 * (only if that moment is still ahead) and "results ready" at the closing time. Called on publishing
 * and whenever the closing time changes; jobs of an earlier closing time find it changed and do nothing.
 */
export async function scheduleVoteNotices(tx: Tx, w: WorkshopRow, now: Date): Promise<void> {
  if (w.status !== 'published' || !w.vote_closes_at) return
  const closes = new Date(w.vote_closes_at).getTime()
  if (closes <= now.getTime()) return
  const payload = { workshopId: w.id, closesAt: iso(w.vote_closes_at) }
  const lead = closes - VOTE_CLOSING_LEAD_MS
  if (lead > now.getTime()) await enqueue(tx, VOTE_CLOSING_QUEUE, payload, new Date(lead))
  await enqueue(tx, VOTE_CLOSED_QUEUE, payload, new Date(closes))
}

/**
 * Announces the vote to the approved registrants, once: when a published workshop whose vote has not
 * closed first has use cases to vote on (linking them, or publishing a workshop that has them).
 * `w` must be the current row, locked by the caller. Answers the row as it is afterwards.
 */
export async function announceVoteIfReady(
  tx: Tx,
  deps: NotifyDeps,
  w: WorkshopRow,
  actorId: string | null,
): Promise<WorkshopRow> {
  const now = deps.clock.now()
  if (w.status !== 'published' || w.vote_announced_at) return w
  if (!voteOpen(w.vote_closes_at ? new Date(w.vote_closes_at) : null, now)) return w
  if ((await linkedCount(tx, w.id)) === 0) return w
  const after = await tx
    .updateTable('workshops')
    .set({ vote_announced_at: now })
    .where('id', '=', w.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await notifyWorkshop(
    tx,
    deps,
    after,
    'workshop_vote_open',
    { userIds: await registrantIds(tx, w.id, ['approved']) },
    {
      actorId,
    },
  )
  return after
}

type Notice = 'closing' | 'closed'

/**
 * One closing notice, at most once per closing time. Nothing happens when the workshop is gone, not
 * published, has nothing to vote on, its closing time is no longer the one the job was scheduled
 * for (moved, or removed), the notice for that time was already sent, or the moment has passed
 * (a "closing soon" after the close).
 */
async function runNotice(db: Database, deps: NotifyDeps & { clock: Clock }, notice: Notice, payload: unknown) {
  const p = payload as { workshopId?: unknown; closesAt?: unknown }
  await db.transaction().execute(async (tx) => {
    const w = await tx
      .selectFrom('workshops')
      .selectAll()
      .where('id', '=', String(p.workshopId))
      .forUpdate()
      .executeTakeFirst()
    if (w?.status !== 'published' || !w.vote_closes_at) return
    const closesAt = iso(w.vote_closes_at)
    if (closesAt !== String(p.closesAt)) return
    const sentFor = notice === 'closing' ? w.vote_closing_notified_for : w.vote_results_notified_for
    if (sentFor && iso(sentFor) === closesAt) return
    const now = deps.clock.now().getTime()
    const closes = new Date(closesAt).getTime()
    if (notice === 'closing' ? now >= closes : now < closes) return
    if ((await linkedCount(tx, w.id)) === 0) return
    await tx
      .updateTable('workshops')
      .set(notice === 'closing' ? { vote_closing_notified_for: closesAt } : { vote_results_notified_for: closesAt })
      .where('id', '=', w.id)
      .execute()
    const approved = await registrantIds(tx, w.id, ['approved'])
    if (notice === 'closed') {
      await notifyWorkshop(tx, deps, w, 'workshop_vote_closed', { userIds: approved })
      return
    }
    const voted = await tx
      .selectFrom('workshop_votes')
      .select('user_id')
      .distinct()
      .where('workshop_id', '=', w.id)
      .execute()
    const done = new Set(voted.map((v) => v.user_id))
    await notifyWorkshop(tx, deps, w, 'workshop_vote_closing', { userIds: approved.filter((u) => !done.has(u)) })
  })
}

/** The jobs of the closing notices (registered with the reminder's by registerWorkshopJobs). */
export function registerVoteJobs(worker: JobWorker, deps: NotifyDeps & { clock: Clock }): void {
  worker.register(VOTE_CLOSING_QUEUE, (payload, db) => runNotice(db, deps, 'closing', payload))
  worker.register(VOTE_CLOSED_QUEUE, (payload, db) => runNotice(db, deps, 'closed', payload))
}
