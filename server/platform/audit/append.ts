import { sql } from 'kysely'
import type { Actor } from '../authz/actor.ts'
import type { Tx } from '../db/client.ts'
import { canonicalJson, chainHash, sha256 } from './canonical.ts'

export interface AuditEntry {
  action: string
  subjectType: string
  subjectId: string | null
  /** What changed: the input or the before/after of the fields. Secrets must not be passed. */
  change: unknown
}

export interface AuditContext {
  actor: Actor
  requestId: string | null
  now: Date
}

const REDACTED_KEYS = /password|secret|token|backup_?codes/i

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = REDACTED_KEYS.test(k) ? '[redacted]' : redact(v)
    return out
  }
  return value
}

/**
 * Appends one event to the hash-chained audit log, inside the caller's transaction. The update of
 * the single `audit_chain` row takes its lock, so appends are serialised and the chain never forks.
 */
export async function appendAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<string> {
  if (!tx.isTransaction) throw new Error('appendAudit must run inside the transaction of the write it records')
  const change = JSON.parse(JSON.stringify(redact(entry.change ?? null)) ?? 'null')
  const head = await tx
    .updateTable('audit_chain')
    .set({ seq: sql<string>`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow()
  const seq = String(head.seq)
  const occurredAt = ctx.now.toISOString()
  const actorType = ctx.actor.kind
  const fields = {
    seq,
    occurredAt,
    actorType,
    actorId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    digest: sha256(canonicalJson(change)),
    requestId: ctx.requestId,
  }
  const hash = chainHash(head.hash, fields)
  await tx
    .insertInto('audit_events')
    .values({
      seq,
      occurred_at: occurredAt,
      actor_type: actorType,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      action: fields.action,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      change: JSON.stringify(change),
      digest: fields.digest,
      request_id: fields.requestId,
      prev_hash: head.hash,
      hash,
    })
    .execute()
  await tx.updateTable('audit_chain').set({ hash }).where('id', '=', 1).execute()
  return seq
}
