// `npm run audit:verify`: checks the hash chain of the audit log; exits 1 and names the first broken event.
import { loadConfig } from '../server/config/index.ts'
import { verifyAuditChain } from '../server/platform/audit/verify.ts'
import { openDatabase } from '../server/platform/db/client.ts'

const config = loadConfig()
const handle = await openDatabase(config.database)
try {
  const result = await verifyAuditChain(handle.db)
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} events verified.`)
  } else {
    console.error(
      `Audit chain BROKEN at event ${result.broken!.seq}: ${result.broken!.problem}. ${result.checked} events before it are intact.`,
    )
    process.exitCode = 1
  }
} finally {
  await handle.close()
}
