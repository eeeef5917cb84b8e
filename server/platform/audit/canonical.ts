import { createHash } from 'node:crypto'

/** JSON with object keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedFields {
  seq: string
  occurredAt: string
  actorType: string
  actorId: string | null
  actorLabel: string
  action: string
  subjectType: string
  subjectId: string | null
  digest: string
  requestId: string | null
}

/** hash(n) = sha256(hash(n-1) + canonical(event n without its hash)). */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return sha256(`${prevHash}\n${canonicalJson(fields)}`)
}

/** The stored columns of an event that its hash covers. */
export interface StoredEventFields {
  seq: string | number | bigint
  occurred_at: Date | string
  actor_type: string
  actor_id: string | null
  actor_label: string
  action: string
  subject_type: string
  subject_id: string | null
  digest: string
  request_id: string | null
}

/** The chained fields of a stored event (its chain position is not among them: the links fix the order). */
export function chainedFieldsOf(r: StoredEventFields): ChainedFields {
  return {
    seq: String(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    digest: r.digest,
    requestId: r.request_id,
  }
}
