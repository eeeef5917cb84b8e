import type { z } from 'zod'
import type { receiptKeys } from '../../../../shared/contracts/calls.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { publishedKeys, signerFor } from '../../../platform/signing/index.ts'

/**
 * The platform's receipt signing keys, public (retired ones included: they verify older receipts).
 * The active key is created on first use, so the list is never empty once anyone asks.
 */
export async function listReceiptKeys(ctx: CommandContext): Promise<z.infer<typeof receiptKeys>> {
  await signerFor(ctx.db)
  return { keys: await publishedKeys(ctx.db) }
}
