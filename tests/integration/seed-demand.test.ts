import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedId } from '../../server/seed/ids.ts'
import { DEMO_PASSWORD, seedDemoAccounts, seedProgramme } from '../../server/seed/index.ts'
import { DEMO_NOTE, demoWorkshops } from '../../server/seed/workshops-data.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()
const workshopId = (key: string) => seedId(`workshop:securit:${key}`)
const tables = [
  'workshops',
  'workshop_use_cases',
  'workshop_registrations',
  'workshop_votes',
  'use_cases',
  'use_case_revisions',
  'use_case_transitions',
  'users',
  'memberships',
  'programme_roles',
  'challenges',
] as const

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of tables) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    out[table] = Number(row.n)
  }
  return out
}

test('seeding twice gives the same rows: two demo workshops of November 2021 with use cases and votes', async () => {
  await seedDemoAccounts(t.db, t.programmeId)
  const first = await counts()
  const again = await seedProgramme(t.db)
  assert.equal(again, t.programmeId)
  await seedDemoAccounts(t.db, t.programmeId)
  assert.deepEqual(await counts(), first)
  assert.equal(first.workshops, 2)
  assert.equal(first.use_cases, 7)
  assert.equal(first.workshop_use_cases, 7)
  assert.equal(first.workshop_registrations, 8)
  assert.equal(first.workshop_votes, 21)
  assert.equal(first.use_case_revisions, 7)
  assert.equal(first.use_case_transitions, 14)

  const workshops = await t.db.selectFrom('workshops').selectAll().orderBy('starts_at').execute()
  assert.deepEqual(
    workshops.map((w) => [w.status, w.format, new Date(w.starts_at).toISOString().slice(0, 10), w.time_zone]),
    [
      ['published', 'online', '2021-11-18', 'Europe/Paris'],
      ['published', 'online', '2021-11-19', 'Europe/Amsterdam'],
    ],
  )
  assert.deepEqual(
    workshops.map((w) => w.cluster_id),
    [seedId('cluster:securit:safe-cluster'), seedId('cluster:securit:hsd')],
  )
  const useCases = await t.db.selectFrom('use_cases').select(['status', 'confidentiality', 'content']).execute()
  for (const u of useCases) {
    assert.equal(u.status, 'accepted')
    assert.equal(u.confidentiality, 'public')
    const content = (typeof u.content === 'string' ? JSON.parse(u.content) : u.content) as { contextAndThreat: string }
    assert.ok(content.contextAndThreat.includes(DEMO_NOTE), 'marked as demo content')
  }
})

test('the closed vote of each demo workshop has the expected ranking (ties share a rank)', async () => {
  const staff = t.client()
  assert.equal((await staff.signIn('staff.safe@securit.demo', DEMO_PASSWORD)).status, 200)
  const first = await staff.get(`/api/v1/workshops/${workshopId('ws-2021-11-18')}/results`)
  assert.equal(first.status, 200, JSON.stringify(first.body))
  assert.equal(first.body.closed, true)
  assert.equal(first.body.voters, 4)
  const title = (key: string) => demoWorkshops[0]!.useCases.find((u) => u.key === key)!.title
  const rows = first.body.rows as { title: string; points: number; voters: number; rank: number }[]
  assert.deepEqual(
    rows.map((r) => [r.rank, r.points, r.voters]),
    [
      [1, 12, 4],
      [2, 10, 3],
      [2, 10, 3],
      [4, 8, 2],
    ],
  )
  assert.equal(rows[0]!.title, title('crowd-density'))
  assert.deepEqual(
    rows
      .slice(1, 3)
      .map((r) => r.title)
      .sort(),
    [title('event-alerting'), title('lost-children')].sort(),
  )
  assert.equal(rows[3]!.title, title('vehicle-barriers'))

  // A participant sees the results too once the vote has closed.
  const city = t.client()
  assert.equal((await city.signIn('city@securit.demo', DEMO_PASSWORD)).status, 200)
  const second = await city.get(`/api/v1/workshops/${workshopId('ws-2021-11-19')}/results`)
  assert.equal(second.status, 200, JSON.stringify(second.body))
  const titles = demoWorkshops[1]!.useCases
  const byKey = (key: string) => titles.find((u) => u.key === key)!.title
  assert.deepEqual(
    (second.body.rows as { title: string; points: number; voters: number; rank: number }[]).map((r) => [
      r.rank,
      r.title,
      r.points,
      r.voters,
    ]),
    [
      [1, byKey('hospital-power'), 15, 3],
      [2, byKey('water-ot'), 13, 3],
      [3, byKey('flood-common-picture'), 12, 3],
    ],
  )
})
