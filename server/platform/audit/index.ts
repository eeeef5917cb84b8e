import type { Tx } from '../db/client.ts'
import type { CommandContext } from '../http/route.ts'
import { type AuditEntry, appendAudit } from './append.ts'

export type { AuditEntry }

/** Records a write of a command in the command's transaction. */
export function recordAudit(
  tx: Tx,
  ctx: Pick<CommandContext, 'actor' | 'requestId' | 'clock'>,
  entry: AuditEntry,
): Promise<string> {
  return appendAudit(tx, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() }, entry)
}
