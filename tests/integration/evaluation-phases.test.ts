/**
 * Evaluation set-up (issue 7 §5): a call's evaluation settings (defaults, validation with field errors,
 * panel rules locked once an assignment exists), its phases as wall-clock times in the call's zone
 * (individual → consensus → panel, after the deadline), and the operators' hub with its counts.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { FixedClock } from '../../server/platform/clock.ts'
import { assign, evaluationFixture } from '../factories/evaluation.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const clock = new FixedClock('2026-03-20T10:00:00Z')
const t = await createTestApp({ clock })
const f = await evaluationFixture(t, { applications: 2, experts: 3 })
const op = f.operator
const settingsUrl = `/api/v1/calls/${f.call.id}/evaluation/settings`
const phasesUrl = `/api/v1/calls/${f.call.id}/evaluation/phases`

const body = {
  expertsPerApplication: 3,
  practitionerRequired: true,
  onePerCountry: true,
  excludeApplicantCountries: false,
  anonymised: false,
  spreadThreshold: 1.5,
  commentMinLength: 100,
  tieBreaks: [
    { rule: 'uncovered_challenge' },
    { rule: 'criterion' },
    { rule: 'more_smes' },
    { rule: 'more_countries' },
    { rule: 'earlier_submission' },
  ],
  bidWeight: 0.3,
  redressWindowDays: 5,
  redressHandlingWorkingDays: 15,
  redressHolidays: [] as string[],
}

test('settings: the defaults with the call’s criteria and scale until saved', async () => {
  const res = await op.get(settingsUrl)
  assert.equal(res.status, 200)
  const { criteria, ...rest } = res.body
  assert.deepEqual(rest, {
    ...body,
    callId: f.call.id,
    stored: false,
    locked: false,
    scale: { min: 0, max: 5, step: 0.5 },
    totalThreshold: 10,
  })
  assert.deepEqual(
    criteria.map((c: { id: string; weight: number; threshold: number }) => [c.id, c.weight, c.threshold]),
    [
      ['excellence', 1, 3],
      ['impact', 1, 3],
      ['implementation', 1, 3],
    ],
  )
})

test('settings: saved, audited, read back; the tie-break list in the order given', async () => {
  const input = {
    ...body,
    expertsPerApplication: 2,
    anonymised: true,
    spreadThreshold: 2,
    commentMinLength: 20,
    tieBreaks: [{ rule: 'criterion', criterionId: 'impact' }, { rule: 'more_smes' }, { rule: 'criterion' }],
    bidWeight: 0.5,
  }
  const res = await op.request('PUT', settingsUrl, input)
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.stored, true)
  assert.equal(res.body.expertsPerApplication, 2)
  assert.equal(res.body.spreadThreshold, 2)
  assert.equal(res.body.bidWeight, 0.5)
  assert.deepEqual(res.body.tieBreaks, input.tieBreaks)
  const again = await op.get(settingsUrl)
  assert.deepEqual(again.body, res.body)
  const events = await auditEvents(t.db, 'evaluation.settings_saved', f.call.id)
  assert.equal(events.length, 1)
  assert.equal(events[0]!.actor_id, f.operatorUser.id)
  const change = events[0]!.change as { from: { expertsPerApplication: number }; to: { expertsPerApplication: number } }
  assert.equal(change.from.expertsPerApplication, 3)
  assert.equal(change.to.expertsPerApplication, 2)
})

test('settings: field errors for unknown criteria, repeats and out-of-range values', async () => {
  const res = await op.request('PUT', settingsUrl, {
    ...body,
    tieBreaks: [
      { rule: 'criterion', criterionId: 'beauty' },
      { rule: 'more_smes', criterionId: 'impact' },
      { rule: 'criterion' },
      { rule: 'criterion' },
    ],
  })
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'validation_failed')
  assert.deepEqual(
    res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['tieBreaks.0.criterionId', 'unknown_criterion'],
      ['tieBreaks.1.criterionId', 'not_allowed'],
      ['tieBreaks.3.rule', 'duplicate'],
    ],
  )
  const range = await op.request('PUT', settingsUrl, { ...body, expertsPerApplication: 0, bidWeight: 2 })
  assert.equal(range.status, 400)
  assert.equal(range.body.code, 'validation_failed')
  assert.deepEqual(range.body.errors.map((e: { path: string }) => e.path).sort(), [
    'bidWeight',
    'expertsPerApplication',
  ])
})

test('settings: public holidays for redress saved once each and in order, audited', async () => {
  const current = (await op.get(settingsUrl)).body
  const { callId: _c, stored: _s, locked: _l, criteria: _cr, scale: _sc, totalThreshold: _tt, ...input } = current
  const days = ['2026-12-25', '2026-04-06', '2026-05-01', '2026-04-06']
  const res = await op.request('PUT', settingsUrl, { ...input, redressHolidays: days })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.deepEqual(res.body.redressHolidays, ['2026-04-06', '2026-05-01', '2026-12-25'])
  assert.deepEqual((await op.get(settingsUrl)).body.redressHolidays, ['2026-04-06', '2026-05-01', '2026-12-25'])
  const stored = await t.db
    .selectFrom('evaluation_settings')
    .select(sql<string[]>`redress_holidays::text[]`.as('days'))
    .where('call_id', '=', f.call.id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(stored.days, ['2026-04-06', '2026-05-01', '2026-12-25'])
  const events = await auditEvents(t.db, 'evaluation.settings_saved', f.call.id)
  const change = events.at(-1)!.change as { from: { redressHolidays: string[] }; to: { redressHolidays: string[] } }
  assert.deepEqual(change.from.redressHolidays, [])
  assert.deepEqual(change.to.redressHolidays, ['2026-04-06', '2026-05-01', '2026-12-25'])
  // Omitted: none (PUT replaces the settings).
  const { redressHolidays: _h, ...withoutDays } = input
  const cleared = await op.request('PUT', settingsUrl, withoutDays)
  assert.equal(cleared.status, 200)
  assert.deepEqual(cleared.body.redressHolidays, [])
})

test('settings: a public holiday that is not a real day, or too many of them, is a field error', async () => {
  const res = await op.request('PUT', settingsUrl, {
    ...body,
    expertsPerApplication: 2,
    redressHolidays: ['2026-04-06', '2026-02-30', '6/4/2026'],
  })
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'validation_failed')
  assert.deepEqual(
    res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['redressHolidays.1', 'invalid_date'],
      ['redressHolidays.2', 'invalid_date'],
    ],
  )
  const start = Date.UTC(2026, 0, 5)
  const many = Array.from({ length: 61 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10))
  const tooMany = await op.request('PUT', settingsUrl, { ...body, expertsPerApplication: 2, redressHolidays: many })
  assert.equal(tooMany.status, 400)
  assert.deepEqual(
    tooMany.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['redressHolidays', 'too_many_days']],
  )
  assert.equal((await op.get(settingsUrl)).body.redressHolidays.length, 0)
})

test('settings: experts per application and panel rules lock once an assignment exists', async () => {
  await assign(t.db, f.call.id, f.applications[0]!.id, f.experts[0]!.id)
  const current = (await op.get(settingsUrl)).body
  assert.equal(current.locked, true)
  const { callId: _c, stored: _s, locked: _l, criteria: _cr, scale: _sc, totalThreshold: _tt, ...input } = current
  const res = await op.request('PUT', settingsUrl, { ...input, expertsPerApplication: 4, onePerCountry: false })
  assert.equal(res.status, 409)
  assert.equal(res.body.code, 'evaluation_settings_locked')
  assert.deepEqual(res.body.fields, ['expertsPerApplication', 'onePerCountry'])
  const ok = await op.request('PUT', settingsUrl, { ...input, commentMinLength: 50, anonymised: false })
  assert.equal(ok.status, 200)
  assert.equal(ok.body.commentMinLength, 50)
  assert.equal(ok.body.expertsPerApplication, 2)
})

test('settings and phases: operators only', async () => {
  const expert = f.experts[1]!.client
  for (const url of [settingsUrl, phasesUrl]) {
    assert.equal((await expert.get(url)).status, 403)
    assert.equal((await expert.request('PUT', url, {})).status, 403)
  }
  const applicant = await signedIn(t, f.applications[0]!.partners[0]!.org.member)
  assert.equal((await applicant.get(settingsUrl)).status, 403)
  assert.equal((await applicant.get('/api/v1/evaluation/calls')).status, 403)
})

test('phases: unset, then set in the call’s zone (Brussels, across the change to summer time)', async () => {
  const before = await op.get(phasesUrl)
  assert.equal(before.status, 200)
  assert.deepEqual(before.body, {
    callId: f.call.id,
    timeZone: 'Europe/Brussels',
    closesAt: '2026-03-14T16:00:00.000Z',
    localClosesAt: '2026-03-14T17:00',
    serverNow: '2026-03-20T10:00:00.000Z',
    phases: ['individual', 'consensus', 'panel'].map((kind) => ({
      kind,
      startsAt: null,
      endsAt: null,
      localStartsAt: null,
      localEndsAt: null,
      status: 'unset',
    })),
  })
  const res = await op.request('PUT', phasesUrl, {
    individual: { startsAt: '2026-03-16T09:00', endsAt: '2026-04-10T17:00' },
    consensus: { startsAt: '2026-04-13T09:00', endsAt: '2026-04-24T17:00' },
  })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.deepEqual(res.body.phases, [
    {
      kind: 'individual',
      startsAt: '2026-03-16T08:00:00.000Z',
      endsAt: '2026-04-10T15:00:00.000Z',
      localStartsAt: '2026-03-16T09:00',
      localEndsAt: '2026-04-10T17:00',
      status: 'open',
    },
    {
      kind: 'consensus',
      startsAt: '2026-04-13T07:00:00.000Z',
      endsAt: '2026-04-24T15:00:00.000Z',
      localStartsAt: '2026-04-13T09:00',
      localEndsAt: '2026-04-24T17:00',
      status: 'upcoming',
    },
    { kind: 'panel', startsAt: null, endsAt: null, localStartsAt: null, localEndsAt: null, status: 'unset' },
  ])
  // The reminder sweep: 48 h before the individual phase ends.
  const jobs = await t.db
    .selectFrom('jobs')
    .select('run_at')
    .where('queue', '=', 'evaluation.reminders')
    .where('done_at', 'is', null)
    .execute()
  assert.deepEqual(
    jobs.map((j) => new Date(j.run_at).toISOString()),
    ['2026-04-08T15:00:00.000Z'],
  )
  const events = await auditEvents(t.db, 'evaluation.phases_saved', f.call.id)
  assert.equal(events.length, 1)
  assert.deepEqual((events[0]!.change as { to: unknown }).to, {
    individual: { startsAt: '2026-03-16T08:00:00.000Z', endsAt: '2026-04-10T15:00:00.000Z' },
    consensus: { startsAt: '2026-04-13T07:00:00.000Z', endsAt: '2026-04-24T15:00:00.000Z' },
    panel: { startsAt: null, endsAt: null },
  })
})

test('phases: each after the one before and after the deadline, real times only; nothing written', async () => {
  const res = await op.request('PUT', phasesUrl, {
    individual: { startsAt: '2026-03-14T10:00', endsAt: '2026-04-10T17:00' },
    consensus: { startsAt: '2026-04-09T09:00', endsAt: '2026-04-08T17:00' },
    panel: { startsAt: '2026-03-29T02:30', endsAt: '2026-05-10T17:00' },
  })
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'evaluation_phases_invalid')
  assert.deepEqual(
    res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['consensus.endsAt', 'before_start'],
      ['panel.startsAt', 'local_time_missing'],
      ['individual.startsAt', 'before_deadline'],
      ['consensus.startsAt', 'before_previous'],
    ],
  )
  const noConsensus = await op.request('PUT', phasesUrl, {
    individual: { startsAt: '2026-03-16T09:00', endsAt: '2026-04-10T17:00' },
    panel: { startsAt: '2026-05-01T09:00', endsAt: '2026-05-10T17:00' },
  })
  assert.equal(noConsensus.status, 400)
  assert.deepEqual(
    noConsensus.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['panel', 'needs_consensus']],
  )
  const after = await op.get(phasesUrl)
  assert.equal(after.body.phases[0].localEndsAt, '2026-04-10T17:00')
  assert.equal(after.body.phases[1].localStartsAt, '2026-04-13T09:00')
})

test('hub: closed calls of the operator’s programme with their counts and phase statuses', async () => {
  const a0 = f.applications[0]!.id
  const a1 = f.applications[1]!.id
  const x1 = await assign(t.db, f.call.id, a1, f.experts[1]!.id)
  await assign(t.db, f.call.id, a0, f.experts[2]!.id, { status: 'assigned' })
  const now = new Date('2026-03-20T10:00:00Z')
  await t.db
    .insertInto('evaluations')
    .values({
      assignment_id: x1,
      call_id: f.call.id,
      application_id: a1,
      user_id: f.experts[1]!.id,
      revision: 1,
      status: 'submitted',
      created_at: now,
      updated_at: now,
      submitted_at: now,
    })
    .execute()
  await t.db
    .insertInto('consensus_records')
    .values({ application_id: a1, call_id: f.call.id, status: 'final', recorded_at: now })
    .execute()
  const res = await op.get('/api/v1/evaluation/calls')
  assert.equal(res.status, 200)
  const mine = res.body.items.find((c: { callId: string }) => c.callId === f.call.id)
  assert.deepEqual(mine, {
    callId: f.call.id,
    code: f.call.code,
    title: { en: `Screening test call ${f.call.code}`, fr: `Appel de test ${f.call.code}` },
    closesAt: '2026-03-14T16:00:00.000Z',
    timeZone: 'Europe/Brussels',
    counts: {
      admissible: 2,
      approvedExperts: 3,
      assignments: 3,
      evaluationsSubmitted: 1,
      evaluationsExpected: 3,
      consensusFinal: 1,
    },
    phases: { individual: 'open', consensus: 'upcoming', panel: 'unset' },
  })
  // An operator of no programme sees nothing.
  const lone = await signedIn(t, await createUser(t.db, t.programmeId))
  assert.equal((await lone.get('/api/v1/evaluation/calls')).status, 403)
})
