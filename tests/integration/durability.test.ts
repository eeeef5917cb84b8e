/**
 * The embedded database keeps every acknowledged write through a crash: the real server is killed
 * with SIGKILL right after its last answer, restarted on the same data folder, and every write it
 * acknowledged is found.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { verifyAuditChain } from '../../server/platform/audit/verify.ts'
import { openDatabase } from '../../server/platform/db/client.ts'
import { exited, startServer, tempDir } from '../support/process.ts'

test('no acknowledged write is lost when the server is killed with SIGKILL', { timeout: 300_000 }, async () => {
  const dataDir = tempDir('crash')
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', AUTH_SECRET: 'crash-test-secret-crash-test-secret-000' }
  const first = await startServer(env)
  const acknowledged: string[] = []
  for (let i = 0; i < 40; i++) {
    const email = `crash-${i}@example.test`
    const res = await fetch(`${first.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url },
      body: JSON.stringify({ name: `Crash ${i}`, email, password: 'crash-password-1' }),
    })
    assert.equal(res.status, 200, await res.text())
    acknowledged.push(email)
  }
  // Kill at once, right after the last acknowledged answer: no graceful shutdown, no flush.
  first.child.kill('SIGKILL')
  await exited(first.child)

  // The server starts again on the same folder (taking over the dead process's lock)…
  const second = await startServer(env)
  second.child.kill('SIGTERM')
  assert.equal(await exited(second.child), 0, second.output())

  // …and every acknowledged write is there, with its audit events and an intact chain.
  const db = await openDatabase({ kind: 'pglite', dataDir: `${dataDir}/pglite` })
  try {
    const rows = await db.db.selectFrom('users').select('email').where('email', 'like', 'crash-%').execute()
    assert.deepEqual(rows.map((r) => r.email).sort(), [...acknowledged].sort())
    const mails = await db.db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('to_address', 'like', 'crash-%')
      .execute()
    assert.equal(mails.length, acknowledged.length)
    // The events the killed server had not sealed yet were chained by the next one (at start or at shutdown).
    const chain = await verifyAuditChain(db.db)
    assert.equal(chain.ok, true, JSON.stringify(chain))
    assert.equal(chain.unsealed, 0)
    assert.ok(chain.checked >= acknowledged.length)
  } finally {
    await db.close()
  }
})

test('a second process cannot open a data folder that a live server holds', { timeout: 120_000 }, async () => {
  const dataDir = tempDir('lock')
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', AUTH_SECRET: 'lock-test-secret-lock-test-secret-0000' }
  const server = await startServer(env)
  try {
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir: `${dataDir}/pglite` }), /in use by process \d+/)
  } finally {
    server.child.kill('SIGTERM')
    await exited(server.child)
  }
})
