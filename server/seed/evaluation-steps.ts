/**
 * The steps both seeded evaluations go through, each with the module's own command at a moment of the
 * story (a FixedClock): admissibility, settings, phases, the assignment run (queued, then computed by
 * its job as the worker would), the experts' confirmations and their evaluations. Each step looks at
 * what is stored first, so seeding again adds only what is missing.
 */
import { instantToLocal } from '../../shared/calls/time.ts'
import { decideAdmissibility } from '../modules/applications/screening/commands/decide-admissibility.ts'
import { confirmAssignment } from '../modules/evaluation/assignments/commands/expert.ts'
import { registerAssignmentJob, startAssignmentRun } from '../modules/evaluation/assignments/commands/run.ts'
import { readEvaluationSettings } from '../modules/evaluation/common/settings.ts'
import { savePhases } from '../modules/evaluation/phases/commands/save-phases.ts'
import { saveSettings } from '../modules/evaluation/phases/commands/save-settings.ts'
import { saveDraft, submitEvaluation } from '../modules/evaluation/scoring/commands/evaluate.ts'
import type { Actor } from '../platform/authz/actor.ts'
import type { Database } from '../platform/db/client.ts'
import { JobWorker } from '../platform/jobs/queue.ts'
import { createLogger } from '../platform/logger.ts'
import { FixedClock, seedContext, TZ } from './calls-support.ts'
import { seedExperts } from './evaluation-data/experts.ts'
import { expertActor } from './evaluation-support.ts'

export interface Panel {
  applicationId: string
  /** Active assignments in the order they were made (then by id): the panel's members 0, 1, 2. */
  members: { assignmentId: string; userId: string; email: string; status: string }[]
}

const local = (d: Date) => instantToLocal(d, TZ).slice(0, 16)

/** Declares admissible the call's submitted applications still pending, one every 15 minutes from `from`. */
export async function admitPending(
  db: Database,
  operator: Actor,
  applicationIds: string[],
  from: Date,
): Promise<number> {
  if (applicationIds.length === 0) return 0
  const pending = await db
    .selectFrom('applications')
    .select('id')
    .where('id', 'in', applicationIds)
    .where('status', '=', 'submitted')
    .where('admissibility', '=', 'pending')
    .execute()
  const todo = applicationIds.filter((id) => pending.some((p) => p.id === id))
  const clock = new FixedClock(from)
  const ctx = seedContext(db, clock, operator)
  for (const [i, id] of todo.entries()) {
    clock.set(new Date(from.getTime() + i * 15 * 60_000))
    await decideAdmissibility(ctx, id, { decision: 'admissible', reason: '' })
  }
  return todo.length
}

/**
 * Belgian public holidays of 2026 and 2027 (the programme's zone is Brussels), not working days for the
 * redress due date: New Year, Easter Monday, Labour Day, Ascension, Whit Monday, the National Day,
 * Assumption, All Saints, Armistice and Christmas. Easter falls on 5 April 2026 and 28 March 2027;
 * Ascension is 39 days and Whit Monday 50 days after it. Some fall on a weekend (they change nothing).
 */
export const belgianHolidays2026And2027 = [
  '2026-01-01',
  '2026-04-06',
  '2026-05-01',
  '2026-05-14',
  '2026-05-25',
  '2026-07-21',
  '2026-08-15',
  '2026-11-01',
  '2026-11-11',
  '2026-12-25',
  '2027-01-01',
  '2027-03-29',
  '2027-05-01',
  '2027-05-06',
  '2027-05-17',
  '2027-07-21',
  '2027-08-15',
  '2027-11-01',
  '2027-11-11',
  '2027-12-25',
]

/**
 * The call's evaluation settings (the defaults: three experts, a practitioner, one per country) with the
 * Belgian public holidays, once. Settings stored without holidays (by an earlier seed) get them.
 */
export async function ensureSettings(db: Database, operator: Actor, callId: string, when: Date): Promise<void> {
  const { callId: _, stored: __, ...d } = await readEvaluationSettings(db, callId)
  if (d.redressHolidays.length > 0) return
  await saveSettings(seedContext(db, new FixedClock(when), operator), callId, {
    ...d,
    redressHolidays: belgianHolidays2026And2027,
  })
}

/** The call's three phases, once. */
export async function ensurePhases(
  db: Database,
  operator: Actor,
  callId: string,
  when: Date,
  phases: Record<'individual' | 'consensus' | 'panel', { startsAt: Date; endsAt: Date }>,
): Promise<void> {
  const row = await db.selectFrom('evaluation_phases').select('id').where('call_id', '=', callId).executeTakeFirst()
  if (row) return
  const w = (p: { startsAt: Date; endsAt: Date }) => ({ startsAt: local(p.startsAt), endsAt: local(p.endsAt) })
  await savePhases(seedContext(db, new FixedClock(when), operator), callId, {
    individual: w(phases.individual),
    consensus: w(phases.consensus),
    panel: w(phases.panel),
  })
}

/**
 * The operator starts the assignment run at `when`, and its job computes it at once, as the worker does
 * (the optimiser runs in a worker thread). Once: a call with a run is left alone.
 */
export async function ensureAssignment(db: Database, operator: Actor, callId: string, when: Date): Promise<void> {
  const run = await db.selectFrom('assignment_runs').select('id').where('call_id', '=', callId).executeTakeFirst()
  if (run) return
  const clock = new FixedClock(when)
  await startAssignmentRun(seedContext(db, clock, operator), callId)
  clock.set(new Date(when.getTime() + 60_000))
  const worker = new JobWorker(db, createLogger('silent'), clock)
  registerAssignmentJob(worker, { clock })
  await worker.runDue()
  // Another process's worker may have claimed the job first (a seed run beside a running server): wait for it.
  for (let i = 0; ; i++) {
    const done = await db
      .selectFrom('assignment_runs')
      .select(['status', 'error'])
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow()
    if (done.status === 'succeeded') return
    if (done.status === 'failed' || i >= 120)
      throw new Error(`seed: the assignment run did not succeed: ${done.status} ${JSON.stringify(done.error)}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Each application's panel: its active assignments with the expert's e-mail. */
export async function panelsOf(db: Database, callId: string): Promise<Map<string, Panel>> {
  const rows = await db
    .selectFrom('evaluation_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.application_id', 'a.user_id', 'a.status', 'u.email'])
    .where('a.call_id', '=', callId)
    .where('a.status', 'in', ['assigned', 'confirmed'])
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute()
  const out = new Map<string, Panel>()
  for (const r of rows) {
    const p = out.get(r.application_id) ?? { applicationId: r.application_id, members: [] }
    p.members.push({ assignmentId: r.id, userId: r.user_id, email: r.email, status: r.status })
    out.set(r.application_id, p)
  }
  return out
}

export function actorOfExpert(m: { userId: string; email: string }, programmeId: string): Actor {
  return expertActor(m.userId, m.email, programmeId)
}

/** The assigned expert confirms "no conflict of interest" at `when` (idempotent). */
export async function confirm(
  db: Database,
  programmeId: string,
  m: Panel['members'][number],
  when: Date,
): Promise<void> {
  if (m.status === 'confirmed') return
  await confirmAssignment(seedContext(db, new FixedClock(when), actorOfExpert(m, programmeId)), m.assignmentId)
  m.status = 'confirmed'
}

export interface EvaluationText {
  scores: Record<string, { score: number; comment: string }>
  overallComment: string
}

/**
 * The expert's evaluation: a draft saved at `draftAt`, then (when `submitAt` is given) submitted. An
 * evaluation already submitted is left alone; an existing draft is submitted as it stands.
 */
export async function evaluate(
  db: Database,
  programmeId: string,
  m: Panel['members'][number],
  text: EvaluationText,
  draftAt: Date,
  submitAt: Date | null,
): Promise<void> {
  const row = await db
    .selectFrom('evaluations')
    .select(['status', 'version'])
    .where('assignment_id', '=', m.assignmentId)
    .executeTakeFirst()
  if (row?.status === 'submitted') return
  const clock = new FixedClock(draftAt)
  const ctx = seedContext(db, clock, actorOfExpert(m, programmeId))
  let version = row?.version ?? null
  if (!row) {
    const saved = await saveDraft(ctx, m.assignmentId, { version: null, ...text })
    version = saved.version
  }
  if (!submitAt || version === null) return
  clock.set(submitAt)
  await submitEvaluation(ctx, m.assignmentId, version)
}

/** The seeded experts by e-mail, for their names and kinds. */
export const expertByEmail = new Map(seedExperts.map((e) => [e.email, e]))
