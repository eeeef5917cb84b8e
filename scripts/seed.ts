// `npm run db:seed`: migrates, then seeds the SecurIT demo programme and demo accounts (idempotent).
import { loadConfig } from '../server/config/index.ts'
import { openDatabase } from '../server/platform/db/client.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'
import { configureSigning } from '../server/platform/signing/index.ts'
import { seedDemoAccounts, seedProgramme } from '../server/seed/index.ts'

const config = loadConfig()
const handle = await openDatabase(config.database)
try {
  await migrateToLatest(handle.db)
  configureSigning(handle.db, { authSecret: config.authSecret, privateKey: config.receiptSigningKey })
  const programmeId = await seedProgramme(handle.db)
  await seedDemoAccounts(handle.db, programmeId)
  console.log('Seeded the SecurIT demo programme.')
} finally {
  await handle.close()
}
