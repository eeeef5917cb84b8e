/**
 * Selection under a budget (issue 7 §9) through the API: final consensus written straight to the
 * database, what-if scenarios (budget, quota minimum, cap across the programme's calls), explanations,
 * infeasible quotas, comparison, adoption once per call, deletion of drafts, XLSX export, operators only.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { adoptedScenario } from '../../server/modules/evaluation/selection/queries/adopted.ts'
import { FixedClock } from '../../server/platform/clock.ts'
import { defaultEvaluation } from '../../shared/calls/presets.ts'
import { evaluationFixture, setPhases } from '../factories/evaluation.ts'
import { CLOSES_AT, createApplication } from '../factories/screening.ts'
import { createTestApp } from '../support/app.ts'

const EXCELLENCE = defaultEvaluation().criteria.find((c) => c.id === 'excellence')!.name

const clock = new FixedClock('2026-03-20T10:00:00Z')
const t = await createTestApp({ clock })
// Budget €500,000, cap €60,000 per third party (the factory's call); each application requests €70,000
// (lead €40,000 + partner €30,000). Challenges in turn: PRJ1 D1-C1, PRJ2 D1-C2, PRJ3 D2-C1, PRJ4 D1-C1,
// PRJ5 D1-C2, PRJ6 D2-C1.
const f = await evaluationFixture(t, { applications: 6, experts: 1, challengeCodes: ['D1-C1', 'D1-C2', 'D2-C1'] })
const [p1, p2, p3, p4, p5, p6] = f.applications.map((a) => a.id) as [string, string, string, string, string, string]
const base = `/api/v1/calls/${f.call.id}/evaluation/scenarios`

async function consensus(applicationId: string, s: [number, number, number]) {
  const cell = (score: number) => ({ score, comment: 'Agreed by the panel.', justification: '' })
  await t.db
    .insertInto('consensus_records')
    .values({
      application_id: applicationId,
      call_id: f.call.id,
      scores: JSON.stringify({ excellence: cell(s[0]), impact: cell(s[1]), implementation: cell(s[2]) }),
      overall_comment: 'Overall.',
      status: 'final',
      recorded_at: new Date('2026-03-19T10:00:00Z'),
      finalised_at: new Date('2026-03-19T11:00:00Z'),
    })
    .execute()
}

await consensus(p1, [5, 5, 5]) // 15 → rank 1
await consensus(p2, [4.5, 4.5, 4.5]) // 13.5 → rank 2
await consensus(p3, [4, 4, 4]) // 12 → rank 3
await consensus(p4, [4, 4, 3.5]) // 11.5 → rank 4
await consensus(p5, [3.5, 3.5, 3.5]) // 10.5 → rank 5

type Item = {
  acronym: string
  status: string
  rank: number | null
  reserveRank: number | null
  explanation: { code: string; params: Record<string, unknown> }
}
const rows = (items: Item[]) => items.map((i) => [i.acronym, i.status, i.rank, i.reserveRank, i.explanation.code])

test('no scenario before every application has a final consensus', async () => {
  const r = await f.operator.post(base, { name: 'Too early', params: {} })
  assert.equal(r.status, 409)
  assert.equal(r.body.code, 'ranking_incomplete')
  assert.equal(r.body.missing, 1)
  const list = await f.operator.get(base)
  assert.equal(list.status, 200)
  assert.equal(list.body.rankingComplete, false)
  await consensus(p6, [2, 5, 5]) // out: excellence under its threshold of 3
})

let a = ''
let b = ''

test('a scenario funds in rank order within the budget; reserve and out are explained', async () => {
  const r = await f.operator.post(base, { name: 'Budget 200k', params: { budgetCents: 20_000_000 } })
  assert.equal(r.status, 201)
  a = r.body.id
  assert.equal(r.body.status, 'draft')
  assert.deepEqual(r.body.params, {
    budgetCents: 20_000_000,
    quotas: [],
    perOrganisationCapCents: 6_000_000,
    maxPerCountry: null,
  })
  assert.equal(r.body.spentCents, 14_000_000)
  assert.deepEqual([r.body.selectedCount, r.body.reserveCount, r.body.outCount], [2, 3, 1])
  assert.deepEqual(rows(r.body.items), [
    ['PRJ1', 'selected', 1, null, 'selected_in_rank'],
    ['PRJ2', 'selected', 2, null, 'selected_in_rank'],
    ['PRJ3', 'reserve', 3, 1, 'reserve'],
    ['PRJ4', 'reserve', 4, 2, 'reserve'],
    ['PRJ5', 'reserve', 5, 3, 'reserve'],
    ['PRJ6', 'out', null, null, 'not_ranked'],
  ])
  assert.deepEqual(r.body.items[0].explanation.params, { rank: 1, grantedCents: 7_000_000 })
  assert.equal(r.body.items[0].grantedCents, 7_000_000)
  assert.equal(r.body.items[0].leadCountry, 'BE')
  assert.equal(r.body.items[0].challengeCode, 'D1-C1')
  assert.deepEqual(r.body.items[2].explanation.params, {
    reserveRank: 1,
    reason: 'budget_exhausted',
    detail: { requestedCents: 7_000_000, remainingCents: 6_000_000 },
  })
  assert.deepEqual(r.body.items[5].explanation.params, {
    reasons: [
      {
        code: 'criterion_threshold',
        criterionId: 'excellence',
        criterion: EXCELLENCE,
        score: 2,
        threshold: 3,
      },
    ],
  })
  const audit = await t.db.selectFrom('audit_events').select(['action']).where('subject_id', '=', a).execute()
  assert.deepEqual(
    audit.map((x) => x.action),
    ['selection.scenario_created'],
  )
  // The stored result keeps INTERFACES §C's shape.
  const stored = await t.db
    .selectFrom('selection_scenarios')
    .select('result')
    .where('id', '=', a)
    .executeTakeFirstOrThrow()
  const result = stored.result as { selected: unknown[]; reserve: unknown[]; out: unknown[] }
  assert.deepEqual(result.selected, [
    { applicationId: p1, rank: 1, grantedCents: 7_000_000 },
    { applicationId: p2, rank: 2, grantedCents: 7_000_000 },
  ])
  assert.deepEqual(result.reserve, [
    { applicationId: p3, rank: 3, reserveRank: 1 },
    { applicationId: p4, rank: 4, reserveRank: 2 },
    { applicationId: p5, rank: 5, reserveRank: 3 },
  ])
  assert.deepEqual(result.out, [{ applicationId: p6, rank: null }])
})

test('a minimum per domain keeps room for a lower-ranked application; comparing two scenarios', async () => {
  clock.advance(60_000) // the list is newest first
  const r = await f.operator.post(base, {
    name: 'D2 at least once',
    params: { budgetCents: 20_000_000, quotas: [{ scope: 'domain', key: 'D2', min: 1, max: null }] },
  })
  assert.equal(r.status, 201)
  b = r.body.id
  assert.deepEqual(rows(r.body.items).slice(0, 3), [
    ['PRJ1', 'selected', 1, null, 'selected_in_rank'],
    ['PRJ3', 'selected', 3, null, 'selected_in_rank'],
    ['PRJ2', 'reserve', 2, 1, 'reserve'],
  ])
  assert.deepEqual(r.body.items[2].explanation.params, {
    reserveRank: 1,
    reason: 'quota_min_reserved',
    detail: { quotas: [{ scope: 'domain', key: 'D2', min: 1, max: null }] },
  })
  const c = await f.operator.get(`${base}/compare?a=${a}&b=${b}`)
  assert.equal(c.status, 200)
  assert.deepEqual(
    c.body.moves.map((m: { acronym: string; rank: number; from: string; to: string }) => [
      m.acronym,
      m.rank,
      m.from,
      m.to,
    ]),
    [
      ['PRJ2', 2, 'selected', 'reserve'],
      ['PRJ3', 3, 'reserve', 'selected'],
    ],
  )
  assert.equal(c.body.spentDeltaCents, 0)
  assert.equal(c.body.selectedDelta, 0)
  assert.equal(c.body.a.name, 'Budget 200k')
  assert.equal(c.body.b.name, 'D2 at least once')
  const list = await f.operator.get(base)
  assert.equal(list.body.rankingComplete, true)
  assert.equal(list.body.rankedCount, 5)
  assert.deepEqual(list.body.defaults, { budgetCents: 50_000_000, perOrganisationCapCents: 6_000_000 })
  assert.deepEqual(list.body.challenges, [
    { code: 'D1-C1', domainCode: 'D1', count: 2 },
    { code: 'D1-C2', domainCode: 'D1', count: 2 },
    { code: 'D2-C1', domainCode: 'D2', count: 1 },
  ])
  assert.deepEqual(list.body.domains, [
    { code: 'D1', count: 4 },
    { code: 'D2', count: 1 },
  ])
  assert.deepEqual(
    list.body.items.map((s: { name: string }) => s.name),
    ['D2 at least once', 'Budget 200k'],
  )
})

test('infeasible quotas and bad parameters are refused with the quota named', async () => {
  const r = await f.operator.post(base, {
    name: 'Too many',
    params: { quotas: [{ scope: 'challenge', key: 'D1-C2', min: 3 }] },
  })
  assert.equal(r.status, 409)
  assert.equal(r.body.code, 'selection_infeasible')
  assert.deepEqual(r.body.quota, { scope: 'challenge', key: 'D1-C2', min: 3, max: null })
  assert.equal(r.body.available, 2)
  const bad = await f.operator.post(base, {
    name: 'Inverted',
    params: { quotas: [{ scope: 'challenge', key: 'D1-C2', min: 2, max: 1 }] },
  })
  assert.equal(bad.status, 400)
  assert.equal(bad.body.code, 'validation_failed')
  const count = await t.db
    .selectFrom('selection_scenarios')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('call_id', '=', f.call.id)
    .executeTakeFirstOrThrow()
  assert.equal(Number(count.n), 2)
})

test('the cap per organisation counts what it was granted in the programme’s other calls', async () => {
  // PRJ1's lead organisation is in a funded application of another call of the programme: €50,000 of
  // the €70,000 granted there is its share; with its €40,000 here it would pass €60,000.
  const other = await evaluationFixture(t, { applications: 1, experts: 0 })
  const past = await createApplication(t.db, {
    callId: other.call.id,
    callCode: other.call.code,
    acronym: 'PAST',
    challengeCode: null,
    partners: [
      { org: f.orgs[0]!, requested: 50_000 },
      { org: other.orgs[1]!, requested: 20_000 },
    ],
    submissions: [new Date(CLOSES_AT.getTime() - 3_600_000)],
  })
  await t.db.updateTable('applications').set({ admissibility: 'admissible' }).where('id', '=', past.id).execute()
  await t.db
    .insertInto('evaluation_decisions')
    .values({
      application_id: past.id,
      call_id: other.call.id,
      outcome: 'funded',
      rank: 1,
      granted_cents: 7_000_000,
      requested_cents: 7_000_000,
      decided_at: new Date('2026-03-16T10:00:00Z'),
    })
    .execute()
  const r = await f.operator.post(base, { name: 'With history', params: { budgetCents: 20_000_000 } })
  assert.equal(r.status, 201)
  assert.deepEqual(rows(r.body.items), [
    ['PRJ2', 'selected', 2, null, 'selected_in_rank'],
    ['PRJ3', 'selected', 3, null, 'selected_in_rank'],
    ['PRJ4', 'reserve', 4, 1, 'reserve'],
    ['PRJ5', 'reserve', 5, 2, 'reserve'],
    ['PRJ1', 'out', 1, null, 'organisation_cap'],
    ['PRJ6', 'out', null, null, 'not_ranked'],
  ])
  assert.deepEqual(r.body.items[4].explanation.params, {
    organisationId: f.orgs[0]!.id,
    name: f.orgs[0]!.legalName,
    capCents: 6_000_000,
    priorCents: 5_000_000,
    selectedCents: 0,
    requestedCents: 4_000_000,
  })
  // A draft can be deleted.
  const del = await f.operator.delete(`${base}/${r.body.id}`)
  assert.equal(del.status, 204)
  assert.equal((await f.operator.get(`${base}/${r.body.id}`)).status, 404)
  await t.db.deleteFrom('evaluation_decisions').where('application_id', '=', past.id).execute()
})

test('the XLSX export lists every application with its explanation in words', async () => {
  const r = await f.operator.get(`${base}/${a}/export?lang=en`)
  assert.equal(r.status, 200)
  assert.equal(r.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  assert.equal(ws.name, 'Budget 200k')
  assert.equal(ws.rowCount, 7)
  const row = (n: number) => Array.from({ length: 13 }, (_, i) => ws.getRow(n).getCell(i + 1).value)
  assert.deepEqual(row(1).slice(0, 4), ['Status', 'Rank', 'Reserve rank', 'Reference'])
  assert.deepEqual(row(2).slice(0, 3), ['Funded', 1, null])
  assert.equal(row(2)[11], 70_000)
  assert.equal(row(2)[12], 'Funded in rank order (rank 1): €70,000.00.')
  assert.equal(
    row(4)[12],
    'Reserve no. 1. Requested €70,000.00 but only €60,000.00 of the budget was left after the higher-ranked applications.',
  )
  // Out of the ranking: the reason, with the criterion by its name, in the requester's language.
  assert.equal(row(7)[12], 'Not ranked: Excellence: 2 under the threshold of 3.')
  const fr = new ExcelJS.Workbook()
  await fr.xlsx.load((await f.operator.get(`${base}/${a}/export?lang=fr`)).raw.rawPayload as unknown as ArrayBuffer)
  assert.equal(fr.worksheets[0]!.getRow(7).getCell(13).value, `Non classée : ${EXCELLENCE.fr} : 2 sous le seuil de 3.`)
})

test('adopting: not before the panel phase, once per call, replace supersedes, drafts only deleted, refused once decisions exist', async () => {
  // The panel adopts: while its phase is ahead, adopting is refused.
  await setPhases(t.db, f.call.id, { panel: [new Date('2026-03-21T09:00:00Z'), new Date('2026-03-22T17:00:00Z')] })
  const early = await f.operator.post(`${base}/${a}/adopt`, {})
  assert.deepEqual([early.status, early.body.code, early.body.phase], [409, 'evaluation_phase_closed', 'panel'])
  await setPhases(t.db, f.call.id, { panel: [new Date('2026-03-20T09:00:00Z'), new Date('2026-03-22T17:00:00Z')] })
  const one = await f.operator.post(`${base}/${a}/adopt`, {})
  assert.equal(one.status, 200)
  assert.equal(one.body.status, 'adopted')
  assert.equal(one.body.adoptedAt, '2026-03-20T10:01:00.000Z')
  const again = await f.operator.post(`${base}/${a}/adopt`, {})
  assert.equal(again.status, 200)
  const second = await f.operator.post(`${base}/${b}/adopt`, {})
  assert.equal(second.status, 409)
  assert.equal(second.body.code, 'scenario_adopted')
  assert.equal(second.body.adoptedScenarioId, a)
  const replaced = await f.operator.post(`${base}/${b}/adopt`, { replace: true })
  assert.equal(replaced.status, 200)
  assert.equal((await f.operator.get(`${base}/${a}`)).body.status, 'superseded')
  const adopted = await adoptedScenario(t.db, f.call.id)
  assert.equal(adopted?.id, b)
  assert.deepEqual(
    adopted?.result.selected.map((s) => s.applicationId),
    [p1, p3],
  )
  assert.equal((await f.operator.delete(`${base}/${a}`)).body.code, 'scenario_adopted')
  assert.equal((await f.operator.delete(`${base}/${b}`)).status, 409)
  await t.db
    .insertInto('evaluation_decisions')
    .values({
      application_id: p1,
      call_id: f.call.id,
      outcome: 'funded',
      rank: 1,
      granted_cents: 7_000_000,
      requested_cents: 7_000_000,
      scenario_id: b,
      decided_at: new Date('2026-03-20T10:00:00Z'),
    })
    .execute()
  const late = await f.operator.post(`${base}/${a}/adopt`, { replace: true })
  assert.equal(late.status, 409)
  assert.equal(late.body.code, 'decisions_exist')
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'subject_id'])
    .where('action', '=', 'selection.scenario_adopted')
    .orderBy('occurred_at')
    .execute()
  assert.deepEqual(
    audit.map((x) => x.subject_id),
    [a, b],
  )
})

test('operators of the programme only; unknown scenarios are 404', async () => {
  const expert = f.experts[0]!.client
  assert.equal((await expert.get(base)).status, 403)
  assert.equal((await expert.post(base, { name: 'x', params: {} })).status, 403)
  assert.equal((await expert.post(`${base}/${b}/adopt`, {})).status, 403)
  assert.equal((await f.operator.get(`${base}/${crypto.randomUUID()}`)).body.code, 'scenario_not_found')
  assert.equal((await f.operator.get(`${base}/compare?a=${a}&b=${crypto.randomUUID()}`)).status, 404)
})
