import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { verifyAuditChain } from '../../server/platform/audit/verify.ts'
import { openDatabase } from '../../server/platform/db/client.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'
import { runScript, tempDir } from '../support/process.ts'

const t = await createTestApp()

async function someWrites() {
  const u = await createUser(t.db, t.programmeId)
  const c = t.client()
  await c.signIn(u.email, PASSWORD)
  for (const name of ['Ann', 'Bea', 'Cleo']) assert.equal((await c.patch('/api/v1/me', { name })).status, 200)
}

test('every write appends a chained event; the intact chain verifies', async () => {
  await someWrites()
  const result = await verifyAuditChain(t.db)
  assert.equal(result.ok, true)
  const count = await t.db.selectFrom('audit_events').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()
  assert.equal(result.checked, Number(count.n))
  const names = await t.db
    .selectFrom('audit_events')
    .select('change')
    .where('action', '=', 'user.profile_updated')
    .orderBy('seq')
    .execute()
  assert.deepEqual(
    names.map((r) => r.change),
    [{ name: 'Ann' }, { name: 'Bea' }, { name: 'Cleo' }],
  )
})

test('an edited change, an edited field and a deleted event are each detected at the right event', async () => {
  await someWrites()
  const target = await t.db
    .selectFrom('audit_events')
    .select(['seq', 'change', 'actor_label'])
    .where('action', '=', 'user.profile_updated')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow()
  const seq = String(target.seq)

  await t.db
    .updateTable('audit_events')
    .set({ change: JSON.stringify({ name: 'Mallory' }) })
    .where('seq', '=', seq)
    .execute()
  assert.deepEqual(await verifyAuditChain(t.db), {
    ok: false,
    checked: Number(seq) - 1,
    broken: { seq, problem: 'its change does not match its digest' },
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

  // Deleting an event in the middle breaks the chain at that event…
  const middle = String(Number(seq) - 1)
  await t.db.deleteFrom('audit_events').where('seq', '=', middle).execute()
  assert.deepEqual((await verifyAuditChain(t.db)).broken, { seq: middle, problem: `event ${middle} is missing` })
  // …and deleting the newest one is caught by the chain head.
  const fresh = await createTestApp()
  await fresh.db
    .deleteFrom('audit_events')
    .where('seq', '=', (await fresh.db.selectFrom('audit_chain').select('seq').executeTakeFirstOrThrow()).seq)
    .execute()
  const tail = await verifyAuditChain(fresh.db)
  assert.equal(tail.ok, false)
  assert.match(tail.broken!.problem, /^the chain head says \d+ events, \d+ found$/)
})

test('`npm run audit:verify` passes on an intact database and names the first edited event', {
  timeout: 120_000,
}, async () => {
  const dataDir = tempDir('audit')
  const env = { DATA_DIR: dataDir, AUTH_SECRET: 'audit-test-secret-audit-test-secret-00' }
  const seeded = await runScript('scripts/seed.ts', env)
  assert.equal(seeded.code, 0, seeded.stderr)
  const ok = await runScript('scripts/audit-verify.ts', env)
  assert.equal(ok.code, 0, ok.stderr)
  assert.match(ok.stdout, /Audit chain intact: \d+ events verified\./)

  const db = await openDatabase({ kind: 'pglite', dataDir: `${dataDir}/pglite` })
  await db.db.updateTable('audit_events').set({ actor_label: 'forged' }).where('seq', '=', '3').execute()
  await db.close()
  const broken = await runScript('scripts/audit-verify.ts', env)
  assert.equal(broken.code, 1)
  assert.match(
    broken.stderr,
    /Audit chain BROKEN at event 3: its fields do not match its hash\. 2 events before it are intact\./,
  )
})
