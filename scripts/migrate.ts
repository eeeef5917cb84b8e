// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { loadConfig } from '../server/config/index.ts'
import { openDatabase } from '../server/platform/db/client.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'

const config = loadConfig()
const handle = await openDatabase(config.database)
try {
  const { applied } = await migrateToLatest(handle.db)
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
} finally {
  await handle.close()
}
