import type { Clock } from '../../../platform/clock.ts'
import type { Database, Tx } from '../../../platform/db/client.ts'
import { enqueue, type JobWorker } from '../../../platform/jobs/queue.ts'
import type { Mailer } from '../../../platform/mail/mailer.ts'
import type { WorkshopRow } from './guard.ts'
import { notifyWorkshop, registrantIds } from './mail.ts'
import { registerVoteJobs } from './vote-notices.ts'

export const REMINDER_QUEUE = 'workshops.reminder'
export const REMINDER_LEAD_MS = 24 * 3_600_000

/** Schedules the reminder of this version (sequence) of a published workshop, 24 h before it starts. */
export async function scheduleReminder(tx: Tx, w: WorkshopRow): Promise<void> {
  const runAt = new Date(new Date(w.starts_at).getTime() - REMINDER_LEAD_MS)
  await enqueue(tx, REMINDER_QUEUE, { workshopId: w.id, sequence: w.sequence }, runAt)
}

/**
 * The workshops' jobs. The reminder notifies approved registrants, with the calendar invitation. It
 * does nothing when the workshop was cancelled, moved since it was scheduled (a newer reminder exists
 * for the new sequence) or has already started. Then the vote's closing notices (vote-notices.ts).
 */
export function registerWorkshopJobs(
  worker: JobWorker,
  deps: { mailer: Mailer; publicUrl: string; clock: Clock },
): void {
  worker.register(REMINDER_QUEUE, async (payload, db: Database) => {
    await db.transaction().execute(async (tx) => {
      const w = await tx
        .selectFrom('workshops')
        .selectAll()
        .where('id', '=', String(payload.workshopId))
        .forUpdate()
        .executeTakeFirst()
      if (!w) return
      if (w.status !== 'published' || w.sequence !== Number(payload.sequence)) return
      if (new Date(w.starts_at).getTime() <= deps.clock.now().getTime()) return
      const approved = await registrantIds(tx, w.id, ['approved'])
      await notifyWorkshop(tx, deps, w, 'workshop_reminder', { userIds: approved }, { withMeetingLink: () => true })
    })
  })
  registerVoteJobs(worker, deps)
}
