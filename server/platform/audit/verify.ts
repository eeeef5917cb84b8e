import type { Database } from '../db/client.ts'
import { canonicalJson, chainHash, GENESIS_HASH, sha256 } from './canonical.ts'

export interface VerifyResult {
  ok: boolean
  checked: number
  /** The first event that does not fit the chain, and why. */
  broken?: { seq: string; problem: string }
}

/** Walks the whole chain in order; any edited, inserted or deleted event breaks it. */
export async function verifyAuditChain(db: Database, batch = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH
  let expected = 1n
  let checked = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', String(expected))
      .orderBy('seq')
      .limit(batch)
      .execute()
    for (const r of rows) {
      const seq = String(r.seq)
      if (BigInt(seq) !== expected) {
        return { ok: false, checked, broken: { seq: String(expected), problem: `event ${expected} is missing` } }
      }
      const digest = sha256(canonicalJson(r.change))
      if (digest !== r.digest)
        return { ok: false, checked, broken: { seq, problem: 'its change does not match its digest' } }
      if (r.prev_hash !== prev)
        return { ok: false, checked, broken: { seq, problem: 'it does not point at the event before it' } }
      const hash = chainHash(prev, {
        seq,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorType: r.actor_type,
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        digest: r.digest,
        requestId: r.request_id,
      })
      if (hash !== r.hash) return { ok: false, checked, broken: { seq, problem: 'its fields do not match its hash' } }
      prev = hash
      expected++
      checked++
    }
    if (rows.length < batch) break
  }
  const head = await db.selectFrom('audit_chain').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow()
  if (BigInt(head.seq) !== expected - 1n || head.hash !== prev) {
    return {
      ok: false,
      checked,
      broken: { seq: String(expected), problem: `the chain head says ${head.seq} events, ${expected - 1n} found` },
    }
  }
  return { ok: true, checked }
}
