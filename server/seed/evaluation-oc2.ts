/**
 * Open call 2, in evaluation now: its phases are set relative to the moment the demo is first seeded
 * (the individual phase opened five days before and ends ten days after; consensus and panel follow),
 * its applications are admissible, the optimiser assigned three experts to each, and the experts are
 * at work: some confirmed and evaluating (drafts, a few submitted), some not yet confirmed. The demo
 * expert (expert@securit.demo) has one evaluation submitted, one draft and one assignment to confirm.
 * Seeded once: when the call has phases, nothing moves on a later seed.
 */
import { instantToLocal, localToInstant } from '../../shared/calls/time.ts'
import { setBid } from '../modules/evaluation/assignments/commands/bids.ts'
import type { Actor } from '../platform/authz/actor.ts'
import type { Database } from '../platform/db/client.ts'
import { applicationIdOf, demoApplications } from './applications.ts'
import { callIdOf } from './calls.ts'
import { FixedClock, seedContext, TZ } from './calls-support.ts'
import { criterionComment, criterionIds, overallComment } from './evaluation-data/comments.ts'
import { DEMO_EXPERT_EMAIL } from './evaluation-data/experts.ts'
import { oc2Bids } from './evaluation-data/oc2.ts'
import {
  admitPending,
  confirm,
  type EvaluationText,
  ensureAssignment,
  ensurePhases,
  ensureSettings,
  evaluate,
  type Panel,
  panelsOf,
} from './evaluation-steps.ts'
import { DAY, expertActor, HOUR, onScale, unit } from './evaluation-support.ts'

const OC2 = callIdOf('OC2')
const oc2Keys = demoApplications.filter((a) => a.call === 'OC2').map((a) => a.key)

/** A local wall-clock time on the day `days` away from `now` (Brussels). */
function dayAt(now: Date, days: number, hhmm: string): Date {
  const day = instantToLocal(new Date(now.getTime() + days * DAY), TZ).slice(0, 10)
  const r = localToInstant(`${day}T${hhmm}`, TZ)
  if ('error' in r) throw new Error(`seed: ${day}T${hhmm} does not exist in ${TZ}`)
  return r.instant
}

/** The OC2 phases for a seed run at `now`. */
export function oc2Phases(now: Date) {
  return {
    individual: { startsAt: dayAt(now, -5, '09:00'), endsAt: dayAt(now, 10, '17:00') },
    consensus: { startsAt: dayAt(now, 11, '09:00'), endsAt: dayAt(now, 20, '17:00') },
    panel: { startsAt: dayAt(now, 21, '09:00'), endsAt: dayAt(now, 22, '17:00') },
  }
}

/** An OC2 evaluation by panel member `i`: each application's quality from its key, the expert's view around it. */
function oc2Text(key: string, i: number, email: string): EvaluationText {
  const a = demoApplications.find((x) => x.key === key)!
  const scores: EvaluationText['scores'] = {}
  const values = criterionIds.map((id) =>
    onScale(2.5 + 2 * unit(`oc2:${key}:${id}`) + (unit(`oc2:${key}:${id}:${i}`) - 0.5)),
  )
  criterionIds.forEach((id, k) => {
    scores[id] = { score: values[k]!, comment: criterionComment(id, values[k]!, a, `${key}:${email}`) }
  })
  return { scores, overallComment: overallComment(values, a, `${key}:${email}`) }
}

type Stage = 'unconfirmed' | 'draft' | 'submitted'
const slots: Stage[] = ['submitted', 'draft', 'unconfirmed']

/**
 * Where each panel stands: on every application one expert has submitted, one has a draft (confirmed)
 * and one has not confirmed yet. The demo expert takes, on her first, second and third application,
 * the submitted, draft and unconfirmed place; the other members fill the remaining places in panel order.
 */
export function oc2Stages(panels: Map<string, Panel>): Map<string, Stage> {
  const out = new Map<string, Stage>()
  let demoSeen = 0
  for (const key of oc2Keys) {
    const members = panels.get(applicationIdOf(key))?.members ?? []
    const free = [...slots]
    const demo = members.find((x) => x.email === DEMO_EXPERT_EMAIL)
    if (demo) {
      const s = slots[Math.min(demoSeen++, slots.length - 1)]!
      out.set(demo.assignmentId, s)
      free.splice(free.indexOf(s), 1)
    }
    for (const x of members) if (x !== demo) out.set(x.assignmentId, free.shift() ?? 'unconfirmed')
  }
  return out
}

async function progress(db: Database, programmeId: string, panels: Map<string, Panel>, now: Date) {
  const start = oc2Phases(now).individual.startsAt.getTime()
  const stages = oc2Stages(panels)
  for (const [a, key] of oc2Keys.entries()) {
    for (const [i, member] of (panels.get(applicationIdOf(key))?.members ?? []).entries()) {
      const s = stages.get(member.assignmentId)!
      if (s === 'unconfirmed') continue
      // Within the first three days of the phase (the seed runs on the fifth): confirmed, a draft half a day later, submitted a day after that.
      const base = start + HOUR * (1 + a * 4 + i * 2)
      await confirm(db, programmeId, member, new Date(base))
      await evaluate(
        db,
        programmeId,
        member,
        oc2Text(key, i, member.email),
        new Date(base + 12 * HOUR),
        s === 'submitted' ? new Date(base + 36 * HOUR) : null,
      )
    }
  }
}

/** The experts' bids, before the assignment (bids close when the individual phase starts): once, before the run. */
async function bids(db: Database, programmeId: string, from: Date) {
  const run = await db.selectFrom('assignment_runs').select('id').where('call_id', '=', OC2).executeTakeFirst()
  if (run) return
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'email']).where('email', 'in', Object.keys(oc2Bids)).execute()).map(
      (u) => [u.email, u.id],
    ),
  )
  const clock = new FixedClock(from)
  for (const [i, [email, list]] of Object.entries(oc2Bids).entries()) {
    const userId = users.get(email)
    if (!userId) continue
    const ctx = seedContext(db, clock, expertActor(userId, email, programmeId))
    for (const [j, [key, bid]] of Object.entries(list).entries()) {
      clock.set(new Date(from.getTime() + i * 40 * 60_000 + j * 90_000))
      await setBid(ctx, OC2, applicationIdOf(key), bid)
    }
  }
}

/**
 * OC2 in its individual phase at `now`. The phases are fixed at the first seed: a later seed reads them
 * back and only completes what is missing. A call not screened yet (applications not seeded) is left alone.
 */
export async function seedOc2Evaluation(
  db: Database,
  programmeId: string,
  operator: Actor,
  now: Date,
): Promise<boolean> {
  const call = await db.selectFrom('calls').select('screened_at').where('id', '=', OC2).executeTakeFirst()
  if (!call?.screened_at) return false
  const individual = await db
    .selectFrom('evaluation_phases')
    .select('starts_at')
    .where('call_id', '=', OC2)
    .where('kind', '=', 'individual')
    .executeTakeFirst()
  // The moment of the first seed: five days after the individual phase opened.
  const seededAt = individual ? dayAt(new Date(individual.starts_at), 5, instantToLocal(now, TZ).slice(11, 16)) : now
  await admitPending(db, operator, oc2Keys.map(applicationIdOf), dayAt(seededAt, -8, '10:00'))
  await ensureSettings(db, operator, OC2, dayAt(seededAt, -8, '14:00'))
  await bids(db, programmeId, dayAt(seededAt, -8, '15:00'))
  await ensureAssignment(db, operator, OC2, dayAt(seededAt, -7, '10:00'))
  await ensurePhases(db, operator, OC2, dayAt(seededAt, -7, '11:00'), oc2Phases(seededAt))
  await progress(db, programmeId, await panelsOf(db, OC2), seededAt)
  return true
}
