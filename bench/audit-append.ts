// How many audited writes per second (each a transaction inserting its event, ADR 0004), and how long
// the sealer takes to chain them afterwards. Runs on PGlite (in memory) and, when BENCH_DATABASE_URL
// is set, on PostgreSQL.
//   npm exec -- node bench/audit-append.ts
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { recordAudit, sealAuditEvents } from '../server/platform/audit/index.ts'
import { verifyAuditChain } from '../server/platform/audit/verify.ts'
import { systemActor } from '../server/platform/authz/actor.ts'
import { systemClock } from '../server/platform/clock.ts'
import { type DatabaseHandle, inTransaction, openDatabase } from '../server/platform/db/client.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'

const WRITES = Number(process.env.BENCH_WRITES ?? 2000)
const ctx = { actor: systemActor, requestId: null, clock: systemClock }

async function run(label: string, handle: DatabaseHandle, concurrency: number) {
  await migrateToLatest(handle.db)
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < WRITES) {
        const n = next++
        await inTransaction(handle.db, (tx) =>
          recordAudit(tx, ctx, {
            action: 'bench.write',
            subjectType: 'bench',
            subjectId: String(n),
            change: { n, at: 'x'.repeat(64) },
          }),
        )
      }
    }),
  )
  const ms = performance.now() - t0
  const s0 = performance.now()
  const sealed = await sealAuditEvents(handle.db)
  const sms = performance.now() - s0
  const v0 = performance.now()
  const verified = await verifyAuditChain(handle.db)
  const vms = performance.now() - v0
  console.log(
    `${label.padEnd(28)} concurrency ${String(concurrency).padStart(2)}: ${WRITES} audited writes in ${ms.toFixed(0)} ms = ${((WRITES / ms) * 1000).toFixed(0)}/s; sealed ${sealed} in ${sms.toFixed(0)} ms; verify ${verified.checked} events in ${vms.toFixed(0)} ms (${verified.ok ? 'intact' : 'BROKEN'})`,
  )
}

for (const c of [1, 8]) {
  const h = await openDatabase({ kind: 'pglite-memory' })
  await run('PGlite (memory)', h, c)
  await h.close()
}
const url = process.env.BENCH_DATABASE_URL
if (url) {
  for (const c of [1, 8]) {
    const name = `cascade_bench_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create database ${name}`)
    const u = new URL(url)
    u.pathname = `/${name}`
    const h = await openDatabase({ kind: 'postgres', url: u.href, poolSize: c })
    await run('PostgreSQL 15 (pool)', h, c)
    await h.close()
    await admin.query(`drop database ${name} with (force)`)
    await admin.end()
  }
}
