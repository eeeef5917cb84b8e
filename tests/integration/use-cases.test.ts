import assert from 'node:assert/strict'
import { test } from 'node:test'
import { markPromoted } from '../../server/modules/use-cases/index.ts'
import { systemActor } from '../../server/platform/authz/actor.ts'
import { systemClock } from '../../server/platform/clock.ts'
import { inTransaction } from '../../server/platform/db/client.ts'
import { seedTaxonomies } from '../../server/seed/taxonomies/index.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { domainId, fullContent, termId } from '../factories/use-cases.ts'
import { createUser } from '../factories/users.ts'
import { clusterId } from '../factories/workshops.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const city = await createTeam(t.db, t.programmeId, { legalName: 'Ville de Testville', type: 'public_authority' })
const sme = await createTeam(t.db, t.programmeId, { legalName: 'Tiny SME', type: 'sme' })
const staffUser = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', name: 'Stan Staff' })
// Cluster staff follow the use cases of their cluster's member organisations (and of its workshops).
await t.db
  .insertInto('cluster_members')
  .values({ cluster_id: clusterId('hsd'), organisation_id: city.org.id })
  .execute()
const author = await signedIn(t, city.member)
const colleague = await signedIn(t, city.admin)
const staff = await signedIn(t, staffUser)
const drone = termId('enisa-threats', 'physical-attack')

test('taxonomy terms: seeded from our JSON, searchable, with source and licence, public', async () => {
  const res = await t.client().get('/api/v1/taxonomies/jrc-cybersecurity/terms?q=ASYMMETRIC%20crypto&limit=3')
  assert.equal(res.status, 200)
  assert.equal(res.body.taxonomy.licence, 'CC BY 4.0 (© European Union, Commission reuse policy)')
  assert.deepEqual(res.body.items[0], {
    id: termId('jrc-cybersecurity', 'D02.01'),
    taxonomyId: 'jrc-cybersecurity',
    code: 'D02.01',
    name: 'Asymmetric cryptography',
    kind: 'subdomain',
    parentCode: 'D02',
  })
  await seedTaxonomies(t.db) // idempotent: seeding again changes nothing
  const all = await t.client().get('/api/v1/taxonomies/nis-sectors/terms?limit=500')
  assert.equal(all.body.items.length, 26)
  assert.equal((await t.client().get('/api/v1/taxonomies/nope/terms')).body.code, 'taxonomy_not_found')
})

test('the whole path: draft → save → submit → changes requested → resubmit → accept → promoted', async () => {
  const created = await author.post('/api/v1/use-cases', {
    organisationId: city.org.id,
    title: 'Drone detection at festivals',
    tags: [drone],
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const uc = created.body
  assert.match(uc.reference, /^UC-\d{4}$/)
  assert.deepEqual(
    [uc.status, uc.confidentiality, uc.revision, uc.organisation, uc.domainId, uc.trlMin],
    ['draft', 'restricted', 1, { id: city.org.id, name: 'Ville de Testville' }, null, null],
  )
  assert.deepEqual(
    uc.tags.map((x: { code: string }) => x.code),
    ['physical-attack'],
  )
  assert.deepEqual(
    uc.revisions.map((r: { revision: number; author: unknown }) => [r.revision, r.author]),
    [[1, { id: city.member.id, name: city.member.name }]],
  )
  assert.deepEqual(uc.abilities.update, { allowed: true })
  assert.deepEqual(uc.abilities.accept, { allowed: false, reason: 'missing_role' })
  assert.equal((await auditEvents(t.db, 'use_case.created', uc.id)).length, 1)
  const url = `/api/v1/use-cases/${uc.id}`

  // Incomplete: submitting names what is missing.
  const early = await author.post(`${url}/transitions`, { action: 'submit' })
  assert.equal(early.status, 400)
  assert.equal(early.body.code, 'use_case_incomplete')
  assert.deepEqual(early.body.errors.map((e: { path: string }) => e.path).sort(), [
    'content.contextAndThreat',
    'content.problemStatement',
    'domainId',
    'trlMax',
  ])

  // A colleague saves revision 2; the author's stale save is refused.
  const saved = await colleague.patch(url, {
    expectedRevision: 1,
    content: fullContent,
    domainId: domainId('D1'),
    trlMin: 4,
    trlMax: 7,
  })
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal(saved.body.revision, 2)
  const stale = await author.patch(url, { expectedRevision: 1, title: 'Lost update' })
  assert.equal(stale.status, 409)
  assert.equal(stale.body.code, 'use_case_revision_conflict')
  const badRange = await author.patch(url, { expectedRevision: 2, trlMin: 8 })
  assert.equal(badRange.status, 400)

  // Staff cannot see the draft yet: 404, not 403.
  assert.equal((await staff.get(url)).body.code, 'use_case_not_found')
  const submitted = await author.post(`${url}/transitions`, { action: 'submit' })
  assert.equal(submitted.body.status, 'submitted')
  assert.equal((await author.patch(url, { expectedRevision: 2, title: 'Too late' })).status, 409)

  const noReason = await staff.post(`${url}/transitions`, { action: 'request_changes' })
  assert.equal(noReason.status, 400)
  assert.deepEqual(noReason.body.errors[0].path, 'reason')
  const notAuthor = await author.post(`${url}/transitions`, { action: 'accept' })
  assert.equal(notAuthor.status, 403)
  const changes = await staff.post(`${url}/transitions`, { action: 'request_changes', reason: 'Add KPIs' })
  assert.equal(changes.body.status, 'changes_requested')
  assert.deepEqual(changes.body.abilities.resubmit, { allowed: false, reason: 'not_the_author' })

  const revised = await author.patch(url, { expectedRevision: 2, content: { ...fullContent, successCriteria: 'KPI' } })
  assert.equal(revised.body.revision, 3)
  assert.equal((await author.post(`${url}/transitions`, { action: 'resubmit' })).body.status, 'resubmitted')
  const wrong = await author.post(`${url}/transitions`, { action: 'submit' })
  assert.equal(wrong.status, 409)
  assert.equal(wrong.body.code, 'use_case_transition_refused')
  const accepted = await staff.post(`${url}/transitions`, { action: 'accept' })
  assert.equal(accepted.body.status, 'accepted')
  assert.deepEqual(
    accepted.body.transitions.map((x: { from: string; to: string; reason: string | null }) => [x.from, x.to, x.reason]),
    [
      ['draft', 'submitted', null],
      ['submitted', 'changes_requested', 'Add KPIs'],
      ['changes_requested', 'resubmitted', null],
      ['resubmitted', 'accepted', null],
    ],
  )

  // Revision 1 is kept as it was.
  const r1 = await author.get(`${url}/revisions/1`)
  assert.deepEqual(
    [r1.body.title, r1.body.content.problemStatement, r1.body.trlMin],
    ['Drone detection at festivals', '', null],
  )
  assert.equal((await author.get(`${url}/revisions/9`)).status, 404)

  // The challenges module promotes it.
  const ctx = { actor: systemActor, clock: systemClock, requestId: null }
  await inTransaction(t.db, (tx) => markPromoted(tx, ctx, [uc.id]))
  assert.equal((await author.get(url)).body.status, 'promoted')
  assert.equal((await auditEvents(t.db, 'use_case.promote', uc.id)).length, 1)
  assert.equal((await staff.post(`${url}/transitions`, { action: 'archive' })).body.status, 'archived')
})

test('comments: authors and staff talk; an outsider to the thread is refused', async () => {
  const uc = (
    await author.post('/api/v1/use-cases', {
      organisationId: city.org.id,
      title: 'Thread test',
      confidentiality: 'public',
    })
  ).body
  const url = `/api/v1/use-cases/${uc.id}/comments`
  const posted = await author.post(url, { body: '  First message  ' })
  assert.equal(posted.status, 201)
  assert.deepEqual(
    [posted.body.body, posted.body.author],
    ['First message', { id: city.member.id, name: city.member.name }],
  )
  assert.equal((await author.post(url, { body: '   ' })).status, 400)
  const list = await colleague.get(url)
  assert.deepEqual(
    list.body.items.map((c: { body: string }) => c.body),
    ['First message'],
  )
  assert.equal((await auditEvents(t.db, 'use_case.commented', uc.id)).length, 1)
})

test('who may draft: members only, of end-user and integrator organisations', async () => {
  const smeOwner = await signedIn(t, sme.owner)
  const refused = await smeOwner.post('/api/v1/use-cases', { organisationId: sme.org.id, title: 'SME need' })
  assert.equal(refused.status, 403)
  assert.equal(refused.body.code, 'organisation_not_eligible')
  const notMember = await smeOwner.post('/api/v1/use-cases', { organisationId: city.org.id, title: 'Not mine' })
  assert.equal(notMember.status, 403)
  assert.equal(notMember.body.reason, 'not_a_member')
  const invalid = await author.post('/api/v1/use-cases', { organisationId: city.org.id, title: 'x', tags: ['nope'] })
  assert.equal(invalid.status, 400)
})

test('list: filters, search, sort and paging over what the caller sees', async () => {
  for (const title of ['Alpha list case', 'Beta list case', 'Gamma list case']) {
    await author.post('/api/v1/use-cases', { organisationId: city.org.id, title })
  }
  const page = await author.get('/api/v1/use-cases?q=list%20case&sort=title&pageSize=2&page=2')
  assert.equal(page.status, 200)
  assert.deepEqual([page.body.total, page.body.page, page.body.pageSize], [3, 2, 2])
  assert.deepEqual(
    page.body.items.map((u: { title: string }) => u.title),
    ['Gamma list case'],
  )
  const drafts = await author.get(`/api/v1/use-cases?status=draft&organisation=${city.org.id}&q=list`)
  assert.equal(drafts.body.total, 3)
  assert.equal((await author.get('/api/v1/use-cases?q=list%20case&confidentiality=public')).body.total, 0)
  assert.equal((await author.get('/api/v1/use-cases?sort=nope')).status, 400)
})
