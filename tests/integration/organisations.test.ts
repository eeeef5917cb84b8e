import assert from 'node:assert/strict'
import { test } from 'node:test'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

const acme = {
  legalName: '  Acme Security SA ',
  shortName: 'ACME',
  legalForm: 'SA',
  country: 'BE',
  registrationNumber: 'BE0123.456.789',
  website: 'https://acme.example',
  type: 'sme',
  description: 'Perimeter sensors.',
}

const count = async (table: 'organisations' | 'audit_events' | 'memberships') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

test('creating an organisation makes the creator its owner and is audited with the input', async () => {
  const u = await createUser(t.db, t.programmeId)
  const c = await signedIn(t, u)
  const res = await c.post('/api/v1/organisations', acme)
  assert.equal(res.status, 201, JSON.stringify(res.body))
  const { id, createdAt, updatedAt, abilities, publicRef, ...rest } = res.body
  assert.deepEqual(rest, {
    ...acme,
    legalName: 'Acme Security SA',
    memberCount: 1,
    myRole: 'owner',
    // A new profile is public, without logo, its SME status unknown until the figures are given.
    visibility: 'public',
    smeStatus: null,
    logoUrl: null,
  })
  assert.match(publicRef, /^ORG-[0-9A-F]{8}$/)
  assert.equal(createdAt, updatedAt)
  assert.deepEqual(abilities, {
    update: { allowed: true },
    'members.view': { allowed: true },
    'members.manage': { allowed: true },
    'ownership.transfer': { allowed: true },
    leave: { allowed: false, reason: 'last_owner' },
  })
  const m = await t.db.selectFrom('memberships').selectAll().where('organisation_id', '=', id).execute()
  assert.deepEqual(
    m.map((r) => [r.user_id, r.role]),
    [[u.id, 'owner']],
  )
  const [ev, ...more] = await auditEvents(t.db, 'organisation.created', id)
  assert.equal(more.length, 0)
  assert.equal(ev!.actor_id, u.id)
  assert.equal(ev!.subject_type, 'organisation')
  assert.deepEqual(ev!.change, { ...acme, legalName: 'Acme Security SA' })
  // The organisation is now among the creator's own.
  const mine = await c.get('/api/v1/organisations?mine=true')
  assert.deepEqual(
    mine.body.items.map((o: { id: string }) => o.id),
    [id],
  )
})

test('invalid fields are reported one by one, and nothing is written', async () => {
  const c = await signedIn(t, await createUser(t.db, t.programmeId))
  const before = await count('organisations')
  const res = await c.post('/api/v1/organisations', {
    ...acme,
    legalName: '   ',
    country: 'ZZ',
    website: 'not a url',
    registrationNumber: '#!',
  })
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'validation_failed')
  assert.deepEqual(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]).sort(), [
    ['country', 'invalid_value'],
    ['legalName', 'too_small'],
    ['registrationNumber', 'invalid_registration_number'],
    ['website', 'invalid_url'],
  ])
  assert.equal(await count('organisations'), before)
})

test('a registration number is unique per country, case-insensitively: 409 and nothing written', async () => {
  const c = await signedIn(t, await createUser(t.db, t.programmeId))
  const first = await c.post('/api/v1/organisations', { ...acme, registrationNumber: 'NL-777-A' })
  assert.equal(first.status, 201)
  const [orgs, events, members] = [
    await count('organisations'),
    await count('audit_events'),
    await count('memberships'),
  ]
  const dup = await c.post('/api/v1/organisations', { ...acme, legalName: 'Other', registrationNumber: 'nl-777-a' })
  assert.equal(dup.status, 409)
  assert.equal(dup.body.code, 'registration_number_taken')
  assert.deepEqual(
    dup.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['registrationNumber', 'registration_number_taken']],
  )
  assert.deepEqual(
    [await count('organisations'), await count('audit_events'), await count('memberships')],
    [orgs, events, members],
  )
  const elsewhere = await c.post('/api/v1/organisations', { ...acme, country: 'FR', registrationNumber: 'NL-777-A' })
  assert.equal(elsewhere.status, 201)
  // Changing another organisation's number to a taken one is refused the same way.
  const clash = await c.patch(`/api/v1/organisations/${elsewhere.body.id}`, { country: 'BE' })
  assert.equal(clash.status, 409)
  assert.equal(clash.body.code, 'registration_number_taken')
})

test('an admin updates the fields sent (before/after audited); a member is refused', async () => {
  const team = await createTeam(t.db, t.programmeId, { legalName: 'Update Test Org' })
  const admin = await signedIn(t, team.admin)
  await t.db.updateTable('organisations').set({ description: 'Kept.' }).where('id', '=', team.org.id).execute()
  const res = await admin.patch(`/api/v1/organisations/${team.org.id}`, {
    website: 'https://update.example',
    shortName: 'UTO',
    legalName: 'Update Test Org',
  })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.website, 'https://update.example')
  assert.equal(res.body.shortName, 'UTO')
  assert.equal(res.body.description, 'Kept.')
  assert.equal(res.body.myRole, 'admin')
  assert.deepEqual(res.body.abilities['ownership.transfer'], { allowed: false, reason: 'organisation_role_too_low' })
  const [ev] = await auditEvents(t.db, 'organisation.updated', team.org.id)
  assert.deepEqual(ev!.change, {
    before: { shortName: null, website: null },
    after: { shortName: 'UTO', website: 'https://update.example' },
  })
  assert.equal(ev!.actor_id, team.admin.id)

  const member = await signedIn(t, team.member)
  const refused = await member.patch(`/api/v1/organisations/${team.org.id}`, { legalName: 'Hijacked' })
  assert.equal(refused.status, 403)
  assert.equal(refused.body.reason, 'organisation_role_too_low')
  const row = await t.db
    .selectFrom('organisations')
    .select('legal_name')
    .where('id', '=', team.org.id)
    .executeTakeFirst()
  assert.equal(row!.legal_name, 'Update Test Org')
  assert.equal((await auditEvents(t.db, 'organisation.updated', team.org.id)).length, 1)
})

test('outsiders get 403 on another organisation, 404 on an unknown one; cluster staff read but never write', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const base = `/api/v1/organisations/${team.org.id}`
  const outsider = await signedIn(t, await createUser(t.db, t.programmeId))
  for (const url of [base, `${base}/members`, `${base}/invitations`]) {
    const r = await outsider.get(url)
    assert.equal(r.status, 403, url)
    assert.equal(r.body.reason, 'not_a_member')
  }
  const unknown = await outsider.get('/api/v1/organisations/00000000-0000-4000-8000-000000000000')
  assert.equal(unknown.status, 404)
  assert.equal(unknown.body.code, 'organisation_not_found')
  assert.equal((await t.client().get(base)).status, 401)

  const staff = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' }))
  assert.equal((await staff.get(base)).status, 200)
  assert.equal((await staff.get(`${base}/members`)).status, 200)
  const writes = [
    await staff.patch(base, { legalName: 'X' }),
    await staff.post(`${base}/invitations`, { email: 'x@example.test' }),
    await staff.patch(`${base}/members/${team.member.id}`, { role: 'admin' }),
    await staff.delete(`${base}/members/${team.member.id}`),
    await staff.post(`${base}/transfer-ownership`, { userId: team.member.id }),
  ]
  assert.deepEqual(
    writes.map((r) => r.status),
    [403, 403, 403, 403, 403],
  )
  const seen = await staff.get(base)
  assert.equal(seen.body.myRole, null)
  assert.deepEqual(seen.body.abilities.update, { allowed: false, reason: 'not_a_member' })
})
