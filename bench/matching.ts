// Recommendations at scale: loads 100,000 organisations and solutions (bench/catalogue-data.ts: 80,000 solutions
// of 20,000 organisations, texts in six languages from word lists, tags, countries, visibilities; each
// organisation's profile text and expertise tags are taken from its solutions) and 120 published challenges
// into a fresh database, starts the server (the real composition root, listening on a port), signs a platform
// member in, and measures a top-10 recommendation through the HTTP API — for a challenge, its solutions and its
// organisations, alternately — on PGlite and on PostgreSQL. The first request builds the in-memory index
// (reported as indexBuildMs); the latency figures are taken after warm-up. One JSON line per database.
//   npm run bench:matching                       both databases
//   npm run bench:matching -- --db postgres      one of them (pglite | postgres)
//   BENCH_SOLUTIONS=20000 BENCH_ORGANISATIONS=5000 BENCH_REPS=100 npm run bench:matching
// PostgreSQL: a fresh database on BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// dropped at the end.
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { type App, buildApp } from '../server/app.ts'
import { loadConfig } from '../server/config/index.ts'
import { type Database, type DatabaseHandle, openDatabase } from '../server/platform/db/client.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'
import { createLogger } from '../server/platform/logger.ts'
import { createUser } from '../tests/factories/users.ts'
import { generateCatalogue, prng } from './catalogue-data.ts'
import { concepts, endUsers } from './catalogue-words.ts'

const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'both' } } })
const SOLUTIONS = Number(process.env.BENCH_SOLUTIONS ?? 80_000)
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 20_000)
const CHALLENGES = 120
const REPS = Number(process.env.BENCH_REPS ?? 200)
const WARMUP = 20
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const log = (s: string) => process.stderr.write(`${s}\n`)

/** Profiles from the solutions (what an organisation writes about itself), challenges from the same words. */
async function complete(db: Database): Promise<void> {
  const t0 = performance.now()
  await sql`update organisations o set description = left(x.text, 1500), language = x.language
    from (select s.organisation_id, min(s.language) as language,
            string_agg(s.pitch || '. ' || coalesce(s.content->>'description', ''), ' ' order by s.reference) as text
          from solutions s group by s.organisation_id) x
    where x.organisation_id = o.id`.execute(db)
  await sql`insert into organisation_tags (organisation_id, term_id)
    select distinct s.organisation_id, t.term_id from solutions s join solution_tags t on t.solution_id = s.id
    on conflict do nothing`.execute(db)
  const r = prng(61)
  const domains = await db.selectFrom('domains').select(['id', 'code', 'programme_id']).execute()
  const terms = (await db.selectFrom('taxonomy_terms').select('id').limit(200).execute()).map((x) => x.id)
  for (let i = 0; i < CHALLENGES; i++) {
    const d = r.pick(domains)
    const [a, b, c] = [r.pick(concepts).en, r.pick(concepts).en, r.pick(concepts).en]
    const user = r.pick(endUsers).en
    const row = await db
      .insertInto('challenges')
      .values({
        programme_id: d.programme_id,
        domain_id: d.id,
        code: `${d.code}-B${i + 1}`,
        slug: `bench-challenge-${i + 1}`,
        status: 'published',
        title: `${a} for ${user}`,
        summary: `${user} need ${a} combined with ${b}, validated in a pilot.`,
        content: JSON.stringify({
          problem: `Today ${user} lack ${a}. Incidents show that ${b} and ${c} are needed together, at scale, with data protection.`,
          expectedOutcome: `A ${a} solution, integrated with ${b}, tested by ${user} on their premises.`,
          requirements: [`Works with ${c}`, 'GDPR by design', 'Pilot within twelve months'],
          endUserOffers: { testBed: `A test site of ${user}`, data: '', validation: 'Operational staff evaluate it' },
        }),
        language: 'en',
        trl_min: 5,
        trl_max: 8,
        published_at: new Date('2026-01-01T00:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const tags = [...new Set([r.pick(terms), r.pick(terms)])]
    await db
      .insertInto('challenge_tags')
      .values(tags.map((term_id) => ({ challenge_id: row.id, term_id })))
      .execute()
  }
  await sql`analyze`.execute(db)
  log(`  profiles, tags and ${CHALLENGES} challenges in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

async function measure(db: Database, handle: DatabaseHandle, label: string, generateMs: number) {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
  })
  const app: App = await buildApp({ config, database: handle, log: createLogger('silent'), renderer: null })
  await app.http.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`
  try {
    const programme = await db.selectFrom('programmes').select('id').executeTakeFirstOrThrow()
    const user = await createUser(db, programme.id, { name: 'Bench Member' })
    const org = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirstOrThrow()
    await db.insertInto('memberships').values({ organisation_id: org.id, user_id: user.id, role: 'member' }).execute()
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    })
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`)
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const challenges = (
      await db.selectFrom('challenges').select('id').where('status', '=', 'published').orderBy('code').execute()
    ).map((c) => c.id)
    const get = async (url: string) => {
      const t0 = performance.now()
      const res = await fetch(`${base}${url}`, { headers: { cookie, origin: 'http://localhost:3000' } })
      const body = await res.text()
      const ms = performance.now() - t0
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`)
      return { ms, body: JSON.parse(body) as { items: unknown[] } }
    }
    const url = (i: number) =>
      `/api/v1/matchmaking/challenges/${challenges[i % challenges.length]}/recommendations?target=${
        i % 2 === 0 ? 'solutions' : 'organisations'
      }&limit=10`
    let t0 = performance.now()
    await get(url(0))
    await get(url(1))
    const indexBuildMs = performance.now() - t0
    log(`  ${label}: indexes built on first requests in ${(indexBuildMs / 1000).toFixed(1)} s`)
    const times: number[] = []
    let results = 0
    t0 = performance.now()
    for (let i = 0; i < WARMUP + REPS; i++) {
      const { ms, body } = await get(url(i + 2))
      if (i >= WARMUP) {
        times.push(ms)
        results += body.items.length
      }
    }
    times.sort((a, b) => a - b)
    const figures = {
      p50: Number(quantile(times, 0.5).toFixed(1)),
      p95: Number(quantile(times, 0.95).toFixed(1)),
      mean: Number((times.reduce((s, x) => s + x, 0) / times.length).toFixed(1)),
      max: Number(times[times.length - 1]!.toFixed(1)),
    }
    log(`  ${label}: p50 ${figures.p50} ms, p95 ${figures.p95} ms over ${REPS} requests`)
    return {
      bench: 'matching',
      db: label,
      transport: 'HTTP over a socket (fetch → the server listening on 127.0.0.1)',
      caller: 'platform member',
      organisations: ORGANISATIONS,
      solutions: SOLUTIONS,
      challenges: challenges.length,
      k: 10,
      reps: REPS,
      meanResults: Number((results / REPS).toFixed(1)),
      generateMs: Math.round(generateMs),
      indexBuildMs: Math.round(indexBuildMs),
      ...figures,
      goalP95Ms: label === 'postgres' ? 50 : null,
      meetsGoal: label === 'postgres' ? figures.p95 < 50 : null,
      machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0]!.toFixed(2)) },
    }
  } finally {
    await app.close()
  }
}

async function generate(db: Database): Promise<number> {
  const t0 = performance.now()
  await migrateToLatest(db)
  await generateCatalogue(db, { solutions: SOLUTIONS, organisations: ORGANISATIONS }, log)
  await complete(db)
  return performance.now() - t0
}

async function onPglite() {
  log('PGlite (in memory)')
  const handle = await openDatabase({ kind: 'pglite-memory' })
  const generateMs = await generate(handle.db)
  return measure(handle.db, handle, 'pglite', generateMs)
}

async function onPostgres() {
  const name = `cascade_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  log(`PostgreSQL (database ${name})`)
  await admin.query(`create database ${name}`)
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  try {
    const handle = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 10 })
    const generateMs = await generate(handle.db)
    return await measure(handle.db, handle, 'postgres', generateMs)
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

if (args.db === 'both' || args.db === 'pglite') console.log(JSON.stringify(await onPglite()))
if (args.db === 'both' || args.db === 'postgres') console.log(JSON.stringify(await onPostgres()))
