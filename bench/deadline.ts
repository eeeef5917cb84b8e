// The deadline surge. Starts the real server (server/main.ts, as `npm start` does) on PGlite and then,
// when DATABASE_URL is set, on PostgreSQL (a scratch database created on that server and dropped at the
// end); seeds an open call and N consortia ready to submit (batched inserts); then C concurrent
// clients, over HTTP, first save a last draft of every application, then submit every one with an
// Idempotency-Key (retrying through network errors with the same key). Afterwards it checks in the
// database that every acknowledged receipt's revision exists exactly once with a matching digest and
// signature, measures a baseline on the same database (single-row insert transactions of the same
// size at the same concurrency), and prints one JSON line per database, last.
//   npm run bench:deadline                         N=2000 consortia, C=200 clients
//   npm run bench:deadline -- --n 500 --c 50       smaller
//   npm run bench:deadline -- --crash              SIGKILL the server mid-surge, restart it, verify
//   npm run bench:deadline -- --db pglite          one database (pglite | postgres | both)
// Options: --pool <n> (the server's DB_POOL_SIZE on PostgreSQL, default 10), --keep (keep the data),
// --profile <dir> (a CPU profile of the server process, node --cpu-prof).
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { type DatabaseHandle, openDatabase } from '../server/platform/db/client.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'
import { seedProgramme } from '../server/seed/index.ts'
import { exited, startServer, tempDir } from '../tests/support/process.ts'
import { measureBaseline } from './deadline/baseline.ts'
import { cpuAvailable, cpuPerOp, sampleCpu } from './deadline/cpu.ts'
import { seedSurge } from './deadline/seed.ts'
import { draftPhase, type Failure, submitPhase, type Target } from './deadline/surge.ts'
import { verifySurge } from './deadline/verify.ts'

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    c: { type: 'string', default: '200' },
    crash: { type: 'boolean', default: false },
    db: { type: 'string' },
    pool: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    /** Write a CPU profile of the server (first process) into this folder (node --cpu-prof). */
    profile: { type: 'string' },
  },
})
const N = Number(args.n)
const C = Number(args.c)
const POOL = Number(args.pool)
if (!(N >= 1 && C >= 1 && POOL >= 1)) {
  console.error(
    'Usage: npm run bench:deadline -- [--n 2000] [--c 200] [--crash] [--db pglite|postgres|both] [--pool 10]',
  )
  process.exit(2)
}
const PG_URL = process.env.DATABASE_URL
// The servers this bench starts inherit its environment: each gets its database explicitly.
delete process.env.DATABASE_URL
const which = args.db ?? (PG_URL ? 'both' : 'pglite')
if ((which === 'postgres' || which === 'both') && !PG_URL) {
  console.error('bench:deadline: set DATABASE_URL to a PostgreSQL server to run on PostgreSQL')
  process.exit(2)
}
const AUTH_SECRET = 'deadline-bench-secret-deadline-bench-secret-0'
const log = (s: string) => console.log(s)

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0
const round = (x: number, d = 1) => Number(x.toFixed(d))

interface DbSetup {
  label: string
  serverEnv: Record<string, string>
  open(): Promise<DatabaseHandle>
  /** PGlite: the bench must let go of the data folder while the server holds it. */
  exclusive: boolean
  /** The PostgreSQL database's name (its backends' CPU time is counted). */
  database: string | null
  cleanup(): Promise<void>
}

async function pgliteSetup(): Promise<DbSetup> {
  const dir = tempDir('deadline')
  return {
    label: `PGlite (data folder ${dir})`,
    serverEnv: { DATA_DIR: dir },
    open: () => openDatabase({ kind: 'pglite', dataDir: `${dir}/pglite` }),
    exclusive: true,
    database: null,
    cleanup: async () => {
      if (args.keep) log(`  kept: ${dir}`)
      else rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function postgresSetup(): Promise<DbSetup> {
  const name = `cascade_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  const version = (await admin.query('show server_version')).rows[0]?.server_version as string
  await admin.query(`create database ${name}`)
  const url = new URL(PG_URL!)
  url.pathname = `/${name}`
  return {
    label: `PostgreSQL ${version} (scratch database ${name}, server pool ${POOL})`,
    serverEnv: { DATABASE_URL: url.href, DB_POOL_SIZE: String(POOL) },
    open: () => openDatabase({ kind: 'postgres', url: url.href, poolSize: POOL }),
    exclusive: false,
    database: name,
    cleanup: async () => {
      if (args.keep) log(`  kept: ${url.href}`)
      else await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

async function run(kind: 'pglite' | 'postgres') {
  const setup = kind === 'pglite' ? await pgliteSetup() : await postgresSetup()
  const runId = randomBytes(4).toString('hex')
  let stopServer = () => {}
  log(`\n${setup.label}: ${N} consortia, ${C} concurrent clients${args.crash ? ', SIGKILL mid-surge' : ''}`)
  try {
    // 1. Schema and data, before the server starts.
    let handle = await setup.open()
    await migrateToLatest(handle.db)
    const programmeId = await seedProgramme(handle.db)
    const s0 = performance.now()
    const seeded = await seedSurge(handle.db, { n: N, programmeId, now: new Date(), runId })
    log(`  seeded call ${seeded.callCode} and ${N} consortia in ${((performance.now() - s0) / 1000).toFixed(1)} s`)
    if (setup.exclusive) await handle.close()

    // 2. The real server.
    const env: Record<string, string> = {
      ...setup.serverEnv,
      SEED_DEMO: 'false',
      AUTH_SECRET,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    }
    if (args.profile) env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${args.profile}`
    let server = await startServer(env)
    // Whatever happens below, the server this run started does not outlive it.
    stopServer = () => {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
    }
    const target: Target = { base: server.url }
    const first = seeded.consortia[0]!
    const probe = await fetch(`${target.base}/api/v1/applications/${first.applicationId}`, {
      headers: { authorization: `Bearer ${first.token}` },
    })
    const view = (await probe.json()) as { readiness?: { severity: string; code: string; questionId: string | null }[] }
    const blocking = (view.readiness ?? []).filter((i) => i.severity === 'error')
    if (probe.status !== 200 || blocking.length > 0) {
      throw new Error(
        `the seeded application is not ready to submit (${probe.status}): ${JSON.stringify(blocking ?? view)}`,
      )
    }

    // 3. The surge: drafts, then submissions (optionally with a crash in the middle).
    const failures: Failure[] = []
    const opts = { concurrency: C, runId }
    const cpu0 = sampleCpu(server.child.pid, setup.database)
    const drafts = await draftPhase(target, seeded.consortia, opts, failures)
    const cpu1 = sampleCpu(server.child.pid, setup.database)
    let crash: { atAck: number; killedAt: number; backAfterMs: number } | null = null
    let restarting: Promise<void> | null = null
    const crashAt = Math.max(1, Math.floor(N * 0.4))
    const onAck = (acked: number) => {
      if (!args.crash || restarting || acked < crashAt) return
      restarting = (async () => {
        const t = performance.now()
        server.child.kill('SIGKILL')
        await exited(server.child)
        crash = { atAck: acked, killedAt: t, backAfterMs: 0 }
        server = await startServer(env)
        target.base = server.url
        crash.backAfterMs = performance.now() - t
      })()
    }
    const submits = await submitPhase(target, seeded.consortia, drafts.versions, { ...opts, onAck }, failures)
    if (restarting) await restarting
    const cpu2 = sampleCpu(server.child.pid, setup.database)

    // 4. Stop the server (gracefully), then look in the database.
    server.child.kill('SIGTERM')
    await exited(server.child)
    if (setup.exclusive) handle = await setup.open()
    const check = await verifySurge(handle.db, seeded.callId, submits.acks)
    const baseline = await measureBaseline(handle.db, {
      concurrency: C,
      transactions: Math.max(N, 2000),
      callId: seeded.callId,
    })
    await handle.close()

    const lat = [...submits.figures.latencies].sort((a, b) => a - b)
    const dlat = [...drafts.figures.latencies].sort((a, b) => a - b)
    const perS = (submits.acks.size / submits.figures.wallMs) * 1000
    log(
      `  drafts:  ${drafts.versions.size}/${N} saved in ${(drafts.figures.wallMs / 1000).toFixed(1)} s ` +
        `(${round((drafts.versions.size / drafts.figures.wallMs) * 1000)}/s), p50 ${round(quantile(dlat, 0.5))} ms, p99 ${round(quantile(dlat, 0.99))} ms`,
    )
    log(
      `  submit:  ${submits.acks.size}/${N} acknowledged in ${(submits.figures.wallMs / 1000).toFixed(1)} s (${round(perS)}/s), ` +
        `p50 ${round(quantile(lat, 0.5))} ms, p95 ${round(quantile(lat, 0.95))} ms, p99 ${round(quantile(lat, 0.99))} ms, max ${round(lat.at(-1) ?? 0)} ms; ` +
        `${[...submits.acks.values()].filter((a) => a.replayed).length} answered as replays, ${submits.figures.networkRetries} network retries, ${submits.staleRetries} stale-version retries`,
    )
    if (cpuAvailable && !crash) {
      const d = cpuPerOp(cpu0, cpu1, drafts.versions.size)
      const u = cpuPerOp(cpu1, cpu2, submits.acks.size)
      log(
        `  cpu:     per draft save: server ${d.server} ms, postgres ${d.postgres} ms, clients ${d.clients} ms; ` +
          `per submission: server ${u.server} ms, postgres ${u.postgres} ms, clients ${u.clients} ms`,
      )
    }
    if (crash) {
      const c = crash as { atAck: number; backAfterMs: number }
      log(
        `  crash:   SIGKILL after ${c.atAck} acknowledged submissions; the server answered again after ${round(c.backAfterMs / 1000)} s`,
      )
    }
    log(
      `  checked: ${check.verified}/${submits.acks.size} acknowledged receipts verified in the database (${check.revisionsInDb} revisions), ` +
        `${check.lost} lost, ${check.duplicated} duplicated; audit chain ${check.auditChainOk ? 'intact' : 'BROKEN'} (${check.auditEvents} events sealed, ${check.auditUnsealed} not); ${check.receiptMailJobs} receipt mail jobs`,
    )
    log(
      `  baseline: ${baseline.transactions} single-row insert transactions (${baseline.rowBytes} bytes) at concurrency ${C} in ${(baseline.ms / 1000).toFixed(1)} s = ${round(baseline.txPerS)}/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms`,
    )
    for (const p of check.problems) log(`  PROBLEM ${p}`)
    const failureKinds = new Map<string, number>()
    for (const f of failures)
      failureKinds.set(
        `${f.phase} ${f.status} ${f.detail}`,
        (failureKinds.get(`${f.phase} ${f.status} ${f.detail}`) ?? 0) + 1,
      )
    for (const [k, n] of failureKinds) log(`  ERROR ×${n}: ${k}`)
    return {
      db: kind,
      submissions: N,
      acknowledged: submits.acks.size,
      verified: check.verified,
      lost: check.lost,
      duplicated: check.duplicated,
      errors: failures.length,
      p50_ms: round(quantile(lat, 0.5)),
      p95_ms: round(quantile(lat, 0.95)),
      p99_ms: round(quantile(lat, 0.99)),
      submissions_per_s: round(perS),
      baseline_tx_per_s: round(baseline.txPerS),
      ratio: round(perS / baseline.txPerS, 3),
    }
  } finally {
    stopServer()
    await setup.cleanup()
  }
}

log(`deadline surge bench · ${cpus().length} CPUs · load average ${loadavg()[0]!.toFixed(2)}`)
const lines: Record<string, unknown>[] = []
if (which === 'pglite' || which === 'both') lines.push(await run('pglite'))
if (which === 'postgres' || which === 'both') lines.push(await run('postgres'))
log('')
for (const l of lines) console.log(JSON.stringify(l))
const ok = lines.every((l) => l.lost === 0 && l.duplicated === 0 && l.errors === 0 && l.acknowledged === N)
process.exit(ok ? 0 : 1)
