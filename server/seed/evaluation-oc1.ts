/**
 * Open call 1, evaluated from start to finish in 2022 (evaluation-data/oc1.ts has the story): the last
 * admissibility decisions, settings and phases, the optimiser's assignment, every expert confirming and
 * submitting, a discussion where the experts diverged, final consensus records, a selection scenario
 * within the call's budget (and a what-if) adopted, the decisions, their notification, the funded
 * consortia accepting, and one request for redress handled. Every step is a command of the evaluation
 * modules at its moment (FixedClock), so each leaves its audit trail; each is skipped once done.
 */
import { finaliseConsensus, saveConsensus } from '../modules/evaluation/consensus/commands/record.ts'
import { postMessage } from '../modules/evaluation/consensus/commands/thread.ts'
import { takeDecisions } from '../modules/evaluation/decisions/commands/decide.ts'
import { notifyDecisions } from '../modules/evaluation/decisions/commands/notify.ts'
import { respondToGrant } from '../modules/evaluation/decisions/commands/respond.ts'
import { fileRedress } from '../modules/evaluation/redress/commands/file.ts'
import { handleRedress } from '../modules/evaluation/redress/commands/handle.ts'
import { adoptScenario, createScenario } from '../modules/evaluation/selection/commands/scenarios.ts'
import type { Actor } from '../platform/authz/actor.ts'
import type { Database } from '../platform/db/client.ts'
import { applicationIdOf, demoApplications } from './applications.ts'
import { oc1Review } from './applications-review.ts'
import { callIdOf } from './calls.ts'
import type { SeedApplication } from './calls-data/types.ts'
import { at, FixedClock, seedContext } from './calls-support.ts'
import {
  type CriterionId,
  consensusComment,
  consensusOverall,
  criterionComment,
  criterionIds,
  overallComment,
} from './evaluation-data/comments.ts'
import {
  type Oc1Consensus,
  oc1Consensus,
  oc1LateAdmissible,
  oc1Moments,
  oc1Redress,
  oc1Scenario,
  oc1WhatIf,
  type Triple,
} from './evaluation-data/oc1.ts'
import {
  actorOfExpert,
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
import { DAY, HOUR, memberActor, onScale, pick, unit } from './evaluation-support.ts'

const OC1 = callIdOf('OC1')
const m = oc1Moments

/** Offsets around the consensus whose mean is zero: the experts agree within one point. */
const patterns: Triple[] = [
  [0, 0, 0],
  [0.5, -0.5, 0],
  [0.5, 0, -0.5],
  [0, 0.5, -0.5],
  [-0.5, 0.5, 0],
  [-0.5, 0, 0.5],
  [0, -0.5, 0.5],
]

/** What panel member `i` scored on each criterion (by index): around the consensus, or the divergent scores. */
export function individualScores(c: Oc1Consensus, i: number): Triple {
  return c.scores.map((s, k) => {
    if (c.divergent?.criterion === k) return c.divergent.scores[i]!
    return onScale(s + pick(patterns, `${c.key}:${k}`)[i]!)
  }) as Triple
}

const seedApp = (key: string): SeedApplication => demoApplications.find((a) => a.key === key)!

/** The text of panel member `i`'s evaluation of an application. */
export function evaluationText(c: Oc1Consensus, i: number, email: string): EvaluationText {
  const a = seedApp(c.key)
  const s = individualScores(c, i)
  const scores: EvaluationText['scores'] = {}
  criterionIds.forEach((id, k) => {
    scores[id] = { score: s[k]!, comment: criterionComment(id, s[k]!, a, `${c.key}:${email}`) }
  })
  return { scores, overallComment: overallComment(s, a, `${c.key}:${email}`) }
}

/** All admissible OC1 applications (the operators' first eight and the rest), in the consensus order. */
export const oc1Admissible = oc1Consensus.map((c) => c.key)

async function evaluations(db: Database, programmeId: string, panels: Map<string, Panel>): Promise<void> {
  const start = at(m.evaluationsFrom).getTime()
  const end = at(m.individual.endsAt).getTime() - 6 * HOUR
  let j = 0
  for (const c of oc1Consensus) {
    const panel = panels.get(applicationIdOf(c.key))
    if (!panel) throw new Error(`seed: ${c.key} has no panel`)
    for (const [i, member] of panel.members.entries()) {
      // Confirmed in the first two days, evaluated over the following two weeks, submitted 1–3 days later.
      await confirm(db, programmeId, member, new Date(at(m.confirmFrom).getTime() + j * 37 * 60_000))
      const draftAt = new Date(start + Math.floor(unit(`${c.key}:${i}:draft`) * 12 * DAY))
      const submitAt = new Date(
        Math.min(end, draftAt.getTime() + DAY + Math.floor(unit(`${c.key}:${i}:submit`) * 2 * DAY)),
      )
      await evaluate(db, programmeId, member, evaluationText(c, i, member.email), draftAt, submitAt)
      j++
    }
  }
}

async function threads(db: Database, programmeId: string, operator: Actor, panels: Map<string, Panel>) {
  let t = at(m.threadFrom).getTime()
  for (const c of oc1Consensus) {
    if (!c.thread) continue
    const applicationId = applicationIdOf(c.key)
    const posted = await db
      .selectFrom('consensus_messages')
      .select('id')
      .where('application_id', '=', applicationId)
      .executeTakeFirst()
    if (posted) continue
    const panel = panels.get(applicationId)!
    for (const msg of c.thread) {
      t += 3 * HOUR + Math.floor(unit(`${c.key}:${msg.body.length}`) * 5 * HOUR)
      const actor = msg.by === 'moderator' ? operator : actorOfExpert(panel.members[msg.by]!, programmeId)
      await postMessage(seedContext(db, new FixedClock(new Date(t)), actor), applicationId, msg.body)
    }
  }
}

async function consensus(db: Database, operator: Actor) {
  const clock = new FixedClock(at(m.consensusFrom))
  const ctx = seedContext(db, clock, operator)
  for (const [i, c] of oc1Consensus.entries()) {
    const applicationId = applicationIdOf(c.key)
    const row = await db
      .selectFrom('consensus_records')
      .select(['status', 'version'])
      .where('application_id', '=', applicationId)
      .executeTakeFirst()
    if (row?.status === 'final') continue
    clock.set(new Date(at(m.consensusFrom).getTime() + i * 2 * HOUR))
    let version = row?.version ?? 0
    if (!row) {
      const a = seedApp(c.key)
      const scores: Record<string, { score: number; comment: string; justification: string }> = {}
      criterionIds.forEach((id: CriterionId, k) => {
        scores[id] = {
          score: c.scores[k]!,
          comment: consensusComment(id, c.scores[k]!, a),
          justification: c.divergent?.criterion === k ? (c.justification ?? '') : '',
        }
      })
      const saved = await saveConsensus(ctx, OC1, applicationId, {
        version: 0,
        scores,
        overallComment: consensusOverall(c.scores, a),
        minorityView: c.minorityView ?? '',
      })
      version = saved.version
    }
    clock.set(new Date(clock.now().getTime() + 40 * 60_000))
    await finaliseConsensus(ctx, OC1, applicationId, { version })
  }
}

async function selection(db: Database, operator: Actor) {
  const existing = await db
    .selectFrom('selection_scenarios')
    .select(['id', 'status'])
    .where('call_id', '=', OC1)
    .execute()
  if (existing.some((s) => s.status === 'adopted')) return
  const clock = new FixedClock(at(m.scenarioAt))
  const ctx = seedContext(db, clock, operator)
  const main =
    existing[0]?.id ??
    (
      await createScenario(ctx, OC1, {
        name: oc1Scenario.name,
        params: { quotas: oc1Scenario.quotas, maxPerCountry: null },
      })
    ).id
  if (existing.length < 2) {
    clock.set(at(m.whatIfAt))
    await createScenario(ctx, OC1, {
      name: oc1WhatIf.name,
      params: { budgetCents: oc1WhatIf.budgetCents, quotas: oc1Scenario.quotas, maxPerCountry: null },
    })
  }
  clock.set(at(m.adoptedAt))
  await adoptScenario(ctx, OC1, main, { replace: false })
}

async function decisions(db: Database, operator: Actor) {
  const clock = new FixedClock(at(m.decidedAt))
  const ctx = seedContext(db, clock, operator)
  const taken = await db.selectFrom('evaluation_decisions').select(['notified_at']).where('call_id', '=', OC1).execute()
  if (taken.length === 0) await takeDecisions(ctx, OC1)
  if (taken.length === 0 || taken.some((d) => d.notified_at === null)) {
    clock.set(at(m.notifiedAt))
    await notifyDecisions(ctx, OC1)
  }
}

/** The lead organisation of an application, and the demo SME's person when it is that organisation. */
async function leadActor(db: Database, applicationId: string): Promise<Actor> {
  const lead = await db
    .selectFrom('application_partners as p')
    .select(['p.organisation_id'])
    .where('p.application_id', '=', applicationId)
    .where('p.role', '=', 'lead')
    .executeTakeFirstOrThrow()
  const person = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email'])
    .where('m.organisation_id', '=', lead.organisation_id!)
    .orderBy('u.email')
    .executeTakeFirst()
  return memberActor(person?.id ?? null, person?.email ?? 'lead organisation', lead.organisation_id!)
}

async function responses(db: Database) {
  const funded = await db
    .selectFrom('evaluation_decisions')
    .select(['application_id', 'granted_cents', 'requested_cents'])
    .where('call_id', '=', OC1)
    .where('outcome', '=', 'funded')
    .where('response', 'is', null)
    .orderBy('rank')
    .execute()
  for (const [i, d] of funded.entries()) {
    const when = new Date(at(m.respondedFrom).getTime() + i * 5 * HOUR + Math.floor(unit(d.application_id) * 3 * HOUR))
    await respondToGrant(
      seedContext(db, new FixedClock(when), await leadActor(db, d.application_id)),
      d.application_id,
      {
        response: 'accepted',
        acceptCut: Number(d.granted_cents) < Number(d.requested_cents) ? true : undefined,
      },
    )
  }
}

async function redress(db: Database, operator: Actor) {
  const applicationId = applicationIdOf(oc1Redress.application)
  let row = await db
    .selectFrom('redress_requests')
    .select(['id', 'status'])
    .where('application_id', '=', applicationId)
    .executeTakeFirst()
  if (!row) {
    const ctx = seedContext(db, new FixedClock(at(m.redressFiledAt)), await leadActor(db, applicationId))
    await fileRedress(ctx, applicationId, { grounds: oc1Redress.grounds })
    row = await db
      .selectFrom('redress_requests')
      .select(['id', 'status'])
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow()
  }
  if (row.status !== 'open') return
  await handleRedress(seedContext(db, new FixedClock(at(m.redressHandledAt)), operator), OC1, row.id, {
    status: oc1Redress.status,
    outcome: oc1Redress.outcome,
  })
}

/** OC1 from admissibility to redress. A call not screened yet (applications not seeded) is left alone. */
export async function seedOc1Evaluation(db: Database, programmeId: string, operator: Actor): Promise<boolean> {
  const screened = await db.selectFrom('calls').select('screened_at').where('id', '=', OC1).executeTakeFirst()
  if (!screened?.screened_at) return false
  const known = new Set([...oc1Review.admissible, ...oc1LateAdmissible])
  if (oc1Admissible.some((k) => !known.has(k)))
    throw new Error('seed: an OC1 consensus names an application not admitted')
  await admitPending(db, operator, oc1LateAdmissible.map(applicationIdOf), at(m.admissibilityAt))
  await ensureSettings(db, operator, OC1, at(m.settingsAt))
  await ensurePhases(db, operator, OC1, at(m.phasesAt), {
    individual: { startsAt: at(m.individual.startsAt), endsAt: at(m.individual.endsAt) },
    consensus: { startsAt: at(m.consensus.startsAt), endsAt: at(m.consensus.endsAt) },
    panel: { startsAt: at(m.panel.startsAt), endsAt: at(m.panel.endsAt) },
  })
  await ensureAssignment(db, operator, OC1, at(m.assignmentAt))
  const panels = await panelsOf(db, OC1)
  await evaluations(db, programmeId, panels)
  await threads(db, programmeId, operator, panels)
  await consensus(db, operator)
  await selection(db, operator)
  await decisions(db, operator)
  await responses(db)
  await redress(db, operator)
  return true
}
