/**
 * Conflicts of interest at organisation level, on a call's submitted applications: each rule is
 * detected from the programme's data and explained (own organisation, linked enterprise, past
 * co-participation, cluster staff vs supported members, same country when switched on), conflicts are
 * declared and withdrawn by hand, and only the call's operators read the list.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { seedId } from '../../server/seed/ids.ts'
import { createOpenCall, type Json } from '../factories/applications.ts'
import { ok } from '../factories/consortia.ts'
import { profileBody, submittedApplication } from '../factories/experts.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { createOrganisation, createUser, type TestUser } from '../factories/users.ts'
import { createTestApp, type TestClient } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const call = await createOpenCall(t.db, t.programmeId, { closesAt: new Date('2026-03-14T16:00:00Z') })
const otherCall = await createOpenCall(t.db, t.programmeId, { closesAt: new Date('2026-03-20T16:00:00Z') })
const operatorUser = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const operator = await signedIn(t, operatorUser)
const hsd = seedId('cluster:securit:hsd')
const hsdName = await t.db
  .selectFrom('clusters as c')
  .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
  .select(['o.short_name', 'o.legal_name'])
  .where('c.id', '=', hsd)
  .executeTakeFirstOrThrow()

const org = (legalName: string, country: string) => createOrganisation(t.db, { legalName, country })
const quokka = await org('Quokka Sensors BV', 'NL')
const lynx = await org('Lynx Analytics SAS', 'FR')
const metro = await org('Metro Transit Authority', 'BE')
const otter = await org('Otter Robotics GmbH', 'DE')
const heron = await org('Heron Water NV', 'BE')
const kestrel = await org('Kestrel Labs Oy', 'FI')
// Quokka declares a linked enterprise in its SME profile.
await t.db
  .insertInto('organisation_relations')
  .values({
    organisation_id: quokka.id,
    relation: 'linked',
    name: 'Quokka Holding S.A.',
    country: 'LU',
    share_percent: 60,
    headcount: 10,
    annual_turnover_cents: 100,
    balance_sheet_cents: 100,
    position: 0,
  })
  .execute()
// Heron is a member of the HSD cluster: HSD supports it.
await t.db.insertInto('cluster_members').values({ cluster_id: hsd, organisation_id: heron.id }).execute()
// Otter and Kestrel applied together to another call of the programme.
await submittedApplication(t.db, otherCall.id, [otter.id, kestrel.id])

const appQL = await submittedApplication(t.db, call.id, [quokka.id, lynx.id])
const appOM = await submittedApplication(t.db, call.id, [otter.id, metro.id])
const appH = await submittedApplication(t.db, call.id, [heron.id])
await submittedApplication(t.db, call.id, [lynx.id], 'draft')

async function expert(name: string, body: Json, traits: { cluster?: string } = {}) {
  const user = await createUser(t.db, t.programmeId, {
    name,
    ...(traits.cluster ? { programmeRole: 'cluster_staff' as const, cluster: traits.cluster } : {}),
  })
  const client = await signedIn(t, user)
  ok(await client.request('PUT', '/api/v1/expert/profile', profileBody(body)))
  ok(await client.post('/api/v1/expert/profile/declarations', { codeOfConduct: true, confidentiality: true }))
  ok(await client.post(`/api/v1/calls/${call.id}/expert-candidacies`, {}), 201)
  return { user, client }
}
// Worked at Lynx until 2019 (a past organisation, by platform id).
const ex = await expert('Eve Formerly-Lynx', {
  countries: ['DE'],
  organisations: [{ organisationId: lynx.id, name: 'Lynx Analytics', country: 'FR', fromYear: 2012, toYear: 2019 }],
})
// Works for the linked enterprise of Quokka (named, not on the platform).
const holding = await expert('Hank Holding', {
  countries: ['LU'],
  organisations: [{ name: 'Quokka Holding', country: 'LU' }],
})
// Works at Kestrel, which applied with Otter elsewhere.
const kest = await expert('Kim Kestrel', {
  countries: ['FI'],
  organisations: [{ name: 'Kestrel Labs', country: 'FI', fromYear: 2020 }],
})
// HSD staff.
const staff = await expert('Sam Cluster-Staff', { countries: ['IT'] }, { cluster: 'hsd' })
// Belgian, no organisation in common with anyone.
const belgian = await expert('Bea Belgian', { countries: ['BE'] })

type Pair = { user: TestUser; client: TestClient }
const reasonsOf = (list: Json, e: Pair, appId: string) =>
  (list.pairs.find((p: Json) => p.userId === e.user.id && p.applicationId === appId)?.reasons ?? []) as Json[]
const rulesOf = (list: Json, e: Pair) =>
  list.pairs
    .filter((p: Json) => p.userId === e.user.id)
    .flatMap((p: Json) => p.reasons.map((r: Json) => `${p.applicationReference}:${r.rule}`))
    .sort()
const list = async () => ok(await operator.get(`/api/v1/calls/${call.id}/experts/conflicts`))

test('each rule is detected on the submitted applications, with its reasons', async () => {
  const l = await list()
  assert.deepEqual(l.settings, { clusterRule: true, sameCountryRule: false })
  assert.equal(l.experts, 5)
  assert.equal(l.applications, 3, 'drafts are not judged')
  assert.deepEqual(reasonsOf(l, ex, appQL.id), [
    {
      rule: 'own_organisation',
      partnerId: lynx.id,
      partnerName: 'Lynx Analytics SAS',
      via: 'Lynx Analytics (until 2019)',
      reference: null,
    },
  ])
  assert.deepEqual(reasonsOf(l, holding, appQL.id), [
    {
      rule: 'linked_enterprise',
      partnerId: quokka.id,
      partnerName: 'Quokka Sensors BV',
      via: 'Quokka Holding (linked)',
      reference: null,
    },
  ])
  const co = reasonsOf(l, kest, appOM.id)
  assert.equal(co.length, 1)
  assert.equal(co[0].rule, 'co_participation')
  assert.equal(co[0].partnerName, 'Otter Robotics GmbH')
  assert.equal(co[0].via, 'Kestrel Labs')
  assert.match(co[0].reference, /^EXP-/)
  assert.deepEqual(
    reasonsOf(l, staff, appH.id).map((r) => [r.rule, r.partnerName, r.via]),
    [['cluster_support', 'Heron Water NV', hsdName.short_name || hsdName.legal_name]],
  )
  assert.deepEqual(rulesOf(l, belgian), [], 'same country is off by default')
  // Nothing else: every conflict is one of the above.
  assert.equal(l.pairs.length, 4)
})

test('a platform member of a consortium organisation is in conflict as a current employee', async () => {
  const member = await createUser(t.db, t.programmeId, { name: 'Mo Member' })
  await t.db
    .insertInto('memberships')
    .values({ organisation_id: heron.id, user_id: member.id, role: 'member' })
    .execute()
  const c = await signedIn(t, member)
  ok(await c.request('PUT', '/api/v1/expert/profile', profileBody()))
  ok(await c.post(`/api/v1/calls/${call.id}/expert-candidacies`, {}), 201)
  const l = await list()
  assert.deepEqual(
    reasonsOf(l, { user: member, client: c }, appH.id).map((r) => [r.rule, r.via]),
    [['own_organisation', 'Heron Water NV (current)']],
  )
  // A rejected candidate is no longer judged.
  await t.db.updateTable('expert_calls').set({ status: 'rejected' }).where('user_id', '=', member.id).execute()
  assert.equal((await list()).experts, 5)
})

test('per-call switches: cluster rule off, same-country rule on; audited; operators only', async () => {
  assert.equal(
    (
      await staff.client.request('PUT', `/api/v1/calls/${call.id}/experts/conflict-settings`, {
        clusterRule: false,
        sameCountryRule: true,
      })
    ).status,
    403,
  )
  ok(
    await operator.request('PUT', `/api/v1/calls/${call.id}/experts/conflict-settings`, {
      clusterRule: false,
      sameCountryRule: true,
    }),
  )
  const l = await list()
  assert.deepEqual(rulesOf(l, staff), [])
  assert.deepEqual(
    reasonsOf(l, belgian, appOM.id).map((r) => [r.rule, r.partnerName, r.via]),
    [['same_country', 'Metro Transit Authority', 'BE']],
  )
  assert.deepEqual(
    reasonsOf(l, belgian, appH.id).map((r) => r.rule),
    ['same_country'],
  )
  assert.equal((await auditEvents(t.db, 'expert.conflict_settings_changed', call.id)).length, 1)
  ok(
    await operator.request('PUT', `/api/v1/calls/${call.id}/experts/conflict-settings`, {
      clusterRule: true,
      sameCountryRule: false,
    }),
  )
})

test('declared conflicts: by the expert for themself, by an operator for an expert; withdrawn; explained', async () => {
  // Declaring takes the expert role, which approval grants.
  const pending = await belgian.client.post(`/api/v1/applications/${appQL.id}/expert-conflicts`, { reason: 'Early' })
  assert.equal(pending.status, 403)
  for (const e of [belgian, ex])
    ok(await operator.post(`/api/v1/calls/${call.id}/experts/${e.user.id}/decision`, { status: 'approved' }))
  const own = ok(
    await belgian.client.post(`/api/v1/applications/${appQL.id}/expert-conflicts`, {
      reason: 'I advised Quokka last year.',
    }),
    201,
  )
  assert.equal(own.userId, belgian.user.id)
  const twice = await belgian.client.post(`/api/v1/applications/${appQL.id}/expert-conflicts`, { reason: 'Again' })
  assert.equal(twice.body.code, 'expert_conflict_exists')
  // An expert declares only their own.
  const forOther = await belgian.client.post(`/api/v1/applications/${appOM.id}/expert-conflicts`, {
    userId: ex.user.id,
    reason: 'Not mine to say',
  })
  assert.equal(forOther.status, 403)
  const byOp = ok(
    await operator.post(`/api/v1/applications/${appOM.id}/expert-conflicts`, {
      userId: ex.user.id,
      reason: 'Family tie reported by the applicant.',
    }),
    201,
  )
  assert.equal(byOp.userId, ex.user.id)
  let l = await list()
  assert.deepEqual(reasonsOf(l, belgian, appQL.id), [
    { rule: 'declared', partnerId: null, partnerName: null, via: 'I advised Quokka last year.', reference: null },
  ])
  assert.deepEqual(
    reasonsOf(l, ex, appOM.id).map((r) => [r.rule, r.via]),
    [['declared', 'Family tie reported by the applicant.']],
  )
  const audit = await auditEvents(t.db, 'expert.conflict_declared', byOp.id)
  assert.equal((audit[0] as Json).change.byOperator, true)

  // Someone else's conflict cannot be withdrawn by an expert: 404 as if unknown.
  assert.equal((await belgian.client.delete(`/api/v1/expert-conflicts/${byOp.id}`)).status, 404)
  assert.equal((await belgian.client.delete(`/api/v1/expert-conflicts/${own.id}`)).status, 204)
  assert.equal((await belgian.client.delete(`/api/v1/expert-conflicts/${own.id}`)).status, 404)
  l = await list()
  assert.deepEqual(reasonsOf(l, belgian, appQL.id), [])
})

test('who may declare and read: a non-candidate expert cannot tell an application exists; lists are for operators', async () => {
  const outsider = await createUser(t.db, t.programmeId, { name: 'Olga Outsider', programmeRole: 'expert' })
  const o = await signedIn(t, outsider)
  const r = await o.post(`/api/v1/applications/${appQL.id}/expert-conflicts`, { reason: 'Curious' })
  assert.equal(r.status, 404)
  assert.equal(r.body.code, 'application_not_found')
  const plain = await signedIn(t, await createUser(t.db, t.programmeId))
  assert.equal((await plain.post(`/api/v1/applications/${appQL.id}/expert-conflicts`, { reason: 'x y z' })).status, 403)
  assert.equal((await staff.client.get(`/api/v1/calls/${call.id}/experts/conflicts`)).status, 403)
  assert.equal((await ex.client.get(`/api/v1/calls/${call.id}/experts/conflicts`)).status, 403)
  const unknown = await operator.post(`/api/v1/applications/${appQL.id}/expert-conflicts`, {
    userId: outsider.id,
    reason: 'Not a candidate',
  })
  assert.equal(unknown.body.code, 'expert_not_found')
})
