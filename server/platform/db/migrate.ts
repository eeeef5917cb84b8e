import { readdir } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type Kysely, sql } from 'kysely'
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration'

const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url))

/** Loads `server/db/migrations/NNNN_name.ts` in name order. Forward-only: no `down`. */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f)).sort()
    const out: Record<string, Migration> = {}
    for (const f of files) {
      const mod = (await import(pathToFileURL(MIGRATIONS_DIR + f).href)) as Migration
      out[f.replace(/\.ts$/, '')] = { up: mod.up }
    }
    return out
  }
}

export interface MigrationReport {
  applied: string[]
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: new FolderProvider(),
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const name = failed?.migrationName ?? 'unknown'
    throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}

/** Runs statements one by one (PGlite's extended protocol takes one statement per query). */
// biome-ignore lint/suspicious/noExplicitAny: used by migrations
export async function runStatements(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db)
}
