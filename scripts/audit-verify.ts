// `npm run audit:verify`: seals the committed events not chained yet (as the server's sealer does;
// `-- --no-seal` only reads), then checks the hash chain of the audit log; exits 1 and names the first
// broken event.
import { loadConfig } from '../server/config/index.ts'
import { sealAuditEvents } from '../server/platform/audit/seal.ts'
import { verifyAuditChain } from '../server/platform/audit/verify.ts'
import { openDatabase } from '../server/platform/db/client.ts'

const config = loadConfig()
const handle = await openDatabase(config.database)
try {
  const sealed = process.argv.includes('--no-seal') ? 0 : await sealAuditEvents(handle.db)
  const result = await verifyAuditChain(handle.db)
  if (result.ok) {
    console.log(
      `Audit chain intact: ${result.checked} events verified` +
        (sealed ? ` (${sealed} sealed now)` : '') +
        (result.unsealed ? `; ${result.unsealed} events not sealed yet, their digests match.` : '.'),
    )
  } else {
    const b = result.broken!
    const where =
      b.seq === null
        ? `chain position ${b.position}`
        : `event ${b.seq}${b.position ? ` (chain position ${b.position})` : ' (not sealed yet)'}`
    console.error(`Audit chain BROKEN at ${where}: ${b.problem}. ${result.checked} events before it are intact.`)
    process.exitCode = 1
  }
} finally {
  await handle.close()
}
