import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config/index.ts'
import { openDatabase } from './platform/db/client.ts'
import { migrateToLatest } from './platform/db/migrate.ts'
import { createLogger } from './platform/logger.ts'
import { configureSigning } from './platform/signing/index.ts'
import { DEMO_PASSWORD, demoAccounts, seedDemoAccounts, seedProgramme } from './seed/index.ts'

let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig()
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
}

const log = createLogger(config.logLevel)
const database = await openDatabase(
  config.database.kind === 'pglite-memory' ? { kind: 'pglite-memory' } : config.database,
)
const { applied } = await migrateToLatest(database.db)
if (applied.length) log.info({ applied }, 'migrations applied')
// The seed signs demo receipts with the same key the app will use.
configureSigning(database.db, { authSecret: config.authSecret, privateKey: config.receiptSigningKey })
if (config.seedDemo) {
  const programmeId = await seedProgramme(database.db)
  await seedDemoAccounts(database.db, programmeId)
}

const app = await buildApp({ config, database, log })
await app.http.listen({ host: config.host, port: config.port })
app.worker.start()
app.sealer.start()

const where =
  config.database.kind === 'postgres'
    ? 'PostgreSQL server (DATABASE_URL)'
    : config.database.kind === 'pglite'
      ? `embedded PostgreSQL in ${config.database.dataDir}`
      : 'embedded PostgreSQL in memory'
const lines = [
  '',
  `  Cascade is running at ${config.publicUrl}`,
  `  Database: ${where}`,
  `  API reference: ${config.publicUrl}/api/docs`,
]
if (config.seedDemo) {
  lines.push('', `  Demo sign-ins at ${config.publicUrl}/app/sign-in (password for all: ${DEMO_PASSWORD})`)
  for (const a of demoAccounts) lines.push(`    ${a.email.padEnd(28)} ${a.role}`)
}
if (!config.smtpUrl)
  lines.push('', `  Mail is kept in the development mailbox: ${config.publicUrl}/app/admin/mailbox (operators)`)
console.log(`${lines.join('\n')}\n`)

let closing = false
const shutdown = async (signal: string) => {
  if (closing) return
  closing = true
  log.info({ signal }, 'shutting down')
  const force = setTimeout(() => {
    log.error('shutdown took too long; exiting')
    process.exit(1)
  }, 15_000)
  force.unref()
  try {
    await app.close()
    process.exit(0)
  } catch (err) {
    log.error({ err }, 'shutdown failed')
    process.exit(1)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
