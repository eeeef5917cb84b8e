/**
 * Every API route × every role: nothing the capability matrix forbids is allowed. The routes come
 * from the running app, so a new route is covered the moment it is registered.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import type { AnyRoute } from '../../server/platform/http/route.ts'
import { capabilityMatrix, type Role, tokenScopes } from '../../shared/authz.ts'
import { createOrganisation, createUser, PASSWORD, type TestUser } from '../factories/users.ts'
import { createTestApp, type TestClient } from '../support/app.ts'

const t = await createTestApp()

interface Fixture {
  role: Role | 'token'
  /** The roles this fixture holds on the fixture organisation. */
  holds: Role[]
  client: TestClient
  headers: Record<string, string>
}

async function signedIn(user: TestUser): Promise<TestClient> {
  const c = t.client()
  await c.signIn(user.email, PASSWORD)
  return c
}

const plain = await createUser(t.db, t.programmeId)
const expert = await createUser(t.db, t.programmeId, { programmeRole: 'expert' })
const staff = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const owner = await createUser(t.db, t.programmeId)
const admin = await createUser(t.db, t.programmeId)
const member = await createUser(t.db, t.programmeId)
const org = await createOrganisation(t.db, {
  members: [
    { user: owner, role: 'owner' },
    { user: admin, role: 'admin' },
    { user: member, role: 'member' },
  ],
})

// An operator's API token holding every scope: it may still never use a capability without a scope.
const operatorClient = await signedIn(operator)
const tokenRes = await operatorClient.post('/api/v1/me/tokens', { name: 'matrix', scopes: [...tokenScopes] })
assert.equal(tokenRes.status, 201)
const tokenClient = t.client()
tokenClient.headers = {}

const fixtures: Fixture[] = [
  { role: 'anonymous', holds: ['anonymous'], client: t.client(), headers: {} },
  { role: 'user', holds: ['user'], client: await signedIn(plain), headers: {} },
  { role: 'expert', holds: ['user', 'expert'], client: await signedIn(expert), headers: {} },
  { role: 'cluster_staff', holds: ['user', 'cluster_staff'], client: await signedIn(staff), headers: {} },
  { role: 'operator', holds: ['user', 'operator'], client: operatorClient, headers: {} },
  { role: 'org_member', holds: ['user', 'org_member'], client: await signedIn(member), headers: {} },
  { role: 'org_admin', holds: ['user', 'org_admin'], client: await signedIn(admin), headers: {} },
  { role: 'org_owner', holds: ['user', 'org_owner'], client: await signedIn(owner), headers: {} },
  {
    role: 'token',
    holds: ['user', 'operator'],
    client: tokenClient,
    headers: { authorization: `Bearer ${tokenRes.body.token}` },
  },
]

function concreteUrl(route: AnyRoute): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (route.subject?.param === name) return org.id
    if (name === 'userId') return member.id
    if (name === 'token') return 'not-a-real-token'
    return randomUUID()
  })
}

/** What the matrix says, derived from the table itself (not from the policy code under test). */
function matrixAllows(route: AnyRoute, f: Fixture): boolean {
  if (route.capability === 'public') return true
  const rule = capabilityMatrix[route.capability]
  const roles: readonly Role[] = rule.roles
  const held = f.holds.filter((r) => route.subject || !r.startsWith('org_'))
  if (f.role === 'token' && (rule.scope === null || !(tokenScopes as readonly string[]).includes(rule.scope)))
    return false
  return roles.some((r) => held.includes(r))
}

test('every /api/v1 route is declared through defineRoute with a capability', () => {
  const undeclared = t.app.http.registeredApiUrls.filter((r) => !r.declared)
  assert.deepEqual(undeclared, [])
  assert.ok(t.app.http.apiRoutes.length >= 20, `only ${t.app.http.apiRoutes.length} routes registered`)
  for (const r of t.app.http.apiRoutes) {
    assert.ok(r.capability === 'public' || r.capability in capabilityMatrix, `${r.method} ${r.url}: ${r.capability}`)
    if (r.capability !== 'public' && 'subject' in capabilityMatrix[r.capability]) {
      assert.ok(r.subject, `${r.method} ${r.url} needs a subject for ${r.capability}`)
    }
  }
})

test('no role can use a route the capability matrix forbids it', async () => {
  let denials = 0
  for (const route of t.app.http.apiRoutes) {
    for (const f of fixtures) {
      if (matrixAllows(route, f)) continue
      const url = concreteUrl(route)
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {}
      const res = await f.client.request(route.method, url, body, f.headers)
      const label = `${f.role} → ${route.method} ${route.url} (${route.capability})`
      if (f.role === 'anonymous') assert.equal(res.status, 401, `${label}: ${res.status} ${JSON.stringify(res.body)}`)
      else assert.equal(res.status, 403, `${label}: ${res.status} ${JSON.stringify(res.body)}`)
      denials++
    }
  }
  assert.ok(denials > 50, `only ${denials} forbidden pairs exercised`)
})

test('the pairs the matrix allows pass the route gate (no 401/403 from the capability check)', async () => {
  for (const route of t.app.http.apiRoutes) {
    if (route.method !== 'GET') continue
    for (const f of fixtures) {
      if (!matrixAllows(route, f)) continue
      const res = await f.client.request('GET', concreteUrl(route), undefined, f.headers)
      const gate = (res.status === 401 || res.status === 403) && res.body?.capability === route.capability
      assert.equal(gate, false, `${f.role} → GET ${route.url}: refused by the gate (${res.status})`)
    }
  }
})
