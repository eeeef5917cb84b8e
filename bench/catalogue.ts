// The solution catalogue at scale: generates 100,000 solutions of 20,000 organisations (texts in six
// languages put together from word lists, domains, challenges, tags, TRLs, countries, a mix of
// visibilities) with batched SQL, then measures five kinds of catalogue query through the HTTP API —
// in process, with Fastify's inject (the whole request: routing, actor, validation, queries,
// serialisation; no socket) — on PGlite and on PostgreSQL. Prints a table and, last, one JSON line.
//   npm run bench:catalogue                       both databases
//   npm run bench:catalogue -- --db postgres      one of them (pglite | postgres)
//   BENCH_SOLUTIONS=20000 BENCH_ORGANISATIONS=4000 BENCH_REPS=60 npm run bench:catalogue
// PostgreSQL: a fresh database is created on BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
// and dropped at the end (`--keep` keeps it and prints its URL).
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { type App, buildApp } from '../server/app.ts'
import { loadConfig } from '../server/config/index.ts'
import { type Database, type DatabaseHandle, openDatabase } from '../server/platform/db/client.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'
import { createLogger } from '../server/platform/logger.ts'
import { type Generated, generateCatalogue, prng, types } from './catalogue-data.ts'
import { countries, englishQueries, frenchQueries } from './catalogue-words.ts'

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    keep: { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
    /** Measure an already generated PostgreSQL database (from an earlier `--keep`) instead of building one. */
    existing: { type: 'string' },
    /** Measure a PGlite data folder dumped earlier (tar.gz of dumpDataDir) instead of building one. */
    'existing-pglite': { type: 'string' },
  },
})
const SOLUTIONS = Number(process.env.BENCH_SOLUTIONS ?? 100_000)
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 20_000)
const REPS = Number(process.env.BENCH_REPS ?? 100)
const WARMUP = Math.min(20, REPS)
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

// ---------------------------------------------------------------------------------------------------
// Measurement

type Kind = 'keyword' | 'keyword_filters' | 'filters' | 'facets' | 'french'
const kinds: Kind[] = ['keyword', 'keyword_filters', 'filters', 'facets', 'french']

function queriesFor(kind: Kind, r: ReturnType<typeof prng>, refs: { domains: string[]; tags: string[] }): string {
  const countriesUsed = countries.map((c) => c.code)
  const filters = () => {
    const p = new URLSearchParams()
    const n = 1 + r.int(3)
    const options = [
      () => p.set('type', r.pick(types)),
      () => p.set('country', r.pick(countriesUsed)),
      () => p.set('sme', r.pick(['micro', 'small', 'medium'])),
      () => p.set('domain', r.pick(refs.domains)),
      () => p.set('tag', r.pick(refs.tags)),
      () => {
        p.set('trlMin', '5')
        p.set('trlMax', '8')
      },
    ]
    for (let i = 0; i < n; i++) r.pick(options)()
    return p
  }
  switch (kind) {
    case 'keyword':
      return `/api/v1/solutions?${new URLSearchParams({ q: r.pick(englishQueries) })}`
    case 'keyword_filters': {
      const p = filters()
      p.set('q', r.pick(englishQueries))
      return `/api/v1/solutions?${p}`
    }
    case 'filters': {
      const p = filters()
      p.set('sort', r.pick(['newest', 'name', 'trl']))
      return `/api/v1/solutions?${p}`
    }
    case 'facets': {
      const p = r.next() < 0.5 ? filters() : new URLSearchParams()
      if (r.next() < 0.5) p.set('q', r.pick([...englishQueries, ...frenchQueries]))
      return `/api/v1/solutions/facets?${p}`
    }
    case 'french':
      return `/api/v1/solutions?${new URLSearchParams({ q: r.pick(frenchQueries) })}`
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

export interface KindFigures {
  p50: number
  p95: number
  mean: number
  reps: number
}

async function measure(app: App, db: Database, log: (s: string) => void): Promise<Record<Kind, KindFigures>> {
  const refs = {
    domains: (await db.selectFrom('domains').select('code').execute()).map((d) => d.code),
    // The 60 most used tags: the ones a visitor would click.
    tags: (
      await db
        .selectFrom('solution_tags')
        .select('term_id')
        .groupBy('term_id')
        .orderBy(sql`count(*)`, 'desc')
        .limit(60)
        .execute()
    ).map((t) => t.term_id),
  }
  const out = {} as Record<Kind, KindFigures>
  for (const kind of kinds) {
    const r = prng(kinds.indexOf(kind) + 7)
    const times: number[] = []
    const slowest: { url: string; ms: number }[] = []
    for (let i = 0; i < WARMUP + REPS; i++) {
      const url = queriesFor(kind, r, refs)
      const t0 = performance.now()
      const res = await app.http.inject({ method: 'GET', url })
      const ms = performance.now() - t0
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`)
      if (i >= WARMUP) {
        times.push(ms)
        slowest.push({ url, ms })
      }
    }
    if (process.env.BENCH_VERBOSE) {
      for (const x of slowest.sort((a, b) => b.ms - a.ms).slice(0, 4))
        log(`    ${x.ms.toFixed(0)} ms ${decodeURIComponent(x.url)}`)
    }
    times.sort((a, b) => a - b)
    out[kind] = {
      p50: Number(quantile(times, 0.5).toFixed(1)),
      p95: Number(quantile(times, 0.95).toFixed(1)),
      mean: Number((times.reduce((s, x) => s + x, 0) / times.length).toFixed(1)),
      reps: times.length,
    }
    log(
      `  ${kind.padEnd(16)} p50 ${out[kind].p50.toFixed(1).padStart(7)} ms   p95 ${out[kind].p95.toFixed(1).padStart(7)} ms`,
    )
  }
  return out
}

async function appOn(handle: DatabaseHandle): Promise<App> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
  })
  const app = await buildApp({ config, database: handle, log: createLogger('silent'), renderer: null })
  await app.http.ready()
  return app
}

interface DbFigures {
  generated: Generated
  queries: Record<Kind, KindFigures>
}

async function onPglite(log: (s: string) => void): Promise<DbFigures> {
  log('PGlite (in memory)')
  const existing = args['existing-pglite']
  const handle = existing
    ? await openDatabase({ kind: 'pglite-loaded', dump: new Blob([readFileSync(existing)]) })
    : await openDatabase({ kind: 'pglite-memory' })
  await migrateToLatest(handle.db)
  const generated = existing
    ? { solutions: SOLUTIONS, organisations: ORGANISATIONS, ms: 0 }
    : await generateCatalogue(handle.db, { solutions: SOLUTIONS, organisations: ORGANISATIONS }, log)
  if (args['generate-only']) {
    await handle.close()
    return { generated, queries: {} as Record<Kind, KindFigures> }
  }
  const app = await appOn(handle)
  try {
    return { generated, queries: await measure(app, handle.db, log) }
  } finally {
    await app.close()
  }
}

async function onPostgres(log: (s: string) => void): Promise<DbFigures> {
  if (args.existing) {
    log(`PostgreSQL (existing database ${new URL(args.existing).pathname.slice(1)})`)
    const handle = await openDatabase({ kind: 'postgres', url: args.existing, poolSize: 10 })
    const app = await appOn(handle)
    try {
      return {
        generated: { solutions: SOLUTIONS, organisations: ORGANISATIONS, ms: 0 },
        queries: await measure(app, handle.db, log),
      }
    } finally {
      await app.close()
    }
  }
  const name = `cascade_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  const version = (await admin.query('show server_version')).rows[0]?.server_version as string
  log(`PostgreSQL ${version} (database ${name})`)
  await admin.query(`create database ${name}`)
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  try {
    const handle = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 10 })
    await migrateToLatest(handle.db)
    const generated = await generateCatalogue(handle.db, { solutions: SOLUTIONS, organisations: ORGANISATIONS }, log)
    if (args['generate-only']) {
      await handle.close()
      return { generated, queries: {} as Record<Kind, KindFigures> }
    }
    const app = await appOn(handle)
    try {
      return { generated, queries: await measure(app, handle.db, log) }
    } finally {
      await app.close()
    }
  } finally {
    if (args.keep) log(`  kept: ${url.href}`)
    else await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

const log = (s: string) => console.log(s)
const results: Record<string, DbFigures> = {}
if (args.db === 'both' || args.db === 'pglite') results.pglite = await onPglite(log)
if (args.db === 'both' || args.db === 'postgres') results.postgres = await onPostgres(log)

const goals: Record<string, number> = { pglite: 150, postgres: 50 }
console.log('')
console.log(
  `| query (${REPS} each, after ${WARMUP} warm-up) | ${Object.keys(results)
    .map((d) => `${d} p50 | ${d} p95`)
    .join(' | ')} |`,
)
console.log(
  `|---|${Object.keys(results)
    .map(() => '---:|---:')
    .join('|')}|`,
)
for (const kind of kinds) {
  const cells = Object.values(results).map((f) =>
    f.queries[kind] ? `${f.queries[kind].p50} ms | ${f.queries[kind].p95} ms` : '– | –',
  )
  console.log(`| ${kind} | ${cells.join(' | ')} |`)
}
const verdict = Object.fromEntries(
  Object.entries(results).map(([d, f]) => [
    d,
    kinds.every((k) => (f.queries[k]?.p95 ?? Number.POSITIVE_INFINITY) < goals[d]!),
  ]),
)
console.log('')
console.log(
  JSON.stringify({
    bench: 'catalogue',
    transport: 'fastify-inject (in-process HTTP)',
    caller: 'anonymous',
    solutions: SOLUTIONS,
    organisations: ORGANISATIONS,
    reps: REPS,
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0]!.toFixed(2)) },
    goalsMs: goals,
    meetsGoals: verdict,
    results: Object.fromEntries(
      Object.entries(results).map(([d, f]) => [d, { generateMs: Math.round(f.generated.ms), ...f.queries }]),
    ),
  }),
)
