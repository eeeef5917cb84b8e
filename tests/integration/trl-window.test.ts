/**
 * The TRL window of the badge: the programme's where no call is in context (its latest published, not
 * cancelled call's configured window, else 5–8; a draft's window never shows), the call's where the
 * catalogue is filtered by one (`?call=`: the solutions for the challenges in its scope).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { callConfigBody, insertCall } from '../factories/calls.ts'
import { catalogueOrg, catalogueSolution } from '../factories/catalogue.ts'
import { createTestApp, type Res } from '../support/app.ts'

const t = await createTestApp({ clock: new FixedClock('2026-03-20T12:00:00Z') })
const anonymous = t.client()

function ok(res: Res) {
  assert.equal(res.status, 200, JSON.stringify(res.body))
  return res.body
}

const challengeId = async (code: string) =>
  (await t.db.selectFrom('challenges').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

const org = await catalogueOrg(t.db, { legalName: 'Window Works BV', country: 'NL' })
await catalogueSolution(t.db, { organisationId: org.id, name: 'Low', trl: 4, challenges: ['D1-C1'] })
const mid = await catalogueSolution(t.db, { organisationId: org.id, name: 'Mid', trl: 6, challenges: ['D1-C1'] })
const high = await catalogueSolution(t.db, { organisationId: org.id, name: 'High', trl: 8, challenges: ['D3-C1'] })

/** The catalogue's window and each solution's badge, by name. */
async function badges(query = '') {
  const page = ok(await anonymous.get(`/api/v1/solutions?pageSize=50${query}`))
  const fits = Object.fromEntries(page.items.map((i: { name: string; fitsWindow: boolean }) => [i.name, i.fitsWindow]))
  return { window: page.trlWindow, fits, total: page.total }
}

const config = (min: number, max: number) => callConfigBody({ trl: { min, max } })

test('without a published call the programme window is 5–8 (the seed’s OC1 and OC2 are drafts)', async () => {
  assert.deepEqual(await badges(), {
    window: { min: 5, max: 8 },
    fits: { Low: false, Mid: true, High: true },
    total: 3,
  })
  const one = ok(await anonymous.get(`/api/v1/solutions/${high.id}`))
  assert.deepEqual([one.fitsProgrammeWindow, one.programmeTrlWindow], [true, { min: 5, max: 8 }])
  assert.deepEqual(one.trl.trlFit.window, { min: 5, max: 8 })
})

test('the programme window is its latest published call’s; drafts and cancelled calls do not count', async () => {
  await insertCall(t.db, {
    programmeId: t.programmeId,
    code: 'WIN1',
    config: config(3, 6),
    challengeIds: [await challengeId('D1-C1')],
  })
  // Later calls that are not listed: a draft and a cancelled one.
  await insertCall(t.db, {
    programmeId: t.programmeId,
    code: 'WINDRAFT',
    opensAt: '2026-09-01T07:00:00Z',
    closesAt: '2026-10-01T15:00:00Z',
    config: config(9, 9),
    draft: true,
    challengeIds: [await challengeId('D1-C1')],
  })
  const cancelled = await insertCall(t.db, {
    programmeId: t.programmeId,
    code: 'WINGONE',
    opensAt: '2026-08-01T07:00:00Z',
    closesAt: '2026-09-01T15:00:00Z',
    config: config(1, 2),
  })
  await t.db
    .updateTable('calls')
    .set({ cancelled_at: new Date('2026-03-19T10:00:00Z') })
    .where('id', '=', cancelled.id)
    .execute()

  assert.deepEqual(await badges(), {
    window: { min: 3, max: 6 },
    fits: { Low: true, Mid: true, High: false },
    total: 3,
  })
  const one = ok(await anonymous.get(`/api/v1/solutions/${high.id}`))
  assert.deepEqual([one.fitsProgrammeWindow, one.programmeTrlWindow], [false, { min: 3, max: 6 }])
  assert.deepEqual(one.trl.trlFit.window, { min: 3, max: 6 })

  // A call that opens later takes over.
  await insertCall(t.db, {
    programmeId: t.programmeId,
    code: 'WIN2',
    opensAt: '2026-05-04T07:00:00Z',
    closesAt: '2026-06-30T15:00:00Z',
    config: config(7, 9),
    challengeIds: [await challengeId('D3-C1')],
  })
  assert.deepEqual(await badges(), {
    window: { min: 7, max: 9 },
    fits: { Low: false, Mid: false, High: true },
    total: 3,
  })
})

test('filtered by a call, the catalogue lists the solutions for its challenges, badged against its window', async () => {
  assert.deepEqual(await badges('&call=WIN1'), { window: { min: 3, max: 6 }, fits: { Low: true, Mid: true }, total: 2 })
  assert.deepEqual(await badges('&call=win2'), { window: { min: 7, max: 9 }, fits: { High: true }, total: 1 })
  // With other filters and the sort by TRL; the facets count the same rows.
  const page = ok(await anonymous.get('/api/v1/solutions?call=WIN1&trlMin=5&sort=trl'))
  assert.deepEqual(
    page.items.map((i: { id: string }) => i.id),
    [mid.id],
  )
  const facets = ok(await anonymous.get('/api/v1/solutions/facets?call=WIN1'))
  assert.equal(facets.total, 2)
  assert.deepEqual(
    facets.trl.map((v: { value: string; count: number }) => [v.value, v.count]),
    [
      ['4', 1],
      ['6', 1],
    ],
  )
  // A draft, a cancelled call or an unknown code is no call: nothing matches, the programme's window shows.
  for (const code of ['WINDRAFT', 'WINGONE', 'NOPE']) {
    assert.deepEqual(await badges(`&call=${code}`), { window: { min: 7, max: 9 }, fits: {}, total: 0 }, code)
    assert.equal(ok(await anonymous.get(`/api/v1/solutions/facets?call=${code}`)).total, 0, code)
  }
})
