import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import type { DB } from '../../db/types.generated.ts'
import { acquireDataDirLock } from './lock.ts'

export type Database = Kysely<DB>
export type Tx = Transaction<DB>
/** Either the database or an open transaction: queries take this so they compose inside commands. */
export type Queryable = Kysely<DB>

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'pglite-loaded'; dump: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number }

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Closes the pool or the embedded instance and releases the data-folder lock. */
  close(): Promise<void>
  /** The embedded instance, when there is one (tests dump it as a template). */
  pglite?: PGlite
}

// Return int8 and numeric as strings on both drivers; dates as Date on both.
pg.types.setTypeParser(20, (v) => v)
// `date` stays a 'YYYY-MM-DD' string on both drivers (no time-zone shift).
pg.types.setTypeParser(1082, (v) => v)
const pgliteParsers = { 1082: (v: string) => v, 20: (v: string) => v }

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool replaces it, and the next query reports a real failure.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`))
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  let release: (() => void) | undefined
  let instance: PGlite
  if (target.kind === 'pglite') {
    mkdirSync(target.dataDir, { recursive: true })
    release = acquireDataDirLock(target.dataDir)
    try {
      // relaxedDurability off: every commit is flushed to disk before it is acknowledged.
      instance = await PGlite.create(target.dataDir, { relaxedDurability: false, parsers: pgliteParsers })
    } catch (err) {
      release()
      throw err
    }
  } else if (target.kind === 'pglite-loaded') {
    instance = await PGlite.create({ loadDataDir: target.dump, parsers: pgliteParsers })
  } else {
    instance = await PGlite.create({ parsers: pgliteParsers })
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite: instance }) })
  return {
    db,
    kind: 'pglite',
    pglite: instance,
    close: async () => {
      await db.destroy()
      release?.()
    },
  }
}

/** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
export function inTransaction<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx)
  return db.transaction().execute(fn)
}
