import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

// Each fixture is created a minute after the previous one, so sorting by creation time is exact.
const clock = new FixedClock()
const t = await createTestApp({ clock })

const names = (res: { body: { items: { legalName: string }[] } }) => res.body.items.map((o) => o.legalName)

const founder = await createUser(t.db, t.programmeId)
const fc = await signedIn(t, founder)
const other = await signedIn(t, await createUser(t.db, t.programmeId))
const fixtures = [
  { legalName: 'Qzx Alpha', country: 'BE', type: 'sme', registrationNumber: 'BE-1' },
  { legalName: 'qzx beta', country: 'FR', type: 'integrator' },
  { legalName: 'Qzx Gamma', country: 'NL', type: 'sme' },
  { legalName: 'Delta Works', shortName: 'QZX-D', country: 'DE', type: 'large_company' },
  { legalName: 'Epsilon Labs', country: 'BE', type: 'research_organisation', registrationNumber: 'QZX-42' },
  { legalName: 'Qzx 100% Safe', country: 'BE', type: 'other' },
]
for (const f of fixtures) {
  const r = await fc.post('/api/v1/organisations', f)
  assert.equal(r.status, 201, JSON.stringify(r.body))
  clock.advance(60_000)
}
const foreign = await other.post('/api/v1/organisations', { legalName: 'Qzx Foreign', country: 'LT', type: 'sme' })
assert.equal(foreign.status, 201)

test('mine=true lists exactly your own organisations, with your role and counts', async () => {
  const res = await other.get('/api/v1/organisations?mine=true')
  assert.equal(res.status, 200)
  assert.deepEqual(
    { total: res.body.total, page: res.body.page, pageSize: res.body.pageSize, names: names(res) },
    { total: 1, page: 1, pageSize: 25, names: ['Qzx Foreign'] },
  )
  assert.equal(res.body.items[0].myRole, 'owner')
  assert.equal(res.body.items[0].memberCount, 1)
  const mine = await fc.get('/api/v1/organisations?mine=true&pageSize=2&page=2')
  assert.deepEqual({ total: mine.body.total, names: names(mine) }, { total: 6, names: ['Qzx 100% Safe', 'Qzx Alpha'] })
})

test('the full list needs organisation.list: a plain user is refused', async () => {
  const res = await other.get('/api/v1/organisations')
  assert.equal(res.status, 403)
  assert.equal(res.body.reason, 'missing_role')
  assert.equal((await t.client().get('/api/v1/organisations?mine=true')).status, 401)
})

test('operators search legal name, short name and registration number, filter, sort and page', async () => {
  const op = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
  const all = await op.get('/api/v1/organisations?q=QZX')
  assert.equal(all.status, 200, JSON.stringify(all.body))
  assert.deepEqual(
    { total: all.body.total, names: names(all) },
    {
      total: 7,
      names: ['Delta Works', 'Epsilon Labs', 'Qzx 100% Safe', 'Qzx Alpha', 'qzx beta', 'Qzx Foreign', 'Qzx Gamma'],
    },
  )
  assert.equal(all.body.items[0].myRole, null)
  assert.deepEqual(all.body.items[0].abilities.update, { allowed: true })

  const page2 = await op.get('/api/v1/organisations?q=qzx&sort=-legalName&pageSize=3&page=2')
  assert.deepEqual(
    { total: page2.body.total, page: page2.body.page, names: names(page2) },
    {
      total: 7,
      page: 2,
      names: ['Qzx Alpha', 'Qzx 100% Safe', 'Epsilon Labs'],
    },
  )
  const sme = await op.get('/api/v1/organisations?q=qzx&type=sme')
  assert.deepEqual(
    { total: sme.body.total, names: names(sme) },
    {
      total: 3,
      names: ['Qzx Alpha', 'Qzx Foreign', 'Qzx Gamma'],
    },
  )
  const be = await op.get('/api/v1/organisations?q=qzx&country=BE&sort=-createdAt')
  assert.deepEqual(names(be), ['Qzx 100% Safe', 'Epsilon Labs', 'Qzx Alpha'])
  const byCountry = await op.get('/api/v1/organisations?q=qzx&sort=country&pageSize=2')
  assert.deepEqual(
    { total: byCountry.body.total, countries: byCountry.body.items.map((o: { country: string }) => o.country) },
    {
      total: 7,
      countries: ['BE', 'BE'],
    },
  )
  // % and _ are searched as letters.
  const percent = await op.get(`/api/v1/organisations?q=${encodeURIComponent('0%')}`)
  assert.deepEqual(names(percent), ['Qzx 100% Safe'])
  const underscore = await op.get('/api/v1/organisations?q=qzx_')
  assert.equal(underscore.body.total, 0)
  const beyond = await op.get('/api/v1/organisations?q=qzx&page=9')
  assert.deepEqual({ total: beyond.body.total, items: beyond.body.items }, { total: 7, items: [] })
  const bad = await op.get('/api/v1/organisations?sort=name&country=ZZ')
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['country', 'sort'])
})

test('cluster staff may list all organisations too', async () => {
  const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
  const res = await staff.get('/api/v1/organisations?q=qzx&type=integrator')
  assert.equal(res.status, 200)
  assert.deepEqual(names(res), ['qzx beta'])
  assert.deepEqual(res.body.items[0].abilities.update, { allowed: false, reason: 'not_a_member' })
})
