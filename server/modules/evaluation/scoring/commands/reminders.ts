import { sql } from 'kysely'
import { instantToLocal } from '../../../../../shared/calls/time.ts'
import type { Clock } from '../../../../platform/clock.ts'
import type { Database, Tx } from '../../../../platform/db/client.ts'
import { enqueue, type JobWorker } from '../../../../platform/jobs/queue.ts'
import type { Mailer } from '../../../../platform/mail/mailer.ts'
import { notify } from '../../../notifications/index.ts'

export const REMINDER_QUEUE = 'evaluation.reminders'
export const REMINDER_LEAD_MS = 48 * 3_600_000
const DAY_MS = 24 * 3_600_000

export interface ReminderDeps {
  mailer: Mailer
  publicUrl: string
  clock: Clock
}

/** Adds a sweep at `runAt` unless one is already pending at that time (no duplicates). */
async function enqueueSweep(db: Tx | Database, runAt: Date): Promise<void> {
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('queue', '=', REMINDER_QUEUE)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('run_at', '=', runAt)
    .executeTakeFirst()
  if (!pending) await enqueue(db, REMINDER_QUEUE, {}, runAt)
}

/**
 * For phases written without the API (the seed): starts the daily sweep now unless one is pending.
 * Safe to call at every start-up.
 */
export async function ensureReminderSweep(db: Database, now: Date): Promise<void> {
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('queue', '=', REMINDER_QUEUE)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirst()
  if (!pending) await enqueue(db, REMINDER_QUEUE, {}, now)
}

/** When the phases are saved: a sweep 48 h before the individual phase ends (now, if that is past). */
export async function scheduleReminderSweep(tx: Tx, individualEndsAt: Date, now: Date): Promise<void> {
  if (individualEndsAt <= now) return
  const at = new Date(Math.max(now.getTime(), individualEndsAt.getTime() - REMINDER_LEAD_MS))
  await enqueueSweep(tx, at)
}

/**
 * The reminder sweep. For every call whose individual phase is open and ends within 48 h, each expert
 * with an active assignment whose evaluation is not submitted is notified once for that phase (the
 * notification is the record: none is sent twice for the same phase, whatever the number of sweeps),
 * with the count of evaluations left and the deadline on the call's wall clock. Returns how many
 * experts were reminded.
 */
export async function runReminderSweep(db: Database, deps: ReminderDeps): Promise<number> {
  const now = deps.clock.now()
  const horizon = new Date(now.getTime() + REMINDER_LEAD_MS)
  const phases = await db
    .selectFrom('evaluation_phases as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .select(['p.id', 'p.call_id', 'p.ends_at', 'c.code', 'c.time_zone', 'c.programme_id'])
    .where('p.kind', '=', 'individual')
    .where('p.starts_at', '<=', now)
    .where('p.ends_at', '>', now)
    .where('p.ends_at', '<=', horizon)
    .where('c.cancelled_at', 'is', null)
    .execute()
  let reminded = 0
  for (const p of phases) {
    await db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('evaluation_assignments as x')
        .innerJoin('applications as a', 'a.id', 'x.application_id')
        .leftJoin('evaluations as v', 'v.assignment_id', 'x.id')
        .select(['x.user_id', sql<string>`count(*)`.as('n')])
        .where('x.call_id', '=', p.call_id)
        .where('x.status', 'in', ['assigned', 'confirmed'])
        .where('a.status', '=', 'submitted')
        .where((eb) => eb.or([eb('v.id', 'is', null), eb('v.status', '!=', 'submitted')]))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('notifications as n')
                .select('n.id')
                .whereRef('n.user_id', '=', 'x.user_id')
                .where('n.kind', '=', 'evaluation_reminder')
                .where('n.subject_type', '=', 'evaluation_phase')
                .where('n.subject_id', '=', p.id),
            ),
          ),
        )
        .groupBy('x.user_id')
        .orderBy('x.user_id')
        .execute()
      const endsAt = new Date(p.ends_at)
      for (const d of due) {
        await notify(tx, deps, {
          kind: 'evaluation_reminder',
          recipients: { userIds: [d.user_id] },
          actorId: null,
          programmeId: p.programme_id,
          subject: { type: 'evaluation_phase', id: p.id },
          params: {
            call: p.code,
            count: String(Number(d.n)),
            deadline: instantToLocal(endsAt, p.time_zone).replace('T', ' '),
            timeZone: p.time_zone,
            endsAt: endsAt.toISOString(),
          },
          link: '/app/evaluations',
        })
        reminded++
      }
    })
  }
  return reminded
}

/**
 * The daily sweep: runs, then schedules the next one 24 h later while some call still has an
 * individual phase ending in the future (so phases written without the API — the seed — are covered).
 */
export function registerReminderJob(worker: JobWorker, deps: ReminderDeps): void {
  worker.register(REMINDER_QUEUE, async (_payload, db) => {
    await runReminderSweep(db, deps)
    const now = deps.clock.now()
    const future = await db
      .selectFrom('evaluation_phases')
      .select('id')
      .where('kind', '=', 'individual')
      .where('ends_at', '>', now)
      .limit(1)
      .executeTakeFirst()
    if (future) await enqueueSweep(db, new Date(now.getTime() + DAY_MS))
  })
}
