import type { RawBuilder } from 'kysely'
import type { Tx } from '../db/client.ts'
import type { CommandContext } from '../http/route.ts'
import { type AuditEntry, appendAudit, appendAuditFrom } from './append.ts'

export { AuditSealer, sealAuditEvents } from './seal.ts'
export type { AuditEntry }

/** Records a write of a command in the command's transaction (the sealer chains it after commit). */
export function recordAudit(
  tx: Tx,
  ctx: Pick<CommandContext, 'actor' | 'requestId' | 'clock'>,
  entry: AuditEntry,
): Promise<string> {
  return appendAudit(tx, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() }, entry)
}

/**
 * The audit event of a command that writes in a single statement, as one of its parts: inserted once
 * per row of the CTE `source` (the write), atomically with it (see appendAuditFrom).
 */
export function recordAuditFrom(
  ctx: Pick<CommandContext, 'actor' | 'requestId' | 'clock'>,
  entry: AuditEntry,
  source: string,
): RawBuilder<unknown> {
  return appendAuditFrom({ actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() }, entry, source)
}
