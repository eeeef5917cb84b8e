import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readPhases } from '../../server/modules/evaluation/common/phases.ts'
import { readEvaluationSettings } from '../../server/modules/evaluation/common/settings.ts'
import { detectConflicts } from '../../server/modules/evaluation/conflicts/domain/rules.ts'
import { conflictSettingsOf, gatherCallFacts } from '../../server/modules/evaluation/conflicts/queries/facts.ts'
import { computeRanking } from '../../server/modules/evaluation/ranking/queries/ranking.ts'
import { applicationIdOf } from '../../server/seed/applications.ts'
import { callIdOf } from '../../server/seed/calls.ts'
import { SECURIT_MAX_PER_PROJECT_CENTS, securitCalls } from '../../server/seed/calls-data/calls.ts'
import { DEMO_EXPERT_EMAIL, seedExperts } from '../../server/seed/evaluation-data/experts.ts'
import { oc1Consensus, oc1Redress } from '../../server/seed/evaluation-data/oc1.ts'
import { evaluationText, individualScores } from '../../server/seed/evaluation-oc1.ts'
import { DEMO_PASSWORD, seedDemoAccounts, seedProgramme } from '../../server/seed/index.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const started = performance.now()
await seedDemoAccounts(t.db, t.programmeId)
const seconds = (performance.now() - started) / 1000

const tables = [
  'expert_profiles',
  'expert_organisations',
  'expert_calls',
  'expert_bids',
  'expert_conflicts',
  'evaluation_settings',
  'evaluation_phases',
  'assignment_runs',
  'evaluation_assignments',
  'evaluations',
  'consensus_records',
  'consensus_messages',
  'selection_scenarios',
  'evaluation_decisions',
  'redress_requests',
] as const

/** Every row of the tables the evaluation seed writes, for "seeding again adds nothing". */
async function snapshot() {
  const out: Record<string, string[]> = {}
  for (const table of tables) {
    const rows = await t.db.selectFrom(table).selectAll().execute()
    out[table] = rows.map((r) => JSON.stringify(r)).sort()
  }
  return out
}
const before = await snapshot()
const resumed = performance.now()
await seedDemoAccounts(t.db, await seedProgramme(t.db))
const reseedSeconds = (performance.now() - resumed) / 1000
const after = await snapshot()

const OC1 = callIdOf('OC1')
const OC2 = callIdOf('OC2')
const oc1Ids = oc1Consensus.map((c) => applicationIdOf(c.key))
const assignments = await t.db.selectFrom('evaluation_assignments').selectAll().execute()
const evaluations = await t.db.selectFrom('evaluations').selectAll().execute()
const apps = await t.db
  .selectFrom('applications')
  .select(['id', 'acronym', 'call_id', 'status', 'admissibility', 'submitted_revision'])
  .where('call_id', 'in', [OC1, OC2])
  .execute()
const users = new Map((await t.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.id, u.email]))
const active = (a: { status: string }) => a.status === 'assigned' || a.status === 'confirmed'

test('seeding is quick enough and a second run adds nothing', () => {
  assert.ok(seconds < 120, `the demo seed took ${seconds.toFixed(1)} s`)
  assert.ok(reseedSeconds < 30, `a second seed took ${reseedSeconds.toFixed(1)} s`)
  for (const table of tables) assert.deepEqual(after[table], before[table], `${table} unchanged`)
})

test('twelve experts with signed declarations, the demo expert among them, approved for OC1 and OC2', async () => {
  const profiles = await t.db
    .selectFrom('expert_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.email', 'p.kind', 'p.code_of_conduct_at', 'p.confidentiality_at', 'p.countries'])
    .execute()
  assert.equal(profiles.length, 12)
  assert.deepEqual(profiles.map((p) => p.email).sort(), seedExperts.map((e) => e.email).sort())
  assert.ok(profiles.some((p) => p.email === DEMO_EXPERT_EMAIL))
  assert.ok(profiles.every((p) => p.code_of_conduct_at !== null && p.confidentiality_at !== null))
  const kinds: Record<string, number> = {}
  for (const p of profiles) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1
  assert.deepEqual(kinds, { technical: 5, practitioner: 4, business: 3 })
  assert.equal(new Set(profiles.map((p) => p.countries[0])).size, 10, 'ten countries')
  const calls = await t.db.selectFrom('expert_calls').select(['call_id', 'status', 'max_load']).execute()
  assert.equal(calls.filter((c) => c.call_id === OC1 && c.status === 'approved').length, 12)
  assert.equal(calls.filter((c) => c.call_id === OC2 && c.status === 'approved').length, 12)
  assert.equal(
    calls.filter((c) => c.call_id === OC1).reduce((s, c) => s + c.max_load, 0),
    58,
    'OC1 loads: room for 17 × 3',
  )
  const roles = await t.db
    .selectFrom('programme_roles')
    .select('user_id')
    .where('programme_id', '=', t.programmeId)
    .where('role', '=', 'expert')
    .execute()
  assert.equal(roles.length, 12, 'the expert role, once per person')
})

test('OC1: every admissible application has three confirmed experts, three submitted evaluations and a final consensus', async () => {
  const oc1 = apps.filter((a) => a.call_id === OC1)
  const admissible = oc1.filter((a) => a.admissibility === 'admissible')
  assert.equal(admissible.length, 17)
  assert.deepEqual(admissible.map((a) => a.id).sort(), [...oc1Ids].sort())
  assert.equal(oc1.filter((a) => a.status === 'submitted' && a.admissibility === 'pending').length, 0)
  const consensus = await t.db.selectFrom('consensus_records').selectAll().where('call_id', '=', OC1).execute()
  for (const a of admissible) {
    const mine = assignments.filter((x) => x.application_id === a.id && active(x))
    assert.equal(mine.length, 3, `${a.acronym}: k = 3`)
    assert.ok(mine.every((x) => x.status === 'confirmed' && x.confirmed_at !== null))
    const evals = evaluations.filter((e) => e.application_id === a.id)
    assert.equal(evals.length, 3)
    assert.ok(evals.every((e) => e.status === 'submitted' && e.revision === a.submitted_revision))
    const record = consensus.find((c) => c.application_id === a.id)
    assert.equal(record?.status, 'final', `${a.acronym}: final consensus`)
  }
  assert.equal(assignments.filter((x) => x.call_id === OC1).length, 51, 'no recusal, no removal')
  assert.equal(evaluations.filter((e) => e.call_id === OC1).length, 51)
})

test('the individual scores are those of the story; the consensus scores and justifications too', async () => {
  const c = oc1Consensus.find((x) => x.key === 'oc1-hospiguard')!
  const id = applicationIdOf(c.key)
  const panel = assignments
    .filter((x) => x.application_id === id)
    .sort((x, y) => new Date(x.created_at).getTime() - new Date(y.created_at).getTime() || x.id.localeCompare(y.id))
  const impact = panel.map((x) => {
    const e = evaluations.find((v) => v.assignment_id === x.id)!
    return (e.scores as Record<string, { score: number }>).impact!.score
  })
  assert.deepEqual(impact, [4.5, 4.5, 2], 'the divergent impact scores')
  assert.equal(individualScores(c, 2)[1], 2)
  const e0 = evaluations.find((v) => v.assignment_id === panel[0]!.id)!
  assert.deepEqual(e0.scores, evaluationText(c, 0, users.get(panel[0]!.user_id)!).scores)
  for (const v of evaluations.filter((x) => x.call_id === OC1)) {
    const scores = v.scores as Record<string, { score: number; comment: string }>
    assert.deepEqual(Object.keys(scores).sort(), ['excellence', 'impact', 'implementation'])
    for (const s of Object.values(scores)) {
      assert.ok(s.score >= 0 && s.score <= 5 && s.score * 2 === Math.round(s.score * 2))
      assert.ok(s.comment.length >= 100, 'comments of the minimum length')
    }
    assert.ok(v.overall_comment.length >= 100)
  }
  const record = await t.db
    .selectFrom('consensus_records')
    .selectAll()
    .where('application_id', '=', id)
    .executeTakeFirstOrThrow()
  const scores = record.scores as Record<string, { score: number; justification: string }>
  assert.deepEqual([scores.excellence!.score, scores.impact!.score, scores.implementation!.score], [4, 4, 4])
  assert.equal(scores.impact!.justification, c.justification)
  const thermi = await t.db
    .selectFrom('consensus_records')
    .select('minority_view')
    .where('application_id', '=', applicationIdOf('oc1-thermifence'))
    .executeTakeFirstOrThrow()
  assert.match(thermi.minority_view, /would have scored Excellence 4/)
  const threads = await t.db.selectFrom('consensus_messages').select(['application_id']).execute()
  assert.deepEqual(
    [...new Set(threads.map((m) => m.application_id))].sort(),
    ['oc1-hospiguard', 'oc1-aquashield', 'oc1-thermifence'].map(applicationIdOf).sort(),
  )
  assert.equal(threads.length, 14)
})

test('no evaluation without an active assignment of that expert to that application', () => {
  for (const e of evaluations) {
    const a = assignments.find((x) => x.id === e.assignment_id)
    assert.ok(a && active(a), 'an active assignment')
    assert.equal(a.application_id, e.application_id)
    assert.equal(a.user_id, e.user_id)
    assert.equal(a.status, 'confirmed', 'confirmed before evaluating')
  }
})

test('the assignment respects the panel rules and keeps conflicted experts away', async () => {
  const profiles = new Map(
    (await t.db.selectFrom('expert_profiles').select(['user_id', 'kind', 'countries']).execute()).map((p) => [
      p.user_id,
      p,
    ]),
  )
  for (const callId of [OC1, OC2]) {
    const mine = assignments.filter((x) => x.call_id === callId && active(x))
    for (const appId of new Set(mine.map((x) => x.application_id))) {
      const panel = mine.filter((x) => x.application_id === appId).map((x) => profiles.get(x.user_id)!)
      assert.ok(
        panel.some((p) => p.kind === 'practitioner'),
        'a practitioner on every panel',
      )
      assert.equal(new Set(panel.map((p) => p.countries[0])).size, panel.length, 'one expert per country')
    }
    const call = await t.db
      .selectFrom('calls')
      .select(['id', 'programme_id'])
      .where('id', '=', callId)
      .executeTakeFirstOrThrow()
    const facts = await gatherCallFacts(t.db, call)
    const settings = await conflictSettingsOf(t.db, callId)
    let conflicts = 0
    for (const expert of facts.experts) {
      for (const app of facts.applications) {
        if (detectConflicts(expert, app, settings).length === 0) continue
        conflicts++
        assert.ok(
          !mine.some((x) => x.user_id === expert.userId && x.application_id === app.applicationId),
          `${expert.name} is not assigned to ${app.reference}`,
        )
      }
    }
    // Mette Sørensen worked for Havvagt ApS: PORTWATCH in OC1, CABLEGUARD in OC2.
    assert.equal(conflicts, 1)
  }
})

test('OC1 ranking and decisions: 13 funded in rank order within the budget, 4 under a threshold, all notified', async () => {
  const ranking = await computeRanking(t.db, OC1)
  assert.equal(ranking.complete, true)
  const acronym = new Map(apps.map((a) => [a.id, a.acronym]))
  assert.deepEqual(
    ranking.items.filter((i) => i.rank !== null).map((i) => acronym.get(i.applicationId)),
    [
      'GRIDSENTRY',
      'FLOODCAST',
      'MESHGUARD',
      'FESTISIM',
      'HOSPIGUARD',
      'SYLVASENSE',
      'AQUASHIELD',
      'TRIAGELIVE',
      'PORTWATCH',
      'SKYFENCE',
      'NIGHTFIRE',
      'QUAKEALERT',
      'SIGNCHAIN',
    ],
  )
  const out = ranking.items.filter((i) => i.rank === null)
  assert.deepEqual(out.map((i) => [acronym.get(i.applicationId), i.out.map((o) => o.code).join(',')]).sort(), [
    ['AFORO', 'criterion_threshold,total_threshold'],
    ['CITIZENLINK', 'criterion_threshold'],
    ['SIGNALSIFT', 'total_threshold'],
    ['THERMIFENCE', 'criterion_threshold'],
  ])

  const scenarios = await t.db.selectFrom('selection_scenarios').selectAll().where('call_id', '=', OC1).execute()
  assert.deepEqual(scenarios.map((s) => s.status).sort(), ['adopted', 'draft'])
  const adopted = scenarios.find((s) => s.status === 'adopted')!
  const budget = securitCalls.find((c) => c.code === 'OC1')!.totalCents
  assert.equal((adopted.params as { budgetCents: number }).budgetCents, budget)

  const decisions = await t.db.selectFrom('evaluation_decisions').selectAll().where('call_id', '=', OC1).execute()
  assert.equal(decisions.length, 17)
  const funded = decisions.filter((d) => d.outcome === 'funded')
  assert.equal(funded.length, 13)
  assert.equal(decisions.filter((d) => d.outcome === 'rejected').length, 4)
  assert.equal(decisions.filter((d) => d.outcome === 'reserve').length, 0)
  const spent = funded.reduce((s, d) => s + Number(d.granted_cents), 0)
  assert.equal(spent, 109_000_000)
  assert.ok(spent <= budget, 'within the call budget')
  for (const d of funded) {
    assert.ok(Number(d.granted_cents) <= Number(d.requested_cents))
    assert.ok(Number(d.granted_cents) <= SECURIT_MAX_PER_PROJECT_CENTS)
    assert.equal(d.scenario_id, adopted.id)
    assert.equal(d.response, 'accepted')
  }
  assert.ok(decisions.every((d) => d.notified_at !== null))
  assert.deepEqual(
    funded.map((d) => d.rank).sort((x, y) => x! - y!),
    Array.from({ length: 13 }, (_, i) => i + 1),
  )
  const whatIf = scenarios.find((s) => s.status === 'draft')!.result as { spentCents: number; reserve: unknown[] }
  assert.ok(whatIf.spentCents <= 70_000_000)
  assert.equal(whatIf.reserve.length, 5, 'the what-if puts five in reserve')
})

test('OC1: one redress request, filed within the window and handled before it was due', async () => {
  const rows = await t.db.selectFrom('redress_requests').selectAll().execute()
  assert.equal(rows.length, 1)
  const r = rows[0]!
  assert.equal(r.application_id, applicationIdOf(oc1Redress.application))
  assert.equal(r.status, 'dismissed')
  assert.equal(r.outcome, oc1Redress.outcome)
  assert.ok(new Date(r.handled_at!).getTime() < new Date(r.due_at).getTime())
  const d = await t.db
    .selectFrom('evaluation_decisions')
    .select(['outcome', 'notified_at'])
    .where('application_id', '=', r.application_id)
    .executeTakeFirstOrThrow()
  assert.equal(d.outcome, 'rejected')
  assert.ok(new Date(r.filed_at).getTime() - new Date(d.notified_at!).getTime() < 5 * 86_400_000)
})

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm), as a UTC day in milliseconds. */
function easter(y: number): number {
  const a = y % 19
  const b = Math.floor(y / 100)
  const c = y % 100
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const n = h + l - 7 * m + 114
  return Date.UTC(y, Math.floor(n / 31) - 1, (n % 31) + 1)
}

test('OC1 and OC2 declare the Belgian public holidays of 2026 and 2027 for redress', async () => {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const expected = [2026, 2027].flatMap((y) => {
    const e = easter(y)
    const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'].map((md) => `${y}-${md}`)
    // Easter Monday, Ascension (Easter + 39 days), Whit Monday (Easter + 50 days).
    return [...fixed, ...[1, 39, 50].map((n) => iso(e + n * 86_400_000))]
  })
  expected.sort()
  assert.equal(iso(easter(2026)), '2026-04-05')
  assert.equal(iso(easter(2027)), '2027-03-28')
  for (const callId of [OC1, OC2]) {
    const s = await readEvaluationSettings(t.db, callId)
    assert.deepEqual(s.redressHolidays, expected)
  }
})

test('OC2 is in its individual phase now: assignments, some confirmed, drafts and submitted evaluations', async () => {
  const phases = await readPhases(t.db, OC2, new Date())
  assert.equal(phases.individual.status, 'open')
  assert.equal(phases.consensus.status, 'upcoming')
  assert.equal(phases.panel.status, 'upcoming')
  const opened = (Date.now() - phases.individual.startsAt!.getTime()) / 86_400_000
  assert.ok(opened > 4 && opened < 6, 'opened five days ago')
  const oc2 = apps.filter((a) => a.call_id === OC2)
  assert.equal(oc2.filter((a) => a.admissibility === 'admissible').length, 8)
  const mine = assignments.filter((x) => x.call_id === OC2)
  assert.equal(mine.length, 24)
  // On every application: one expert submitted, one has a draft, one has not confirmed yet.
  for (const a of oc2) {
    const panel = mine.filter((x) => x.application_id === a.id)
    const states = panel
      .map((x) =>
        x.status === 'assigned' ? 'to confirm' : (evaluations.find((e) => e.assignment_id === x.id)?.status ?? 'none'),
      )
      .sort()
    assert.deepEqual(states, ['draft', 'submitted', 'to confirm'], a.acronym)
  }
  assert.equal(mine.filter((x) => x.status === 'confirmed').length, 16)
  assert.equal(mine.filter((x) => x.status === 'assigned').length, 8)
  const evals = evaluations.filter((e) => e.call_id === OC2)
  assert.equal(evals.filter((e) => e.status === 'submitted').length, 8)
  assert.equal(evals.filter((e) => e.status === 'draft').length, 8)
  assert.ok(
    evals.every((e) => new Date(e.updated_at).getTime() <= Date.now()),
    'nothing in the future',
  )
  assert.equal(
    (await t.db.selectFrom('consensus_records').select('application_id').where('call_id', '=', OC2).execute()).length,
    0,
  )
  assert.equal(
    (await t.db.selectFrom('evaluation_decisions').select('application_id').where('call_id', '=', OC2).execute())
      .length,
    0,
  )

  // The demo expert: one evaluation submitted, one draft, one assignment to confirm.
  const demo = [...users].find(([, email]) => email === DEMO_EXPERT_EMAIL)![0]
  const hers = mine.filter((x) => x.user_id === demo)
  assert.equal(hers.length, 3)
  const state = hers
    .map((x) =>
      x.status === 'assigned' ? 'to confirm' : (evaluations.find((e) => e.assignment_id === x.id)?.status ?? 'none'),
    )
    .sort()
  assert.deepEqual(state, ['draft', 'submitted', 'to confirm'])
  const bids = await t.db.selectFrom('expert_bids').select(['user_id', 'bid']).where('call_id', '=', OC2).execute()
  assert.equal(bids.length, 20)
  assert.equal(bids.filter((b) => b.user_id === demo).length, 5)
})

test('what the story notified was read when it arrived: nothing unread from the evaluation seed', async () => {
  const kinds = await t.db
    .selectFrom('notifications')
    .select(['kind', 'read_at'])
    .where('kind', 'in', [
      'expert_approved',
      'application_admissible',
      'evaluation_result',
      'redress_filed',
      'redress_handled',
    ])
    .execute()
  assert.ok(kinds.filter((n) => n.kind === 'expert_approved').length >= 24, 'each approval was notified')
  assert.ok(
    kinds.some((n) => n.kind === 'evaluation_result'),
    'results were notified',
  )
  assert.deepEqual(
    kinds.filter((n) => n.read_at === null),
    [],
  )
})

test('a newcomer sees both: the demo expert’s running OC2 work, the demo SME’s funded OC1 result without expert names', async () => {
  const expert = t.client()
  await expert.signIn(DEMO_EXPERT_EMAIL, DEMO_PASSWORD)
  const mine = await expert.get('/api/v1/evaluation/my-assignments')
  assert.equal(mine.status, 200)
  const oc2 = mine.body.calls.find((c: { code: string }) => c.code === 'OC2')
  assert.ok(oc2, 'OC2 in the workspace')
  assert.deepEqual(
    oc2.assignments
      .map((a: { status: string; evaluation: { status: string } }) => `${a.status}:${a.evaluation.status}`)
      .sort(),
    ['assigned:none', 'confirmed:draft', 'confirmed:submitted'],
  )

  const sme = t.client()
  await sme.signIn('sme@securit.demo', DEMO_PASSWORD)
  const result = await sme.get(`/api/v1/applications/${applicationIdOf('oc1-meshguard')}/evaluation-result`)
  assert.equal(result.status, 200)
  assert.equal(result.body.outcome, 'funded')
  assert.equal(result.body.rank, 3)
  assert.equal(result.body.response, 'accepted')
  assert.equal(result.body.total, 12.5)
  const text = JSON.stringify(result.body)
  for (const e of seedExperts) {
    assert.ok(!text.includes(e.name) && !text.includes(e.email), `no trace of ${e.name}`)
  }
})
