/**
 * The operators' evaluation views (issue 7 §12): progress per expert and per application, the score
 * distributions per criterion, each expert's calibration against the others (exact values), and the
 * XLSX exports of the individual evaluations and of the consensus read back with exceljs.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { FixedClock } from '../../server/platform/clock.ts'
import { assign, evaluationFixture } from '../factories/evaluation.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp({ clock: new FixedClock('2026-03-20T10:00:00Z') })
const f = await evaluationFixture(t, { applications: 4, experts: 4, challengeCodes: ['D1-C1'] })
const [a0, a1, a2, a3] = f.applications.map((a) => a.id) as [string, string, string, string]
const [e1, e2, e3, e4] = f.experts.map((e) => e.id) as [string, string, string, string]

async function evaluate(
  applicationId: string,
  userId: string,
  s: [number | null, number | null, number | null],
  status: 'submitted' | 'draft' = 'submitted',
  assignment: 'confirmed' | 'assigned' = 'confirmed',
) {
  const assignmentId = await assign(t.db, f.call.id, applicationId, userId, { status: assignment })
  const [excellence, impact, implementation] = s
  const cell = (score: number | null) => ({ score, comment: `Comment ${score}` })
  await t.db
    .insertInto('evaluations')
    .values({
      assignment_id: assignmentId,
      call_id: f.call.id,
      application_id: applicationId,
      user_id: userId,
      revision: 1,
      scores: JSON.stringify({
        excellence: cell(excellence),
        impact: cell(impact),
        implementation: cell(implementation),
      }),
      overall_comment: 'Overall view.',
      status,
      created_at: new Date('2026-03-16T10:00:00Z'),
      updated_at: new Date('2026-03-17T10:00:00Z'),
      submitted_at: status === 'submitted' ? new Date('2026-03-17T10:00:00Z') : null,
    })
    .execute()
}

await evaluate(a0, e1, [4, 4, 4])
await evaluate(a0, e2, [3, 3, 3])
await evaluate(a0, e3, [5, 4, null])
await evaluate(a1, e1, [5, 5, 5])
await evaluate(a1, e2, [4, 4, 4])
await evaluate(a1, e3, [0, 0, 0], 'draft', 'assigned')
await evaluate(a2, e4, [3, 3, 3])
// e1 recused from a3.
const recused = await assign(t.db, f.call.id, a3, e1, { status: 'assigned' })
await t.db
  .updateTable('evaluation_assignments')
  .set({ status: 'recused', recused_at: new Date('2026-03-15T12:00:00Z'), recusal_reason: 'Worked with the lead.' })
  .where('id', '=', recused)
  .execute()
await t.db
  .insertInto('consensus_records')
  .values([
    {
      application_id: a0,
      call_id: f.call.id,
      scores: JSON.stringify({
        excellence: { score: 4, comment: 'Strong concept.', justification: '' },
        impact: { score: 3.5, comment: 'Clear users.', justification: 'Weighed the end-user expert higher.' },
        implementation: { score: 3.5, comment: 'Sound plan.', justification: '' },
      }),
      overall_comment: 'Fundable.',
      minority_view: 'One expert found the plan thin.',
      status: 'final',
      recorded_at: new Date('2026-03-19T10:00:00Z'),
      finalised_at: new Date('2026-03-19T11:00:00Z'),
    },
    { application_id: a1, call_id: f.call.id, status: 'draft', recorded_at: new Date('2026-03-19T12:00:00Z') },
  ])
  .execute()

const base = `/api/v1/calls/${f.call.id}/evaluation`

test('progress per expert and per application, with totals', async () => {
  const r = await f.operator.get(`${base}/progress`)
  assert.equal(r.status, 200)
  const counts = (x: Record<string, unknown>) => [x.assigned, x.confirmed, x.drafts, x.submitted, x.recused]
  assert.deepEqual(
    r.body.experts.map((x: Record<string, unknown>) => [x.userId, ...counts(x)]),
    [
      [e1, 2, 2, 0, 2, 1],
      [e2, 2, 2, 0, 2, 0],
      [e3, 2, 1, 1, 1, 0],
      [e4, 1, 1, 0, 1, 0],
    ],
  )
  assert.deepEqual(
    r.body.applications.map((x: Record<string, unknown>) => [x.acronym, ...counts(x), x.consensus]),
    [
      ['PRJ1', 3, 3, 0, 3, 0, 'final'],
      ['PRJ2', 3, 2, 1, 2, 0, 'draft'],
      ['PRJ3', 1, 1, 0, 1, 0, 'none'],
      ['PRJ4', 0, 0, 0, 0, 1, 'none'],
    ],
  )
  assert.deepEqual(r.body.totals, {
    applications: 4,
    experts: 4,
    assigned: 7,
    confirmed: 6,
    drafts: 1,
    submitted: 6,
    recused: 1,
    consensusFinal: 1,
  })
})

test('score distributions per criterion and each expert’s calibration, exact', async () => {
  const r = await f.operator.get(`${base}/statistics`)
  assert.equal(r.status, 200)
  assert.deepEqual(r.body.scale, { min: 0, max: 5, step: 0.5 })
  const [exc, imp, impl] = r.body.distributions as {
    criterionId: string
    n: number
    mean: number
    bins: { score: number; count: number }[]
  }[]
  assert.equal(exc!.criterionId, 'excellence')
  assert.equal(exc!.bins.length, 11)
  const nonZero = (d: typeof exc) => d!.bins.filter((b) => b.count > 0).map((b) => [b.score, b.count])
  // Submitted only: a0 4, 3, 5; a1 5, 4; a2 3 (the draft's 0 is left out).
  assert.deepEqual(
    [exc!.n, exc!.mean, nonZero(exc)],
    [
      6,
      4,
      [
        [3, 2],
        [4, 2],
        [5, 2],
      ],
    ],
  )
  assert.deepEqual(
    [imp!.n, imp!.mean, nonZero(imp)],
    [
      6,
      3.833333,
      [
        [3, 2],
        [4, 3],
        [5, 1],
      ],
    ],
  )
  // e3 left implementation empty on a0.
  assert.deepEqual(
    [impl!.n, impl!.mean, nonZero(impl)],
    [
      5,
      3.8,
      [
        [3, 2],
        [4, 2],
        [5, 1],
      ],
    ],
  )
  const cal = Object.fromEntries(
    (
      r.body.calibration as {
        userId: string
        meanDeviation: number | null
        n: number
        perCriterion: { criterionId: string; meanDeviation: number | null; n: number }[]
      }[]
    ).map((c) => [c.userId, [c.meanDeviation, c.n, c.perCriterion.map((p) => [p.meanDeviation, p.n])]]),
  )
  // e1 — a0: excellence 4 − (3+5)/2 = 0, impact 4 − (3+4)/2 = 0.5, implementation 4 − 3 = 1 → 0.5;
  //      a1: 5 − 4 on each → 1 (e3's draft does not count). Mean 0.75 over 2 applications.
  assert.deepEqual(cal[e1], [
    0.75,
    2,
    [
      [0.5, 2],
      [0.75, 2],
      [1, 2],
    ],
  ])
  // e2 — a0: 3 − 4.5, 3 − 4, 3 − 4 → −7/6; a1: −1 → mean −13/12.
  assert.deepEqual(cal[e2], [
    -1.083333,
    2,
    [
      [-1.25, 2],
      [-1, 2],
      [-1, 2],
    ],
  ])
  // e3 — a0 only: 5 − 3.5 = 1.5, 4 − 3.5 = 0.5 (no implementation score) → 1.
  assert.deepEqual(cal[e3], [
    1,
    1,
    [
      [1.5, 1],
      [0.5, 1],
      [null, 0],
    ],
  ])
  // e4 — alone on a2: nothing to compare.
  assert.deepEqual(cal[e4], [
    null,
    0,
    [
      [null, 0],
      [null, 0],
      [null, 0],
    ],
  ])
})

async function sheet(url: string) {
  const res = await f.operator.get(url)
  assert.equal(res.status, 200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  const rows: unknown[][] = []
  for (let i = 1; i <= ws.rowCount; i++)
    rows.push(Array.from((ws.getRow(i).values as unknown[]).slice(1), (v) => v ?? null))
  return { name: ws.name, rows, disposition: String(res.headers['content-disposition']) }
}

test('the evaluations export: one row per evaluation, scores and comments per criterion', async () => {
  const { name, rows, disposition } = await sheet(`${base}/evaluations/export?lang=nl`)
  assert.equal(name, 'Evaluaties')
  assert.match(disposition, /evaluations-.*-2026-03-20\.xlsx/)
  assert.deepEqual(rows[0]!.slice(0, 9), [
    'Referentie',
    'Acroniem',
    'Expert',
    'E-mail',
    'Status',
    'Toewijzing',
    'Revisie',
    'Excellentie',
    'Opmerking: Excellentie',
  ])
  assert.equal(rows.length, 8)
  const names = new Map(f.experts.map((e) => [e.id, e.name]))
  assert.deepEqual(
    rows.slice(1).map((r) => [r[1], r[2], r[4], r[7] ?? null, r[8]]),
    [
      ['PRJ1', names.get(e1), 'Ingediend', 4, 'Comment 4'],
      ['PRJ1', names.get(e2), 'Ingediend', 3, 'Comment 3'],
      ['PRJ1', names.get(e3), 'Ingediend', 5, 'Comment 5'],
      ['PRJ2', names.get(e1), 'Ingediend', 5, 'Comment 5'],
      ['PRJ2', names.get(e2), 'Ingediend', 4, 'Comment 4'],
      ['PRJ2', names.get(e3), 'Concept', 0, 'Comment 0'],
      ['PRJ3', names.get(e4), 'Ingediend', 3, 'Comment 3'],
    ],
  )
})

test('the consensus export: scores, comments, justifications, minority view', async () => {
  const { name, rows } = await sheet(`${base}/consensus/export?lang=en`)
  assert.equal(name, 'Consensus')
  assert.deepEqual(rows[0], [
    'Reference',
    'Acronym',
    'Status',
    'Excellence',
    'Comment: Excellence',
    'Justification: Excellence',
    'Impact',
    'Comment: Impact',
    'Justification: Impact',
    'Quality and efficiency of the implementation',
    'Comment: Quality and efficiency of the implementation',
    'Justification: Quality and efficiency of the implementation',
    'Overall comment',
    'Minority view',
    'Recorded at (UTC)',
    'Finalised at (UTC)',
  ])
  assert.deepEqual(rows[1]!.slice(1, 14), [
    'PRJ1',
    'Final',
    4,
    'Strong concept.',
    null,
    3.5,
    'Clear users.',
    'Weighed the end-user expert higher.',
    3.5,
    'Sound plan.',
    null,
    'Fundable.',
    'One expert found the plan thin.',
  ])
  assert.deepEqual(rows[2]!.slice(1, 4), ['PRJ2', 'Draft', null])
  assert.equal(rows.length, 3)
})

test('views and exports are for the programme’s operators only', async () => {
  for (const path of ['progress', 'statistics', 'evaluations/export', 'consensus/export']) {
    const r = await f.experts[0]!.client.get(`${base}/${path}`)
    assert.equal(r.status, 403, path)
  }
})
