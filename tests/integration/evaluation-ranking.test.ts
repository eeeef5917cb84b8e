/**
 * Ranking (issue 7 §8) through the API: final consensus records written straight to the database, the
 * ranking with exact ranks, out reasons and the tie-break rule that decided each tie; the call's own
 * tie-break order; the XLSX export of the ranking read back with exceljs; operators only.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { computeRanking } from '../../server/modules/evaluation/ranking/queries/ranking.ts'
import { FixedClock } from '../../server/platform/clock.ts'
import { evaluationFixture } from '../factories/evaluation.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp({ clock: new FixedClock('2026-03-20T10:00:00Z') })
const f = await evaluationFixture(t, { applications: 6, experts: 1, challengeCodes: ['D1-C1', 'D1-C2', 'D2-C1'] })
const [p1, p2, p3, p4, p5, p6] = f.applications.map((a) => a.id) as [string, string, string, string, string, string]

async function consensus(applicationId: string, s: [number, number, number], status: 'final' | 'draft' = 'final') {
  const [excellence, impact, implementation] = s
  const cell = (score: number) => ({ score, comment: 'Agreed by the panel.', justification: '' })
  await t.db
    .insertInto('consensus_records')
    .values({
      application_id: applicationId,
      call_id: f.call.id,
      scores: JSON.stringify({
        excellence: cell(excellence),
        impact: cell(impact),
        implementation: cell(implementation),
      }),
      overall_comment: 'Overall.',
      status,
      recorded_at: new Date('2026-03-19T10:00:00Z'),
      finalised_at: status === 'final' ? new Date('2026-03-19T11:00:00Z') : null,
    })
    .execute()
}

// Challenges in turn: PRJ1 D1-C1, PRJ2 D1-C2, PRJ3 D2-C1, PRJ4 D1-C1, PRJ5 D1-C2, PRJ6 D2-C1.
await consensus(p1, [5, 5, 5]) // 15
await consensus(p2, [4, 4, 4]) // 12, D1-C2 uncovered, submitted before PRJ3
await consensus(p3, [4, 4, 4]) // 12, D2-C1 uncovered
await consensus(p4, [4.5, 4, 3.5]) // 12, D1-C1 covered by PRJ1
await consensus(p5, [2.5, 5, 5]) // out: excellence under 3
await consensus(p6, [5, 5, 5], 'draft') // out: no final consensus

const url = `/api/v1/calls/${f.call.id}/evaluation/ranking`

test('the ranking: totals, exact ranks, out reasons, the rule that decided each tie', async () => {
  const r = await f.operator.get(url)
  assert.equal(r.status, 200)
  assert.equal(r.body.complete, false)
  assert.equal(r.body.totalThreshold, 10)
  assert.deepEqual(
    r.body.criteria.map((c: { id: string; weight: number; threshold: number }) => [c.id, c.weight, c.threshold]),
    [
      ['excellence', 1, 3],
      ['impact', 1, 3],
      ['implementation', 1, 3],
    ],
  )
  type Item = {
    acronym: string
    rank: number | null
    total: number | null
    out: unknown[]
    tieBreak: null | { rule: string; tiedWith: string[]; position: number; groupSize: number; beats: unknown[] }
  }
  const items = r.body.items as Item[]
  assert.deepEqual(
    items.map((i) => [i.acronym, i.rank, i.total, i.tieBreak?.rule ?? null]),
    [
      ['PRJ1', 1, 15, null],
      ['PRJ2', 2, 12, 'earlier_submission'],
      ['PRJ3', 3, 12, 'uncovered_challenge'],
      ['PRJ4', 4, 12, 'uncovered_challenge'],
      ['PRJ5', null, 12.5, null],
      ['PRJ6', null, null, null],
    ],
  )
  assert.deepEqual(items[4]!.out, [
    { code: 'criterion_threshold', criterionId: 'excellence', score: 2.5, threshold: 3 },
  ])
  assert.deepEqual(items[5]!.out, [{ code: 'no_consensus' }])
  assert.deepEqual(items[1]!.tieBreak, {
    tiedWith: [p3, p4],
    rule: 'earlier_submission',
    position: 1,
    groupSize: 3,
    beats: [
      {
        applicationId: p3,
        rule: 'earlier_submission',
        mine: '2026-03-13T16:01:00.000Z',
        theirs: '2026-03-13T16:02:00.000Z',
      },
      { applicationId: p4, rule: 'uncovered_challenge', mine: true, theirs: false },
    ],
    beatenBy: [],
  })
  assert.deepEqual(
    r.body.tieBreaks.map((x: { rule: string }) => x.rule),
    ['uncovered_challenge', 'criterion', 'more_smes', 'more_countries', 'earlier_submission'],
  )
})

test('computeRanking (used by selection and decisions) gives the same order with the facts', async () => {
  const ranking = await computeRanking(t.db, f.call.id)
  assert.deepEqual(
    ranking.items.map((i) => [i.facts.acronym, i.rank, i.facts.challengeCode, i.facts.requestedCents]),
    [
      ['PRJ1', 1, 'D1-C1', 7_000_000],
      ['PRJ2', 2, 'D1-C2', 7_000_000],
      ['PRJ3', 3, 'D2-C1', 7_000_000],
      ['PRJ4', 4, 'D1-C1', 7_000_000],
      ['PRJ5', null, 'D1-C2', 7_000_000],
      ['PRJ6', null, 'D2-C1', 7_000_000],
    ],
  )
})

test('the XLSX export: translated headers, one row per application in ranking order', async () => {
  const res = await f.operator.get(`${url}/export?format=xlsx&lang=fr`)
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-disposition']), /ranking-.*-2026-03-20\.xlsx/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  assert.equal(ws.name, 'Classement')
  const header = (ws.getRow(1).values as unknown[]).slice(1)
  assert.deepEqual(header.slice(0, 10), [
    'Rang',
    'Référence',
    'Acronyme',
    'Titre',
    'Défi',
    'Domaine',
    'Total pondéré',
    'Excellence',
    'Impact',
    'Qualité et efficacité de la mise en œuvre',
  ])
  const rows = []
  for (let i = 2; i <= ws.rowCount; i++) {
    const v = ws.getRow(i).values as unknown[]
    rows.push([v[1] ?? null, v[3], v[7] ?? null, v[11] ?? null, v[12] ?? null, v[13] ?? null])
  }
  assert.deepEqual(rows, [
    [1, 'PRJ1', 15, null, null, null],
    [2, 'PRJ2', 12, null, 'Soumission plus précoce', 'PRJ3; PRJ4'],
    [3, 'PRJ3', 12, null, 'Couvre un défi pas encore couvert', 'PRJ2; PRJ4'],
    [4, 'PRJ4', 12, null, 'Couvre un défi pas encore couvert', 'PRJ2; PRJ3'],
    [null, 'PRJ5', 12.5, 'Excellence : 2,5 sous le seuil de 3', null, null],
    [null, 'PRJ6', null, 'Pas de consensus final', null, null],
  ])
})

test('the CSV export: the same rows, in English', async () => {
  const res = await f.operator.get(`${url}/export?format=csv&lang=en`)
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-type']), /text\/csv/)
  const lines = res.raw.rawPayload
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  assert.equal(lines.length, 7)
  assert.match(lines[0]!, /^Rank,Reference,Acronym,Title,Challenge,Domain,Weighted total,Excellence,Impact,/)
  assert.deepEqual(
    lines.slice(1).map((l) => l.split(',').slice(0, 3)),
    f.applications.map((a, i) => [i < 4 ? String(i + 1) : '', a.reference, a.acronym]),
  )
  assert.ok(lines[5]!.includes('Excellence: 2.5 under the threshold of 3'))
})

test('the call’s own tie-break order: Excellence first', async () => {
  await t.db
    .insertInto('evaluation_settings')
    .values({
      call_id: f.call.id,
      tie_breaks: JSON.stringify([{ rule: 'criterion', criterionId: 'excellence' }, { rule: 'more_smes' }]),
      updated_at: new Date('2026-03-19T09:00:00Z'),
    })
    .execute()
  const r = await f.operator.get(url)
  assert.deepEqual(
    (
      r.body.items as {
        acronym: string
        rank: number | null
        tieBreak: { rule: string; criterionId?: string } | null
      }[]
    )
      .slice(0, 4)
      .map((i) => [i.acronym, i.rank, i.tieBreak?.rule ?? null, i.tieBreak?.criterionId ?? null]),
    [
      ['PRJ1', 1, null, null],
      ['PRJ4', 2, 'criterion', 'excellence'],
      ['PRJ2', 3, 'earlier_submission', null],
      ['PRJ3', 4, 'earlier_submission', null],
    ],
  )
  await t.db.deleteFrom('evaluation_settings').where('call_id', '=', f.call.id).execute()
})

test('operators only: an expert is refused, a signed-out visitor must sign in', async () => {
  const e = await f.experts[0]!.client.get(url)
  assert.equal(e.status, 403)
  const x = await f.experts[0]!.client.get(`${url}/export`)
  assert.equal(x.status, 403)
  const anon = await t.client().get(url)
  assert.equal(anon.status, 401)
})
