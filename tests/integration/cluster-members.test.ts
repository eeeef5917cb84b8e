/**
 * Cluster membership of organisations: the cluster's own staff and operators list, add and remove
 * member organisations (audited); others are refused; an organisation's profile names its clusters;
 * and membership is what lets cluster staff follow an organisation's use cases.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { insertUseCase } from '../factories/use-cases.ts'
import { createOrganisation, createUser } from '../factories/users.ts'
import { clusterId } from '../factories/workshops.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const hsd = clusterId('hsd')
const lsec = clusterId('lsec')
const hsdStaffUser = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
const hsdStaff = await signedIn(t, hsdStaffUser)
const lsecStaff = await signedIn(
  t,
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'lsec' }),
)
const operatorUser = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const operator = await signedIn(t, operatorUser)
const port = await createTeam(t.db, t.programmeId, {
  legalName: 'Havenbedrijf Testdam',
  type: 'infrastructure_operator',
  country: 'NL',
})
const city = await createOrganisation(t.db, { legalName: 'Gemeente Aalstad', type: 'public_authority', country: 'NL' })
const bank = await createOrganisation(t.db, { legalName: 'Zeta Bank', type: 'other', country: 'BE' })
const members = (c: string, query = '') => `/api/v1/clusters/${c}/members${query}`

test('cluster staff add member organisations to their cluster, audited; duplicates and unknowns refused', async () => {
  const empty = await hsdStaff.get(members(hsd))
  assert.deepEqual(empty.body, { items: [], total: 0, page: 1, pageSize: 25 })

  const added = await hsdStaff.post(members(hsd), { organisationId: port.org.id })
  assert.equal(added.status, 201, JSON.stringify(added.body))
  assert.deepEqual(
    { ...added.body, addedAt: typeof added.body.addedAt },
    {
      organisation: {
        id: port.org.id,
        legalName: 'Havenbedrijf Testdam',
        shortName: null,
        country: 'NL',
        type: 'infrastructure_operator',
      },
      addedAt: 'string',
      addedBy: { id: hsdStaffUser.id, name: hsdStaffUser.name },
    },
  )
  const events = await auditEvents(t.db, 'cluster.member_added', hsd)
  assert.deepEqual(
    events.map((e) => [e.actor_id, e.subject_type, e.change]),
    [[hsdStaffUser.id, 'cluster', { organisationId: port.org.id, legalName: 'Havenbedrijf Testdam' }]],
  )

  const again = await hsdStaff.post(members(hsd), { organisationId: port.org.id })
  assert.deepEqual([again.status, again.body.code], [409, 'already_cluster_member'])
  const unknown = await hsdStaff.post(members(hsd), { organisationId: randomUUID() })
  assert.deepEqual(
    [unknown.status, unknown.body.code, unknown.body.errors],
    [
      400,
      'validation_failed',
      [{ path: 'organisationId', code: 'unknown_organisation', message: 'No such organisation.' }],
    ],
  )
  const malformed = await hsdStaff.post(members(hsd), { organisationId: 'nope' })
  assert.deepEqual([malformed.status, malformed.body.errors[0].path], [400, 'organisationId'])
  assert.equal((await auditEvents(t.db, 'cluster.member_added', hsd)).length, 1)
})

test('the member list: search, sort and paging', async () => {
  await operator.post(members(hsd), { organisationId: city.id })
  await operator.post(members(hsd), { organisationId: bank.id })
  const names = (res: { body: { items: { organisation: { legalName: string } }[] } }) =>
    res.body.items.map((m) => m.organisation.legalName)
  const all = await hsdStaff.get(members(hsd))
  assert.deepEqual([all.body.total, names(all)], [3, ['Gemeente Aalstad', 'Havenbedrijf Testdam', 'Zeta Bank']])
  const page2 = await hsdStaff.get(members(hsd, '?pageSize=2&page=2&sort=-legalName'))
  assert.deepEqual([page2.body.total, names(page2)], [3, ['Gemeente Aalstad']])
  const byCountry = await hsdStaff.get(members(hsd, '?sort=country'))
  assert.deepEqual(names(byCountry)[0], 'Zeta Bank')
  const search = await hsdStaff.get(members(hsd, '?q=haven'))
  assert.deepEqual([search.body.total, names(search)], [1, ['Havenbedrijf Testdam']])
  const none = await hsdStaff.get(members(hsd, '?q=%25'))
  assert.equal(none.body.total, 0)
  assert.equal((await hsdStaff.get(members(hsd, '?sort=nope'))).status, 400)
})

test('staff of another cluster, other people and anonymous callers are refused; unknown clusters are 404', async () => {
  for (const [method, url, body] of [
    ['GET', members(hsd), undefined],
    ['POST', members(hsd), { organisationId: bank.id }],
    ['DELETE', members(hsd, `/${port.org.id}`), undefined],
  ] as const) {
    const res = await lsecStaff.request(method, url, body)
    assert.deepEqual([res.status, res.body.code, res.body.reason], [403, 'forbidden', 'missing_role'], method)
    const member = await signedIn(t, port.member)
    assert.equal((await member.request(method, url, body)).status, 403, `org member ${method}`)
    assert.equal((await t.client().request(method, url, body)).status, 401, `anonymous ${method}`)
  }
  const missing = await hsdStaff.get(members(randomUUID()))
  assert.deepEqual([missing.status, missing.body.code], [404, 'cluster_not_found'])
  // The LSEC staff manage their own cluster.
  assert.equal((await lsecStaff.post(members(lsec), { organisationId: port.org.id })).status, 201)
  const token = await operator.post('/api/v1/me/tokens', { name: 'read', scopes: ['organisations:read'] })
  const bearer = t.client()
  bearer.headers = { authorization: `Bearer ${token.body.token}` }
  assert.equal((await bearer.get(members(hsd))).body.total, 3)
  assert.equal((await bearer.post(members(hsd), { organisationId: randomUUID() })).status, 403)
})

test("an organisation's clusters: for its members, staff and operators", async () => {
  const member = await signedIn(t, port.member)
  const res = await member.get(`/api/v1/organisations/${port.org.id}/clusters`)
  assert.equal(res.status, 200)
  assert.deepEqual(
    res.body.items.map((c: { clusterId: string; name: string; country: string }) => [c.clusterId, c.name, c.country]),
    [
      [lsec, 'LSEC', 'BE'],
      [hsd, 'HSD', 'NL'],
    ],
  )
  assert.equal((await hsdStaff.get(`/api/v1/organisations/${port.org.id}/clusters`)).body.items.length, 2)
  const outsider = await signedIn(t, await createUser(t.db, t.programmeId))
  assert.equal((await outsider.get(`/api/v1/organisations/${port.org.id}/clusters`)).status, 403)
})

test('membership decides which use cases cluster staff follow; removal is audited and undoes it', async () => {
  const other = await createTeam(t.db, t.programmeId, { type: 'integrator' })
  const uc = await insertUseCase(t.db, {
    programmeId: t.programmeId,
    organisationId: other.org.id,
    title: 'Port perimeter',
    status: 'submitted',
  })
  assert.equal((await hsdStaff.get(`/api/v1/use-cases/${uc.id}`)).status, 404)
  assert.equal((await hsdStaff.post(members(hsd), { organisationId: other.org.id })).status, 201)
  const seen = await hsdStaff.get(`/api/v1/use-cases/${uc.id}`)
  assert.equal(seen.status, 200)
  assert.deepEqual(seen.body.abilities.requestChanges, { allowed: true })
  assert.equal((await lsecStaff.get(`/api/v1/use-cases/${uc.id}`)).status, 404)

  const removed = await hsdStaff.delete(members(hsd, `/${other.org.id}`))
  assert.equal(removed.status, 204)
  assert.deepEqual(
    (await auditEvents(t.db, 'cluster.member_removed', hsd)).map((e) => e.change),
    [{ organisationId: other.org.id }],
  )
  assert.equal((await hsdStaff.get(`/api/v1/use-cases/${uc.id}`)).status, 404)
  const twice = await hsdStaff.delete(members(hsd, `/${other.org.id}`))
  assert.deepEqual([twice.status, twice.body.code], [404, 'member_not_found'])
})
