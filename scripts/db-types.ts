// Regenerates server/db/types.generated.ts from the migrated schema (kysely-codegen against a
// PostgreSQL server), so table types are derived, never copied by hand.
//   npm run db:types             write the file
//   npm run db:types -- --verify fail when the committed file is stale (CI)
// Server: DB_TYPES_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase } from '../server/platform/db/client.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'

const verify = process.argv.includes('--verify')
const base = process.env.DB_TYPES_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const name = `cascade_types_${randomBytes(4).toString('hex')}`
const admin = new pg.Client({ connectionString: base })
await admin.connect()
await admin.query(`create database ${name}`)
const url = new URL(base)
url.pathname = `/${name}`
try {
  const handle = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 1 })
  await migrateToLatest(handle.db)
  await handle.close()
  const args = [
    'kysely-codegen',
    '--dialect',
    'postgres',
    '--url',
    url.href,
    '--out-file',
    'server/db/types.generated.ts',
    '--exclude-pattern',
    'schema_migrations*',
    '--date-parser',
    'string',
    '--numeric-parser',
    'string',
    '--log-level',
    'error',
  ]
  if (verify) args.push('--verify')
  execFileSync('npx', args, { stdio: 'inherit' })
} finally {
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.end()
}
