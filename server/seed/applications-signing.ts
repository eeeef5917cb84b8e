/**
 * The seed signs receipts with the platform's key: whoever seeds (server/main.ts, scripts/seed.ts, the
 * test support) configures signing for the database first, exactly as the composition root does, so
 * the key the seed uses is the one the app then loads.
 */
import type { Database } from '../platform/db/client.ts'
import { signerFor } from '../platform/signing/index.ts'

export async function ensureSigning(db: Database): Promise<void> {
  await signerFor(db)
}
