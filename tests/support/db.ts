import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { type DatabaseHandle, openDatabase } from '../../server/platform/db/client.ts'
import { migrateToLatest } from '../../server/platform/db/migrate.ts'

const MIGRATIONS = fileURLToPath(new URL('../../server/db/migrations/', import.meta.url))
const SERVER = fileURLToPath(new URL('../../server/', import.meta.url))

/** Changes whenever a migration changes, so templates are rebuilt exactly when needed. */
function migrationsHash(): string {
  const h = createHash('sha256')
  for (const f of readdirSync(MIGRATIONS).sort()) h.update(f).update(readFileSync(join(MIGRATIONS, f)))
  return h.digest('hex').slice(0, 16)
}

/**
 * Changes whenever the server's code changes (the seed runs the modules' own commands), and every hour
 * (the demo's dates are relative to the moment it is seeded), so a seeded template is never stale.
 */
function seededHash(extra: string): string {
  const h = createHash('sha256').update(migrationsHash()).update(extra)
  const files = readdirSync(SERVER, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
  for (const f of files) h.update(f).update(readFileSync(join(SERVER, f)))
  h.update(String(Math.floor(Date.now() / 3_600_000)))
  return h.digest('hex').slice(0, 16)
}

async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `cascade-test-template-${migrationsHash()}.tar.gz`)
  if (!existsSync(file)) {
    const h = await openDatabase({ kind: 'pglite-memory' })
    await migrateToLatest(h.db)
    const dump = await h.pglite!.dumpDataDir('gzip')
    await h.close()
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    renameSync(tmp, file)
  }
  return new Blob([readFileSync(file)])
}

async function postgresTemplate(admin: pg.Client): Promise<string> {
  const name = `cascade_tpl_${migrationsHash()}`
  const lock = Number.parseInt(migrationsHash().slice(0, 8), 16)
  await admin.query('select pg_advisory_lock($1)', [lock])
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (found.rowCount === 0) {
      const building = `${name}_build`
      await admin.query(`drop database if exists ${building} with (force)`)
      await admin.query(`create database ${building}`)
      const url = new URL(baseUrl())
      url.pathname = `/${building}`
      const h = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 1 })
      await migrateToLatest(h.db)
      await h.close()
      await admin.query(`alter database ${building} rename to ${name}`)
    }
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [lock])
  }
  return name
}

function baseUrl(): string {
  return process.env.TEST_DATABASE_URL!
}

/**
 * A migrated database of its own for one test file: a PGlite loaded from a cached migrated template
 * by default, or, with TEST_DATABASE_URL, a PostgreSQL database copied from a migrated template.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (!process.env.TEST_DATABASE_URL) {
    return openDatabase({ kind: 'pglite-loaded', dump: await pgliteTemplate() })
  }
  const admin = new pg.Client({ connectionString: baseUrl() })
  await admin.connect()
  const template = await postgresTemplate(admin)
  await admin.end()
  return copyOf(template)
}

/** A database of its own copied from `template`, dropped when closed. */
async function copyOf(template: string): Promise<DatabaseHandle> {
  const name = `cascade_t_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: baseUrl() })
  await admin.connect()
  await admin.query(`create database ${name} template ${template}`)
  await admin.end()
  const url = new URL(baseUrl())
  url.pathname = `/${name}`
  const handle = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 5 })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      const a = new pg.Client({ connectionString: baseUrl() })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}

/**
 * A database of its own with the demo seeded by `seed`, copied from a template that the first test file of
 * the hour seeds (PGlite: a dump file in the temporary folder; PostgreSQL: a template database), so the
 * end-to-end files do not each spend seconds seeding the same demo. `key` names what `seed` depends on
 * beyond the server's code (e.g. the secret the signing key is encrypted with).
 */
export async function createSeededTestDatabase(
  seed: (handle: DatabaseHandle) => Promise<void>,
  key: string,
): Promise<DatabaseHandle> {
  const hash = seededHash(key)
  if (!process.env.TEST_DATABASE_URL) {
    const file = join(tmpdir(), `cascade-test-seeded-${hash}.tar.gz`)
    if (!existsSync(file)) {
      const h = await openDatabase({ kind: 'pglite-loaded', dump: await pgliteTemplate() })
      await seed(h)
      const dump = await h.pglite!.dumpDataDir('gzip')
      await h.close()
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
      renameSync(tmp, file)
    }
    return openDatabase({ kind: 'pglite-loaded', dump: new Blob([readFileSync(file)]) })
  }
  const admin = new pg.Client({ connectionString: baseUrl() })
  await admin.connect()
  const name = `cascade_seeded_${hash}`
  const lock = Number.parseInt(hash.slice(0, 8), 16)
  await admin.query('select pg_advisory_lock($1)', [lock])
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (found.rowCount === 0) {
      const building = `${name}_build`
      await admin.query(`drop database if exists ${building} with (force)`)
      await admin.query(`create database ${building} template ${await postgresTemplate(admin)}`)
      const url = new URL(baseUrl())
      url.pathname = `/${building}`
      const h = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 2 })
      await seed(h)
      await h.close()
      await admin.query(`alter database ${building} rename to ${name}`)
    }
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [lock])
  }
  await admin.end()
  return copyOf(name)
}
