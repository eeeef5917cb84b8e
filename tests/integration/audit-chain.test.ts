import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { recordAudit } from '../../server/platform/audit/index.ts'
import { sealAuditEvents } from '../../server/platform/audit/seal.ts'
import { verifyAuditChain } from '../../server/platform/audit/verify.ts'
import { systemActor } from '../../server/platform/authz/actor.ts'
import { systemClock } from '../../server/platform/clock.ts'
import { type Database, inTransaction, openDatabase } from '../../server/platform/db/client.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'
import { runScript, tempDir } from '../support/process.ts'

const t = await createTestApp()
const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

async function someWrites() {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(u.email, PASSWORD)
  for (const name of ['Ann', 'Bea', 'Cleo']) assert.equal((await c.patch('/api/v1/me', { name })).status, 200)
}

const count = async (db: Database, unsealed = false) => {
  let q = db.selectFrom('audit_events').select(sql<string>`count(*)`.as('n'))
  if (unsealed) q = q.where('chain_position', 'is', null)
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/** One audited write of its own, as a command makes it (no HTTP): returns the event's seq. */
const audited = (db: Database, n: number, hold?: (seq: string) => Promise<void>) =>
  inTransaction(db, async (tx) => {
    const seq = await recordAudit(
      tx,
      { actor: systemActor, requestId: `req-${n}`, clock: systemClock },
      { action: 'test.write', subjectType: 'test', subjectId: String(n), change: { n } },
    )
    await hold?.(seq)
    return seq
  })

/** The sealed chain as stored: positions 1…n without gaps, each event linked to the one before it. */
async function assertOneChain(db: Database) {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'chain_position', 'prev_hash', 'hash'])
    .orderBy('chain_position')
    .execute()
  assert.deepEqual(
    rows.map((r) => Number(r.chain_position)),
    rows.map((_, i) => i + 1),
  )
  for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash)
  assert.equal(new Set(rows.map((r) => r.prev_hash)).size, rows.length, 'no two events follow the same one')
  const head = await db.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow()
  assert.deepEqual([Number(head.chain_position), head.hash], [rows.length, rows.at(-1)!.hash])
  return rows
}

test('a write inserts its event unsealed; the sealer chains it; the intact chain verifies', async () => {
  await sealAuditEvents(t.db)
  await someWrites()
  const pending = await verifyAuditChain(t.db)
  assert.equal(pending.ok, true)
  assert.ok(pending.unsealed >= 3, `the three profile changes wait for the sealer (${pending.unsealed})`)
  assert.equal(pending.unsealed, await count(t.db, true))

  assert.equal(await sealAuditEvents(t.db), pending.unsealed)
  const result = await verifyAuditChain(t.db)
  assert.deepEqual(result, { ok: true, checked: await count(t.db), unsealed: 0 })
  await assertOneChain(t.db)
  const names = await t.db
    .selectFrom('audit_events')
    .select('change')
    .where('action', '=', 'user.profile_updated')
    .orderBy('chain_position')
    .execute()
  assert.deepEqual(
    names.map((r) => r.change),
    [{ name: 'Ann' }, { name: 'Bea' }, { name: 'Cleo' }],
  )
  assert.equal(await sealAuditEvents(t.db), 0, 'nothing is sealed twice')
})

test('parallel audited writes with sealers racing them make one unforked chain, all sealed', async () => {
  const fresh = await createTestApp()
  const before = await count(fresh.db)
  let writing = true
  const sealers = Array.from({ length: 3 }, async () => {
    let sealed = 0
    while (writing) sealed += await sealAuditEvents(fresh.db, { batch: 7, wait: false })
    return sealed
  })
  const seqs = await Promise.all(Array.from({ length: 60 }, (_, n) => audited(fresh.db, n)))
  writing = false
  await Promise.all(sealers)
  await sealAuditEvents(fresh.db)

  assert.equal(new Set(seqs).size, 60)
  const rows = await assertOneChain(fresh.db)
  assert.equal(rows.length, before + 60)
  assert.deepEqual(await verifyAuditChain(fresh.db), { ok: true, checked: before + 60, unsealed: 0 })
  const writes = await fresh.db
    .selectFrom('audit_events')
    .select(['seq', 'chain_position'])
    .where('action', '=', 'test.write')
    .execute()
  assert.deepEqual(writes.map((w) => String(w.seq)).sort(), [...seqs].sort())
  assert.ok(writes.every((w) => w.chain_position !== null))
})

test('an event committed after a newer one is sealed after it; a rolled-back write leaves no gap in the chain', async () => {
  const fresh = await createTestApp()
  await sealAuditEvents(fresh.db)
  if (onPostgres) {
    // A writer whose transaction is still open when a later one commits and the sealer runs.
    let release!: () => void
    let started!: (seq: string) => void
    const open = new Promise<string>((r) => {
      started = r
    })
    const slow = audited(fresh.db, 1, (seq) => {
      started(seq)
      return new Promise<void>((r) => {
        release = r
      })
    })
    const slowSeq = await open
    const fastSeq = await audited(fresh.db, 2)
    assert.ok(BigInt(fastSeq) > BigInt(slowSeq))
    assert.equal(await sealAuditEvents(fresh.db), 1, 'the uncommitted event is not sealed')
    release()
    await slow
    assert.equal(await sealAuditEvents(fresh.db), 1)
    const positions = await fresh.db
      .selectFrom('audit_events')
      .select(['seq', 'chain_position'])
      .where('seq', 'in', [slowSeq, fastSeq])
      .execute()
    const at = (seq: string) => BigInt(positions.find((p) => String(p.seq) === seq)!.chain_position!)
    assert.equal(at(slowSeq), at(fastSeq) + 1n)
  }
  // On either database: a write that rolls back takes a seq with it, but the chain has no hole.
  await assert.rejects(
    inTransaction(fresh.db, async (tx) => {
      await recordAudit(
        tx,
        { actor: systemActor, requestId: null, clock: systemClock },
        { action: 'test.rolled_back', subjectType: 'test', subjectId: null, change: {} },
      )
      throw new Error('the write fails')
    }),
    /the write fails/,
  )
  const after = await audited(fresh.db, 3)
  await sealAuditEvents(fresh.db)
  await assertOneChain(fresh.db)
  assert.equal((await verifyAuditChain(fresh.db)).ok, true)
  assert.equal(
    await fresh.db.selectFrom('audit_events').select('seq').where('action', '=', 'test.rolled_back').executeTakeFirst(),
    undefined,
  )
  assert.ok(BigInt(after) > 1n)
})

test('an edited change, an edited field, reordered and deleted events are each detected at the right event', async () => {
  await someWrites()
  await sealAuditEvents(t.db)
  const target = await t.db
    .selectFrom('audit_events')
    .select(['seq', 'chain_position', 'change', 'actor_label'])
    .where('action', '=', 'user.profile_updated')
    .orderBy('chain_position', 'desc')
    .executeTakeFirstOrThrow()
  const seq = String(target.seq)
  const position = String(target.chain_position)

  await t.db
    .updateTable('audit_events')
    .set({ change: JSON.stringify({ name: 'Mallory' }) })
    .where('seq', '=', seq)
    .execute()
  assert.deepEqual(await verifyAuditChain(t.db), {
    ok: false,
    checked: Number(position) - 1,
    unsealed: 0,
    broken: { seq, position, problem: 'its change does not match its digest' },
  })
  await t.db
    .updateTable('audit_events')
    .set({ change: JSON.stringify(target.change) })
    .where('seq', '=', seq)
    .execute()
  assert.equal((await verifyAuditChain(t.db)).ok, true)

  await t.db.updateTable('audit_events').set({ actor_label: 'someone-else' }).where('seq', '=', seq).execute()
  assert.equal((await verifyAuditChain(t.db)).broken?.problem, 'its fields do not match its hash')
  await t.db.updateTable('audit_events').set({ actor_label: target.actor_label }).where('seq', '=', seq).execute()

  // Two events swapped in the chain: the first of them no longer points at the event before it.
  const previous = String(Number(position) - 1)
  const swap = async (a: string, b: string) => {
    await t.db.updateTable('audit_events').set({ chain_position: '-1' }).where('chain_position', '=', a).execute()
    await t.db.updateTable('audit_events').set({ chain_position: a }).where('chain_position', '=', b).execute()
    await t.db.updateTable('audit_events').set({ chain_position: b }).where('chain_position', '=', '-1').execute()
  }
  await swap(previous, position)
  assert.deepEqual((await verifyAuditChain(t.db)).broken, {
    seq,
    position: previous,
    problem: 'it does not point at the event before it',
  })
  await swap(previous, position)
  assert.equal((await verifyAuditChain(t.db)).ok, true)

  // Deleting an event in the middle breaks the chain at its position…
  await t.db.deleteFrom('audit_events').where('chain_position', '=', previous).execute()
  assert.deepEqual((await verifyAuditChain(t.db)).broken, {
    seq: null,
    position: previous,
    problem: `the event at chain position ${previous} is missing`,
  })
  // …and deleting the newest one is caught by the chain head.
  const fresh = await createTestApp()
  await sealAuditEvents(fresh.db)
  const head = await fresh.db.selectFrom('audit_chain').select('chain_position').executeTakeFirstOrThrow()
  await fresh.db.deleteFrom('audit_events').where('chain_position', '=', head.chain_position).execute()
  const tail = await verifyAuditChain(fresh.db)
  assert.equal(tail.ok, false)
  assert.match(tail.broken!.problem, /^the chain head says \d+ events, \d+ found$/)
})

test('an unsealed event whose change was edited is reported, before and after sealing', async () => {
  const fresh = await createTestApp()
  await sealAuditEvents(fresh.db)
  const seq = await audited(fresh.db, 7)
  await fresh.db
    .updateTable('audit_events')
    .set({ change: JSON.stringify({ n: 8 }) })
    .where('seq', '=', seq)
    .execute()
  const result = await verifyAuditChain(fresh.db)
  assert.deepEqual(result.broken, { seq, position: null, problem: 'its change does not match its digest' })
  // Sealing does not hide it: the edited event is chained as it is and stays reported.
  await sealAuditEvents(fresh.db)
  assert.equal((await verifyAuditChain(fresh.db)).broken?.problem, 'its change does not match its digest')
})

test('`npm run audit:verify` seals and passes on an intact database and names the first edited event', {
  timeout: 120_000,
}, async () => {
  const dataDir = tempDir('audit')
  const env = { DATA_DIR: dataDir, AUTH_SECRET: 'audit-test-secret-audit-test-secret-00' }
  const seeded = await runScript('scripts/seed.ts', env)
  assert.equal(seeded.code, 0, seeded.stderr)
  const ok = await runScript('scripts/audit-verify.ts', env)
  assert.equal(ok.code, 0, ok.stderr)
  assert.match(ok.stdout, /Audit chain intact: (\d+) events verified \(\1 sealed now\)\./)

  const db = await openDatabase({ kind: 'pglite', dataDir: `${dataDir}/pglite` })
  const third = await db.db
    .selectFrom('audit_events')
    .select('seq')
    .where('chain_position', '=', '3')
    .executeTakeFirstOrThrow()
  await db.db.updateTable('audit_events').set({ actor_label: 'forged' }).where('seq', '=', third.seq).execute()
  await db.close()
  const broken = await runScript('scripts/audit-verify.ts', env)
  assert.equal(broken.code, 1)
  assert.equal(
    broken.stderr.trim(),
    `Audit chain BROKEN at event ${third.seq} (chain position 3): its fields do not match its hash. 2 events before it are intact.`,
  )
})
