import assert from 'node:assert/strict'
import { test } from 'node:test'
import { submitApplication } from '../../server/modules/applications/index.ts'
import { type Actor, systemActor } from '../../server/platform/authz/actor.ts'
import { FixedClock } from '../../server/platform/clock.ts'
import { DomainError } from '../../server/platform/errors.ts'
import { canonical, publishedKeys, sha256Hex, verifySignature } from '../../server/platform/signing/index.ts'
import { applicationIdOf, demoApplications, memberIdOf } from '../../server/seed/applications.ts'
import { oc1Review } from '../../server/seed/applications-review.ts'
import { callIdOf } from '../../server/seed/calls.ts'
import { at, seedContext } from '../../server/seed/calls-support.ts'
import { oc1LateAdmissible } from '../../server/seed/evaluation-data/oc1.ts'
import { DEMO_PASSWORD, seedDemoAccounts, seedProgramme } from '../../server/seed/index.ts'
import { callPhase, instantToLocal } from '../../shared/calls/time.ts'
import type { SignedReceipt } from '../../shared/contracts/applications.ts'
import { callConfig } from '../../shared/contracts/calls.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const started = performance.now()
await seedDemoAccounts(t.db, t.programmeId)
const seconds = (performance.now() - started) / 1000

const tables = [
  'calls',
  'call_versions',
  'call_questions',
  'challenge_calls',
  'applications',
  'application_partners',
  'application_revisions',
  'eligibility_results',
  'signing_keys',
] as const

/** Every row of the tables the calls and applications seed writes, for "seeding again changes nothing". */
async function snapshot() {
  const out: Record<string, unknown[]> = {}
  for (const table of tables) {
    const rows = await t.db.selectFrom(table).selectAll().execute()
    out[table] = rows.map((r) => JSON.stringify(r)).sort()
  }
  return out
}
const before = await snapshot()
// As at the next `npm start`: the programme, then the demo.
await seedDemoAccounts(t.db, await seedProgramme(t.db))
const after = await snapshot()

const calls = await t.db.selectFrom('calls').selectAll().execute()
const byCode = new Map(calls.map((c) => [c.code, c]))
const apps = await t.db
  .selectFrom('applications')
  .selectAll()
  .where('call_id', 'in', [callIdOf('OC1'), callIdOf('OC2')])
  .execute()
const revisions = await t.db.selectFrom('application_revisions').selectAll().execute()
const keys = await publishedKeys(t.db)

const phaseAt = (code: string, when: string) => {
  const c = byCode.get(code)!
  return callPhase(
    { publishedAt: c.published_at, cancelledAt: c.cancelled_at, opensAt: c.opens_at, closesAt: c.closes_at },
    new Date(when),
  )
}

test('seeding is quick enough and a second run changes nothing', () => {
  assert.ok(seconds < 120, `the demo seed took ${seconds.toFixed(1)} s`)
  for (const table of tables) assert.deepEqual(after[table], before[table], `${table} unchanged`)
})

test('OC1 and OC2 as in reality: 17:00 Brussels deadlines, rules, challenges, versions and Q&A', async () => {
  const oc1 = byCode.get('OC1')!
  const oc2 = byCode.get('OC2')!
  assert.equal(new Date(oc1.closes_at).toISOString(), '2022-04-26T15:00:00.000Z', 'OC1: 26 Apr 2022 17:00 CEST')
  assert.equal(new Date(oc2.closes_at).toISOString(), '2023-03-14T16:00:00.000Z', 'OC2: 14 Mar 2023 17:00 CET')
  assert.equal(phaseAt('OC1', '2021-12-20T10:00:00Z'), 'scheduled')
  assert.equal(phaseAt('OC1', '2022-04-26T14:59:59.999Z'), 'open')
  assert.equal(phaseAt('OC1', '2022-04-26T15:00:00Z'), 'closed', 'a request at the deadline is late')
  assert.equal(phaseAt('OC2', '2023-03-01T12:00:00Z'), 'open')
  assert.equal(phaseAt('OC1', new Date().toISOString()), 'closed')
  assert.equal(phaseAt('OC2', new Date().toISOString()), 'closed')
  for (const c of [oc1, oc2]) {
    assert.ok(c.frozen_at && new Date(c.frozen_at).getTime() === new Date(c.opens_at).getTime(), 'frozen at opening')
    assert.ok(c.screened_at, `${c.code} screened`)
    const config = callConfig.parse(c.config)
    assert.deepEqual(config.trl, { min: 5, max: 8 })
    assert.equal(config.budget.maxPerProjectCents, 8_800_000)
    assert.equal(config.budget.maxPerThirdPartyCents, 6_000_000)
    assert.equal(config.budget.fundingModel, 'lump_sum')
    assert.equal(config.consortium.minOrganisations, 2)
    assert.equal(config.consortium.minSmes, 2)
    const eligible: readonly string[] = config.consortium.eligibleCountries
    for (const country of ['FR', 'LT', 'NO', 'IL', 'CH', 'GB', 'UA']) assert.ok(eligible.includes(country))
    assert.ok(!eligible.includes('US'))
    assert.equal(config.form.sections[0]?.id, 'core', 'the default form')
  }
  const oc1Config = callConfig.parse(oc1.config)
  const oc2Config = callConfig.parse(oc2.config)
  assert.equal(oc1Config.budget.totalCents + oc2Config.budget.totalCents, 350_000_000, 'EUR 3.5 M over both calls')
  assert.equal((oc1Config.budget.expectedProjects ?? 0) + (oc2Config.budget.expectedProjects ?? 0), 42)
  const scope = await t.db.selectFrom('challenge_calls').select(['call_id']).execute()
  assert.equal(scope.filter((s) => s.call_id === oc1.id).length, 6)
  assert.equal(scope.filter((s) => s.call_id === oc2.id).length, 8)

  const versions = await t.db.selectFrom('call_versions').selectAll().orderBy('version').execute()
  assert.deepEqual(
    versions.filter((v) => v.call_id === oc1.id).map((v) => v.version),
    [1],
  )
  const oc2Versions = versions.filter((v) => v.call_id === oc2.id)
  assert.deepEqual(
    oc2Versions.map((v) => v.version),
    [1, 2],
  )
  assert.equal(oc2Versions[0]!.change_log, null)
  assert.match((oc2Versions[1]!.change_log as { en: string }).en, /17:00 Brussels time/)
  assert.equal(callConfig.parse(oc2Versions[1]!.config).timeline.qaClosesAt, '2023-03-07T17:00')
  assert.equal(callConfig.parse(oc2Versions[0]!.config).timeline.qaClosesAt, '2023-03-03T17:00')

  const visitor = t.client()
  const page = await visitor.get('/api/v1/calls/by-code/OC2')
  assert.equal(page.status, 200)
  assert.equal(page.body.phase, 'closed')
  assert.equal(page.body.versions.length, 2)
  const qa = await visitor.get(`/api/v1/calls/${oc2.id}/questions`)
  assert.equal(qa.status, 200)
  assert.equal(qa.body.items.length, 3)
  assert.ok(qa.body.items.every((q: { status: string; answer: string }) => q.status === 'published' && q.answer))
  assert.ok(qa.body.items.some((q: { language: string }) => q.language === 'fr'))
})

test('DEMO is open now: opened 7 days before the seed, deadline 60 days after at 17:00 Brussels, every challenge', async () => {
  const demo = byCode.get('DEMO')!
  const now = Date.now()
  const day = 86_400_000
  assert.equal(phaseAt('DEMO', new Date(now).toISOString()), 'open')
  assert.equal(
    instantToLocal(new Date(demo.opens_at), 'Europe/Brussels').slice(0, 10),
    instantToLocal(new Date(now - 7 * day), 'Europe/Brussels').slice(0, 10),
  )
  const deadline = instantToLocal(new Date(demo.closes_at), 'Europe/Brussels')
  assert.equal(deadline, `${instantToLocal(new Date(now + 60 * day), 'Europe/Brussels').slice(0, 10)}T17:00`)
  assert.ok(demo.frozen_at, 'version 1 frozen at once: it is open')
  const challenges = await t.db.selectFrom('challenges').select('id').where('status', '=', 'published').execute()
  const scope = await t.db.selectFrom('challenge_calls').select('challenge_id').where('call_id', '=', demo.id).execute()
  assert.equal(scope.length, challenges.length)
  assert.equal(callConfig.parse(demo.config).consortium.minSmes, 1, 'a consortium of the demo accounts is enough')

  // A newcomer applies at once: the demo SME starts an application to it.
  const sme = t.client()
  await sme.signIn('sme@securit.demo', DEMO_PASSWORD)
  const started = await sme.post('/api/v1/applications', {
    callId: demo.id,
    organisationId: memberIdOf('demo-sme'),
    challengeId: scope[0]!.challenge_id,
    acronym: 'TRYIT',
  })
  assert.equal(started.status, 201, JSON.stringify(started.body))
  assert.equal(started.body.call.phase, 'open')
})

test('OC1: 24 applications, submitted with receipts, resubmitted, withdrawn, drafts; OC2: 8 submitted', () => {
  const oc1 = apps.filter((a) => a.call_id === callIdOf('OC1'))
  const oc2 = apps.filter((a) => a.call_id === callIdOf('OC2'))
  assert.equal(oc1.length, 24)
  assert.equal(oc2.length, 8)
  const count = (list: typeof apps, status: string) => list.filter((a) => a.status === status).length
  assert.deepEqual([count(oc1, 'submitted'), count(oc1, 'withdrawn'), count(oc1, 'draft')], [18, 1, 5])
  assert.equal(count(oc2, 'submitted'), 8)
  assert.equal(apps.filter((a) => (a.submitted_revision ?? 0) === 2).length, 4, 'resubmitted: two revisions each')
  for (const a of apps.filter((x) => x.submitted_revision !== null)) {
    const deadline = new Date(byCode.get(a.call_id === callIdOf('OC1') ? 'OC1' : 'OC2')!.closes_at).getTime()
    const mine = revisions.filter((r) => r.application_id === a.id)
    assert.equal(mine.length, a.submitted_revision)
    assert.ok(
      mine.every((r) => new Date(r.submitted_at).getTime() < deadline),
      `${a.acronym} on time`,
    )
  }
  assert.ok(
    oc1.some((a) => /[éèà]/.test(a.title)),
    'a few in French',
  )
})

test('every revision’s digest recomputes from its content and its receipt verifies against the published key', () => {
  assert.ok(revisions.length >= 30)
  for (const r of revisions) {
    assert.equal(sha256Hex(canonical(r.content)), r.digest, 'digest = SHA-256 of the canonical content')
    const receipt = r.receipt as SignedReceipt
    assert.equal(receipt.payload.digest, r.digest)
    assert.equal(receipt.payload.revision, r.revision)
    const key = keys.find((k) => k.keyId === receipt.keyId)
    assert.ok(key, 'signed with a published key')
    assert.ok(verifySignature(key.publicKey, canonical(receipt.payload), receipt.signature))
    const tampered = { ...receipt.payload, submittedAt: '2022-04-26T15:00:00.000Z' }
    assert.equal(verifySignature(key.publicKey, canonical(tampered), receipt.signature), false)
  }
})

test('the rule breakers were stopped by the submit gate and stay drafts', async () => {
  const blocked = demoApplications.filter((s) => s.blockedBy)
  assert.equal(blocked.length, 3)
  for (const s of blocked) {
    const lead = memberIdOf(Object.keys(s.consortium)[0]!)
    const actor: Actor = { ...systemActor, kind: 'user', label: 'lead', memberships: new Map([[lead, 'owner']]) }
    const row = await t.db
      .selectFrom('applications')
      .select(['version', 'status'])
      .where('id', '=', applicationIdOf(s.key))
      .executeTakeFirstOrThrow()
    assert.equal(row.status, 'draft')
    const ctx = seedContext(t.db, new FixedClock(at('2022-04-25T12:00')), actor)
    await assert.rejects(
      submitApplication(ctx, applicationIdOf(s.key), { version: row.version }, `test-${s.key}`),
      (err: unknown) =>
        err instanceof DomainError &&
        err.code === 'application_not_ready' &&
        JSON.stringify(err.details).includes(s.blockedBy!),
    )
  }
})

test('screening results, the override and the admissibility decisions', async () => {
  const results = await t.db.selectFrom('eligibility_results').selectAll().execute()
  const submitted = apps.filter((a) => a.status === 'submitted')
  for (const a of submitted) {
    const mine = results.filter((r) => r.application_id === a.id)
    assert.equal(mine.length, 12, `${a.acronym}: one result per rule`)
    assert.ok(mine.every((r) => r.revision === a.submitted_revision))
  }
  assert.ok(
    results.some((r) => r.rule === 'trl_window' && r.outcome === 'warning'),
    'a TRL outside a challenge’s range',
  )
  const override = results.filter((r) => r.override_outcome !== null)
  assert.equal(override.length, 1)
  assert.equal(override[0]!.application_id, applicationIdOf(oc1Review.override.application))
  assert.equal(override[0]!.rule, 'minimum_smes')
  assert.equal(override[0]!.outcome, 'warning')
  assert.equal(override[0]!.override_outcome, 'pass')
  const decided = apps.filter((a) => a.admissibility !== 'pending')
  // OC1: the review's decisions, then those the evaluation seed took before evaluating; OC2: all eight that
  // were submitted (in evaluation now).
  const admissible = decided.filter((a) => a.admissibility === 'admissible')
  assert.equal(
    admissible.filter((a) => a.call_id === callIdOf('OC1')).length,
    oc1Review.admissible.length + oc1LateAdmissible.length,
  )
  assert.equal(admissible.filter((a) => a.call_id === callIdOf('OC2')).length, 8)
  assert.deepEqual(
    decided.filter((a) => a.admissibility === 'inadmissible').map((a) => a.id),
    [applicationIdOf(oc1Review.inadmissible.application)],
  )

  // The demo SME sees its OC1 application, admissible, with its two receipts.
  const sme = t.client()
  await sme.signIn('sme@securit.demo', DEMO_PASSWORD)
  const mine = await sme.get(`/api/v1/applications/${applicationIdOf('oc1-meshguard')}`)
  assert.equal(mine.status, 200)
  assert.equal(mine.body.status, 'submitted')
  assert.equal(mine.body.revisions.length, 2)
  assert.equal(mine.body.eligibility.admissibility, 'admissible')
  assert.equal(mine.body.call.phase, 'closed')
})

test('the operators’ dashboard reads the seeded OC1 in the shape of the real statistics', async () => {
  const operator = t.client()
  await operator.signIn('operator@securit.demo', DEMO_PASSWORD)
  const d = await operator.get(`/api/v1/calls/${callIdOf('OC1')}/dashboard`)
  assert.equal(d.status, 200, JSON.stringify(d.body))
  assert.equal(d.body.submitted, 18)
  assert.equal(d.body.withdrawn, 1)
  assert.ok(d.body.crossBorderShare > 0.8 && d.body.crossBorderShare < 1, 'most, not all, cross-border')
  const byDomain = new Map(d.body.byDomain.map((r: { key: string; count: number }) => [r.key, r.count]))
  assert.ok((byDomain.get('D1') as number) > (byDomain.get('D2') as number), 'D1 first, as in OC1')
  const xlsx = await operator.get(`/api/v1/calls/${callIdOf('OC1')}/applications/export?format=xlsx`)
  assert.equal(xlsx.status, 200)
})
