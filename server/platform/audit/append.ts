import { type RawBuilder, sql } from 'kysely'
import type { Actor } from '../authz/actor.ts'
import type { Tx } from '../db/client.ts'
import { canonicalJson, sha256 } from './canonical.ts'

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

/** The stored columns of an event: secrets redacted, the digest of its change computed. */
function eventValues(ctx: AuditContext, entry: AuditEntry) {
  const change = JSON.parse(JSON.stringify(redact(entry.change ?? null)) ?? 'null')
  return {
    occurred_at: ctx.now.toISOString(),
    actor_type: ctx.actor.kind,
    actor_id: ctx.actor.userId,
    actor_label: ctx.actor.label,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    change: JSON.stringify(change),
    digest: sha256(canonicalJson(change)),
    request_id: ctx.requestId,
  }
}

/**
 * Appends one event to the audit log, inside the caller's transaction: one INSERT, atomic with the
 * write it records, and no lock shared with other writers (its `seq` comes from a sequence). The event
 * is chained afterwards, once committed, by the sealer (seal.ts: `chain_position`, `prev_hash`, `hash`).
 */
export async function appendAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<string> {
  if (!tx.isTransaction) throw new Error('appendAudit must run inside the transaction of the write it records')
  const row = await tx
    .insertInto('audit_events')
    .values(eventValues(ctx, entry))
    .returning('seq')
    .executeTakeFirstOrThrow()
  return String(row.seq)
}

/**
 * The same event as part of a write made in ONE statement (a statement is a transaction of its own):
 * `insert into audit_events … select … from <source>`, where `source` names a data-modifying CTE of
 * that statement, inserts the event once per row the write returns — with the write or not at all.
 */
export function appendAuditFrom(ctx: AuditContext, entry: AuditEntry, source: string): RawBuilder<unknown> {
  const v = eventValues(ctx, entry)
  return sql`insert into audit_events (occurred_at, actor_type, actor_id, actor_label, action, subject_type,
      subject_id, change, digest, request_id)
    select ${v.occurred_at}::timestamptz, ${v.actor_type}, ${v.actor_id}::uuid, ${v.actor_label}, ${v.action},
      ${v.subject_type}, ${v.subject_id}, ${v.change}::jsonb, ${v.digest}, ${v.request_id}
    from ${sql.table(source)}`
}
