import type { Database } from '../db/client.ts'
import { canonicalJson, chainedFieldsOf, chainHash, GENESIS_HASH, sha256 } from './canonical.ts'

export interface VerifyResult {
  ok: boolean
  /** Sealed events verified, in chain order, before the first problem (all of them when ok). */
  checked: number
  /**
   * Committed events the sealer has not chained yet (it does so shortly after commit): their change is
   * checked against their digest, but nothing yet shows that one was edited as a whole or deleted.
   */
  unsealed: number
  /** The first event that does not fit, and why: `seq` is the event's number, `position` its place in the chain. */
  broken?: { seq: string | null; position: string | null; problem: string }
}

const columns = [
  'seq',
  'chain_position',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_label',
  'action',
  'subject_type',
  'subject_id',
  'change',
  'digest',
  'request_id',
  'prev_hash',
  'hash',
] as const

/**
 * Walks the sealed chain by position: a missing position (a deleted event), a change that does not
 * match its digest, an event that does not point at the one before it (reordered, inserted) or whose
 * fields do not match its hash (edited) break it, and so does a head that does not name the last event
 * (the newest events deleted). Then checks the digests of the events not sealed yet and counts them.
 */
export async function verifyAuditChain(db: Database, batch = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH
  let expected = 1n
  let checked = 0
  const fail = (seq: string | null, position: bigint | null, problem: string): VerifyResult => ({
    ok: false,
    checked,
    unsealed: 0,
    broken: { seq, position: position === null ? null : String(position), problem },
  })
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .select(columns)
      .where('chain_position', '>=', String(expected))
      .orderBy('chain_position')
      .limit(batch)
      .execute()
    for (const r of rows) {
      const seq = String(r.seq)
      if (BigInt(r.chain_position!) !== expected) {
        return fail(null, expected, `the event at chain position ${expected} is missing`)
      }
      if (sha256(canonicalJson(r.change)) !== r.digest) {
        return fail(seq, expected, 'its change does not match its digest')
      }
      if (r.prev_hash !== prev) return fail(seq, expected, 'it does not point at the event before it')
      const hash = chainHash(prev, chainedFieldsOf(r))
      if (hash !== r.hash) return fail(seq, expected, 'its fields do not match its hash')
      prev = hash
      expected++
      checked++
    }
    if (rows.length < batch) break
  }
  const head = await db
    .selectFrom('audit_chain')
    .select(['chain_position', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst()
  if (!head) return fail(null, null, 'the chain head is missing')
  if (BigInt(head.chain_position) !== expected - 1n || head.hash !== prev) {
    return fail(null, expected, `the chain head says ${head.chain_position} events, ${expected - 1n} found`)
  }
  let unsealed = 0
  let after = '0'
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'change', 'digest'])
      .where('chain_position', 'is', null)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batch)
      .execute()
    for (const r of rows) {
      if (sha256(canonicalJson(r.change)) !== r.digest) {
        return { ...fail(String(r.seq), null, 'its change does not match its digest'), unsealed }
      }
      unsealed++
      after = String(r.seq)
    }
    if (rows.length < batch) break
  }
  return { ok: true, checked, unsealed }
}
