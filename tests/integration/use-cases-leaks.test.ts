/**
 * Confidential use cases must not leak: a restricted draft and a restricted accepted use case of one
 * organisation are invisible to everyone outside it (and the draft to staff), through every route.
 * Then the cluster and workshop side of the rule: staff see what their cluster follows (member
 * organisations, its workshops' captures and votes), approved participants what they vote on
 * (`programme` and `public` only), and nobody else sees more, through lists, counts, search, the use
 * case and its thread and revisions, exports, the workshop, the ballot and the tally.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { readTable } from '../../server/platform/export/index.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { insertUseCase } from '../factories/use-cases.ts'
import { createUser, type TestUser } from '../factories/users.ts'
import { clusterId } from '../factories/workshops.ts'
import { createTestApp, type Res, type TestClient } from '../support/app.ts'

const t = await createTestApp()
const a = await createTeam(t.db, t.programmeId, { type: 'public_authority' })
const b = await createTeam(t.db, t.programmeId, { type: 'integrator' })
const base = { programmeId: t.programmeId, organisationId: a.org.id, authorId: a.member.id }
const draft = await insertUseCase(t.db, { ...base, title: 'Zanzibarquartz draft', status: 'draft' })
const accepted = await insertUseCase(t.db, { ...base, title: 'Xylophonequasar accepted', status: 'accepted' })
const programmeOnly = await insertUseCase(t.db, {
  ...base,
  title: 'Wombatprogramme accepted',
  status: 'accepted',
  confidentiality: 'programme',
})
const publicDraft = await insertUseCase(t.db, {
  ...base,
  title: 'Vortexpublic draft',
  status: 'submitted',
  confidentiality: 'public',
})
const publicAccepted = await insertUseCase(t.db, {
  ...base,
  title: 'Umbrellapublic accepted',
  status: 'accepted',
  confidentiality: 'public',
})
const secret = [draft, accepted, programmeOnly, publicDraft]
const words = ['Zanzibarquartz', 'Xylophonequasar', 'Wombatprogramme', 'Vortexpublic']

const operator = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
const opClient = await signedIn(t, operator)
const noScope = await opClient.post('/api/v1/me/tokens', { name: 'no use-case scope', scopes: ['profile:read'] })
const readOnly = await opClient.post('/api/v1/me/tokens', { name: 'read', scopes: ['use_cases:read'] })
const bearer = (token: string) => {
  const c = t.client()
  c.headers = { authorization: `Bearer ${token}` }
  return c
}

const outsiders: [string, TestClient][] = [
  ['member of org B', await signedIn(t, b.owner)],
  ['plain user', await signedIn(t, await createUser(t.db, t.programmeId))],
  ['expert', await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'expert' }))],
  ['anonymous', t.client()],
  ['token without scope', bearer(noScope.body.token)],
]

/** Nothing in the answer may name a hidden use case (`instance` only echoes the caller's own URL). */
function assertSilent(label: string, res: { status: number; body: unknown }) {
  const text = JSON.stringify(res.body, (k, v) => (k === 'instance' ? undefined : v))
  for (const w of words) assert.ok(!text.includes(w), `${label}: leaked ${w}`)
  for (const uc of secret) {
    assert.ok(!text.includes(uc.id), `${label}: leaked ${uc.id}`)
    assert.ok(!text.includes(uc.reference), `${label}: leaked ${uc.reference}`)
  }
}

// ---- Clusters and workshops ------------------------------------------------------------------------

type UC = { id: string; reference: string; title: string }
async function makeUseCase(
  organisationId: string,
  title: string,
  status: string,
  confidentiality: string,
): Promise<UC> {
  const row = await insertUseCase(t.db, {
    programmeId: t.programmeId,
    organisationId,
    title,
    status: status as 'draft',
    confidentiality: confidentiality as 'restricted',
  })
  return { ...row, title }
}
const hour = 3_600_000
async function workshop(cluster: string, status: 'published' | 'cancelled' | 'draft', title: string): Promise<string> {
  const now = Date.now()
  const row = await t.db
    .insertInto('workshops')
    .values({
      programme_id: t.programmeId,
      cluster_id: clusterId(cluster),
      status,
      title,
      description: '',
      format: 'online',
      starts_at: new Date(now - 48 * hour),
      ends_at: new Date(now - 46 * hour),
      time_zone: 'Europe/Brussels',
      capacity: 3,
      points_budget: 10,
      vote_closes_at: new Date(now - hour),
      created_at: new Date(now - 96 * hour),
      updated_at: new Date(now - 96 * hour),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
const link = (workshopId: string, uc: UC) =>
  t.db.insertInto('workshop_use_cases').values({ workshop_id: workshopId, use_case_id: uc.id }).execute()
const captured = (workshopId: string, uc: UC) =>
  t.db.updateTable('use_cases').set({ workshop_id: workshopId }).where('id', '=', uc.id).execute()
async function registered(workshopId: string, status: string, user?: TestUser): Promise<TestUser> {
  const person = user ?? (await createUser(t.db, t.programmeId))
  await t.db
    .insertInto('workshop_registrations')
    .values({ workshop_id: workshopId, user_id: person.id, status, created_at: new Date() })
    .execute()
  return person
}

// Org A (above) is a member of HSD; org C of no cluster: only workshops make its use cases followed.
await t.db
  .insertInto('cluster_members')
  .values({ cluster_id: clusterId('hsd'), organisation_id: a.org.id })
  .execute()
const c = await createTeam(t.db, t.programmeId, { type: 'infrastructure_operator' })
const lsecWs = await workshop('lsec', 'published', 'LSEC workshop')
const hsdWs = await workshop('hsd', 'published', 'HSD workshop')
const cancelledWs = await workshop('lsec', 'cancelled', 'Cancelled LSEC workshop')
const draftWs = await workshop('lsec', 'draft', 'Draft LSEC workshop')
const voted = await makeUseCase(c.org.id, 'Quokkavoted programme', 'submitted', 'programme')
const restrictedLinked = await makeUseCase(c.org.id, 'Narwhalrestricted linked', 'accepted', 'restricted')
const capturedOnly = await makeUseCase(c.org.id, 'Marmotcaptured programme', 'submitted', 'programme')
const capturedDraft = await makeUseCase(c.org.id, 'Lemurcaptured draft', 'draft', 'programme')
const cancelledLinked = await makeUseCase(c.org.id, 'Koalacancelled workshop', 'accepted', 'programme')
const draftWsLinked = await makeUseCase(c.org.id, 'Jackaldraft workshop', 'accepted', 'programme')
const hsdVoted = await makeUseCase(c.org.id, 'Ibexhsd programme', 'submitted', 'programme')
await link(lsecWs, voted)
await link(lsecWs, restrictedLinked) // linked before restricted use cases were kept out of votes
await captured(lsecWs, capturedOnly)
await captured(lsecWs, capturedDraft)
await link(cancelledWs, cancelledLinked)
await link(draftWs, draftWsLinked)
await link(hsdWs, hsdVoted)

const A = { draft, accepted, programmeOnly, publicDraft, publicAccepted }
const C = { voted, restrictedLinked, capturedOnly, capturedDraft, cancelledLinked, draftWsLinked, hsdVoted }
const everything: Record<string, UC> = Object.fromEntries(
  Object.entries({ ...A, ...C }).map(([k, v]) => [k, { ...v, title: k }]),
)
const titleOf = new Map<string, string>()
for (const [k, v] of Object.entries({ ...A, ...C })) titleOf.set(v.id, k)
const realTitles = new Map([
  [draft.id, 'Zanzibarquartz draft'],
  [accepted.id, 'Xylophonequasar accepted'],
  [programmeOnly.id, 'Wombatprogramme accepted'],
  [publicDraft.id, 'Vortexpublic draft'],
  [publicAccepted.id, 'Umbrellapublic accepted'],
  ...Object.values(C).map((u) => [u.id, u.title] as const),
])

const lsecParticipant = await registered(lsecWs, 'approved')
// Staff of another cluster taking part in LSEC's workshop: a reader there, never staff.
const hsdStaffParticipant = await registered(
  lsecWs,
  'approved',
  await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }),
)
await t.db
  .insertInto('workshop_votes')
  .values([
    { workshop_id: lsecWs, user_id: lsecParticipant.id, use_case_id: voted.id, points: 3, cast_at: new Date() },
    {
      workshop_id: lsecWs,
      user_id: lsecParticipant.id,
      use_case_id: restrictedLinked.id,
      points: 2,
      cast_at: new Date(),
    },
    {
      workshop_id: lsecWs,
      user_id: hsdStaffParticipant.id,
      use_case_id: restrictedLinked.id,
      points: 7,
      cast_at: new Date(),
    },
  ])
  .execute()

interface Viewer {
  who: string
  client: TestClient
  sees: (keyof typeof everything)[]
  /** Parties (authors, staff) also read the thread and the revisions. */
  partyOf: (keyof typeof everything)[]
}
const viewers: Viewer[] = [
  {
    who: 'HSD staff (A is a member; C voted at an HSD workshop)',
    client: await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff' })),
    sees: ['accepted', 'programmeOnly', 'publicDraft', 'publicAccepted', 'hsdVoted'],
    partyOf: ['accepted', 'programmeOnly', 'publicDraft', 'publicAccepted', 'hsdVoted'],
  },
  {
    who: 'LSEC staff (its workshops: votes, captures, a cancelled and a draft one)',
    client: await signedIn(
      t,
      await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'lsec' }),
    ),
    sees: ['publicAccepted', 'voted', 'restrictedLinked', 'capturedOnly', 'cancelledLinked', 'draftWsLinked'],
    partyOf: ['voted', 'restrictedLinked', 'capturedOnly', 'cancelledLinked', 'draftWsLinked'],
  },
  {
    who: 'approved participant of the LSEC workshop',
    client: await signedIn(t, lsecParticipant),
    sees: ['publicAccepted', 'voted'],
    partyOf: [],
  },
  {
    who: 'HSD staff, approved participant of the LSEC workshop',
    client: await signedIn(t, hsdStaffParticipant),
    sees: ['accepted', 'programmeOnly', 'publicDraft', 'publicAccepted', 'hsdVoted', 'voted'],
    partyOf: ['accepted', 'programmeOnly', 'publicDraft', 'publicAccepted', 'hsdVoted'],
  },
  ...(await Promise.all(
    (['pending', 'waitlisted', 'rejected', 'cancelled'] as const).map(async (status) => ({
      who: `${status} registrant of the LSEC workshop`,
      client: await signedIn(t, await registered(lsecWs, status)),
      sees: ['publicAccepted'] as (keyof typeof everything)[],
      partyOf: [] as (keyof typeof everything)[],
    })),
  )),
  {
    who: 'approved participant of another (HSD) workshop',
    client: await signedIn(t, await registered(hsdWs, 'approved')),
    sees: ['publicAccepted', 'hsdVoted'],
    partyOf: [],
  },
  {
    who: 'approved participant of a cancelled workshop',
    client: await signedIn(t, await registered(cancelledWs, 'approved')),
    sees: ['publicAccepted'],
    partyOf: [],
  },
  {
    who: 'approved participant of a draft workshop',
    client: await signedIn(t, await registered(draftWs, 'approved')),
    sees: ['publicAccepted'],
    partyOf: [],
  },
  {
    who: 'member of org C',
    client: await signedIn(t, c.member),
    sees: ['publicAccepted', ...(Object.keys(C) as (keyof typeof everything)[])],
    partyOf: Object.keys(C) as (keyof typeof everything)[],
  },
  {
    who: 'operator',
    client: opClient,
    sees: Object.keys(everything) as (keyof typeof everything)[],
    partyOf: Object.keys(everything) as (keyof typeof everything)[],
  },
]

/** Nothing in `res` may name a use case outside `visible` (title, id or reference). */
function assertOnly(label: string, res: Res | { body: unknown }, visible: Set<string>) {
  const text =
    typeof res.body === 'string' ? res.body : JSON.stringify(res.body, (k, v) => (k === 'instance' ? undefined : v))
  for (const [key, uc] of Object.entries({ ...A, ...C })) {
    if (visible.has(uc.id)) continue
    const title = realTitles.get(uc.id)!
    for (const needle of [title.split(' ')[0]!, uc.id, `"${uc.reference}"`]) {
      assert.ok(!text.includes(needle), `${label}: leaked ${key} (${needle})`)
    }
  }
}
const sorted = (ids: string[]) => [...ids].sort()
const idsOf = (keys: readonly string[]) => keys.map((k) => everything[k]!.id)

// Every test is registered after all the top-level fixtures above are built: node:test runs a test as soon as
// it is registered, and with all registered tests done it may close the app while top-level code still awaits.

test('outsiders see no confidential use case through any route', async () => {
  for (const [who, c] of outsiders) {
    const denied = who === 'anonymous' ? 401 : who === 'token without scope' ? 403 : null
    const list = await c.get('/api/v1/use-cases?pageSize=100')
    assertSilent(`${who} list`, list)
    if (denied) assert.equal(list.status, denied, who)
    else assert.deepEqual([list.body.total, list.body.items.map((u: { id: string }) => u.id)], [1, [publicAccepted.id]])
    for (const w of words) {
      const search = await c.get(`/api/v1/use-cases?q=${w}`)
      assertSilent(`${who} search ${w}`, search)
      if (!denied) assert.equal(search.body.total, 0, `${who} search ${w}`)
    }
    const filtered = await c.get(`/api/v1/use-cases?organisation=${a.org.id}&confidentiality=restricted`)
    if (!denied) assert.equal(filtered.body.total, 0)
    for (const uc of [...secret, { id: randomUUID() }]) {
      for (const path of ['', '/comments', '/revisions/1']) {
        const res = await c.get(`/api/v1/use-cases/${uc.id}${path}`)
        assertSilent(`${who} GET ${path}`, res)
        assert.equal(res.status, denied ?? 404, `${who} GET ${uc.id}${path}`)
        if (!denied) assert.equal(res.body.code, 'use_case_not_found')
      }
      for (const [path, body] of [
        ['/comments', { body: 'hello' }],
        ['/transitions', { action: 'archive' }],
      ] as const) {
        const res = await c.post(`/api/v1/use-cases/${uc.id}${path}`, body)
        assertSilent(`${who} POST ${path}`, res)
        assert.equal(res.status, denied ?? 404, `${who} POST ${uc.id}${path}`)
      }
      const patch = await c.patch(`/api/v1/use-cases/${uc.id}`, { expectedRevision: 1, title: 'Hijacked' })
      assert.equal(patch.status, denied ?? 404, `${who} PATCH`)
    }
  }
  const titles = await t.db.selectFrom('use_cases').select('title').where('organisation_id', '=', a.org.id).execute()
  assert.ok(!titles.some((r) => r.title === 'Hijacked'))
})

test('a public accepted use case is readable by outsiders, but not its thread nor its revisions', async () => {
  const [who, c] = outsiders[0]!
  const res = await c.get(`/api/v1/use-cases/${publicAccepted.id}`)
  assert.equal(res.status, 200, who)
  assert.deepEqual([res.body.comments, res.body.revisions, res.body.transitions], [[], [], []])
  assert.deepEqual(res.body.abilities.comment, { allowed: false, reason: 'not_a_member' })
  assert.equal((await c.get(`/api/v1/use-cases/${publicAccepted.id}/comments`)).status, 403)
  assert.equal((await c.get(`/api/v1/use-cases/${publicAccepted.id}/revisions/1`)).status, 403)
})

test('cluster staff, workshop participants and registrants see exactly what the rule gives them, everywhere', async () => {
  for (const v of viewers) {
    const visible = new Set(idsOf(v.sees))
    const list = await v.client.get('/api/v1/use-cases?pageSize=100')
    assert.equal(list.status, 200, v.who)
    assertOnly(`${v.who} list`, list, visible)
    assert.deepEqual(
      [list.body.total, sorted(list.body.items.map((u: { id: string }) => u.id))],
      [visible.size, sorted([...visible])],
      `${v.who}: list and total`,
    )
    // Counts through filters: per organisation and per confidentiality.
    const ofC = await v.client.get(`/api/v1/use-cases?organisation=${c.org.id}&pageSize=1`)
    assert.equal(ofC.body.total, v.sees.filter((k) => k in C).length, `${v.who}: total of org C`)
    const restricted = await v.client.get('/api/v1/use-cases?confidentiality=restricted&pageSize=1')
    assert.equal(
      restricted.body.total,
      v.sees.filter((k) => ['draft', 'accepted', 'restrictedLinked'].includes(k)).length,
      `${v.who}: restricted total`,
    )
    for (const [key, uc] of Object.entries({ ...A, ...C })) {
      const word = realTitles.get(uc.id)!.split(' ')[0]!
      const search = await v.client.get(`/api/v1/use-cases?q=${word}`)
      assertOnly(`${v.who} search ${key}`, search, visible)
      assert.equal(search.body.total, visible.has(uc.id) ? 1 : 0, `${v.who}: search ${key}`)
      const one = await v.client.get(`/api/v1/use-cases/${uc.id}`)
      const party = v.partyOf.includes(key as keyof typeof everything)
      if (!visible.has(uc.id)) {
        assert.deepEqual([one.status, one.body.code], [404, 'use_case_not_found'], `${v.who}: GET ${key}`)
        assertOnly(`${v.who} GET ${key}`, one, visible)
      } else {
        assert.equal(one.status, 200, `${v.who}: GET ${key}`)
        assert.equal(one.body.comments.length, party ? 1 : 0, `${v.who}: comments in ${key}`)
        assert.equal(one.body.revisions.length, party ? 1 : 0, `${v.who}: revisions in ${key}`)
      }
      for (const path of ['/comments', '/revisions/1']) {
        const res = await v.client.get(`/api/v1/use-cases/${uc.id}${path}`)
        const expected = !visible.has(uc.id) ? 404 : party ? 200 : 403
        assert.equal(res.status, expected, `${v.who}: GET ${key}${path}`)
        if (expected !== 200) assert.ok(!JSON.stringify(res.body).includes('secret note'), `${v.who}: ${key}${path}`)
      }
    }
    for (const format of ['csv', 'xlsx']) {
      const file = await v.client.get(`/api/v1/use-cases/export.${format}?sort=reference`)
      assert.equal(file.status, 200, `${v.who}: export ${format}`)
      const { rows } = await readTable(file.raw.rawPayload)
      assert.deepEqual(
        sorted(rows.slice(1).map((r) => String(r[0]))),
        sorted(
          Object.values({ ...A, ...C })
            .filter((u) => visible.has(u.id))
            .map((u) => u.reference),
        ),
        `${v.who}: export ${format}`,
      )
    }
    // Captured at the LSEC workshop: the list of captures applies the same rule.
    const captures = await v.client.get(`/api/v1/use-cases?workshop=${lsecWs}`)
    assert.deepEqual(
      sorted(captures.body.items.map((u: { id: string }) => u.id)),
      sorted(idsOf(v.sees.filter((k) => k === 'capturedOnly' || k === 'capturedDraft'))),
      `${v.who}: captured at the LSEC workshop`,
    )
    // The workshop shows only the use cases put to its vote that the viewer may see.
    const ws = await v.client.get(`/api/v1/workshops/${lsecWs}`)
    assert.equal(ws.status, 200, `${v.who}: workshop`)
    assertOnly(`${v.who} workshop`, ws, visible)
    const linkedVisible = sorted(idsOf(v.sees.filter((k) => k === 'voted' || k === 'restrictedLinked')))
    assert.deepEqual(ws.body.useCaseIds, linkedVisible, `${v.who}: useCaseIds`)
    assert.deepEqual(
      ws.body.useCases.map((u: { id: string }) => u.id),
      linkedVisible,
      `${v.who}: useCases`,
    )
    const list2 = await v.client.get('/api/v1/workshops')
    assertOnly(`${v.who} workshop list`, list2, visible)
    const ballotRes = await v.client.get(`/api/v1/workshops/${lsecWs}/ballot`)
    assertOnly(`${v.who} ballot`, ballotRes, visible)
  }
})

test('the tally of a closed vote: organisers see every use case, participants only those they may see', async () => {
  const [, lsecStaff, participant, hsdInLsec] = viewers
  const full = await lsecStaff!.client.get(`/api/v1/workshops/${lsecWs}/results`)
  assert.equal(full.status, 200)
  assert.deepEqual(full.body, {
    voters: 2,
    closed: true,
    rows: [
      { useCaseId: restrictedLinked.id, title: restrictedLinked.title, points: 9, voters: 2, rank: 1 },
      { useCaseId: voted.id, title: voted.title, points: 3, voters: 1, rank: 2 },
    ],
  })
  const mine = await participant!.client.get(`/api/v1/workshops/${lsecWs}/results`)
  assert.deepEqual(mine.body, {
    voters: 1,
    closed: true,
    rows: [{ useCaseId: voted.id, title: voted.title, points: 3, voters: 1, rank: 1 }],
  })
  // The HSD staff member voted only on the restricted one: nothing of it reaches them.
  const theirs = await hsdInLsec!.client.get(`/api/v1/workshops/${lsecWs}/results`)
  assert.deepEqual(theirs.body, {
    voters: 1,
    closed: true,
    rows: [{ useCaseId: voted.id, title: voted.title, points: 3, voters: 1, rank: 1 }],
  })
  assert.deepEqual((await participant!.client.get(`/api/v1/workshops/${lsecWs}/ballot`)).body, {
    allocations: [{ useCaseId: voted.id, points: 3 }],
    budget: 10,
    spent: 3,
  })
  assert.deepEqual((await hsdInLsec!.client.get(`/api/v1/workshops/${lsecWs}/ballot`)).body, {
    allocations: [],
    budget: 10,
    spent: 0,
  })
  // Registrants who are not approved get no tally at all.
  const pending = viewers.find((v) => v.who.startsWith('pending'))!
  assert.equal((await pending.client.get(`/api/v1/workshops/${lsecWs}/results`)).status, 403)
})

test('reading as a participant makes nobody staff: no thread, no review, no edit', async () => {
  const hsdInLsec = viewers[3]!
  const participant = viewers[2]!
  for (const v of [hsdInLsec, participant]) {
    const one = await v.client.get(`/api/v1/use-cases/${voted.id}`)
    assert.equal(one.status, 200, v.who)
    assert.deepEqual(
      [
        one.body.abilities.accept,
        one.body.abilities.requestChanges,
        one.body.abilities.comment,
        one.body.abilities.update,
      ],
      [
        { allowed: false, reason: 'missing_role' },
        { allowed: false, reason: 'missing_role' },
        { allowed: false, reason: 'not_a_member' },
        { allowed: false, reason: 'not_the_author' },
      ],
      v.who,
    )
    for (const [path, body] of [
      ['/transitions', { action: 'accept' }],
      ['/transitions', { action: 'request_changes', reason: 'no' }],
      ['/comments', { body: 'hello' }],
    ] as const) {
      const res = await v.client.post(`/api/v1/use-cases/${voted.id}${path}`, body)
      assert.equal(res.status, 403, `${v.who} POST ${path} ${JSON.stringify(res.body)}`)
    }
    assert.equal(
      (await v.client.patch(`/api/v1/use-cases/${voted.id}`, { expectedRevision: 1, title: 'Mine' })).status,
      403,
    )
  }
  // Staff whose cluster follows it are staff: LSEC may request changes on what its workshop votes on.
  const lsecStaff = viewers[1]!
  const staffView = await lsecStaff.client.get(`/api/v1/use-cases/${voted.id}`)
  assert.deepEqual(staffView.body.abilities.requestChanges, { allowed: true })
  // …but not on a draft captured at its workshop (drafts stay with their authors).
  assert.equal((await lsecStaff.client.get(`/api/v1/use-cases/${capturedDraft.id}`)).status, 404)
  const status = await t.db
    .selectFrom('use_cases')
    .select('status')
    .where('id', '=', voted.id)
    .executeTakeFirstOrThrow()
  assert.equal(status.status, 'submitted')
})

test('operators and the owner organisation see all; a read-only token reads but does not write', async () => {
  const ids = async (cl: TestClient) =>
    ((await cl.get(`/api/v1/use-cases?organisation=${a.org.id}&pageSize=100`)).body.items as { id: string }[])
      .map((u) => u.id)
      .sort()
  const all = [...secret, publicAccepted].map((u) => u.id).sort()
  assert.deepEqual(await ids(opClient), all)
  assert.deepEqual(await ids(await signedIn(t, a.member)), all)
  const token = bearer(readOnly.body.token)
  assert.deepEqual(await ids(token), all)
  assert.equal((await token.post(`/api/v1/use-cases/${accepted.id}/comments`, { body: 'x' })).status, 403)
})
