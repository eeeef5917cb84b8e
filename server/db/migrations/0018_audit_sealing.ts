import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * The audit log without a global lock in the writer's commit path (ADR 0004, revised).
 *
 * A write's transaction only inserts its event: `seq` comes from a sequence (increasing, with gaps
 * where a transaction rolled back), and `digest` is computed by the writer. The chain is made
 * afterwards by the sealer (server/platform/audit/seal.ts): it takes the `audit_chain` head row's lock
 * (sealers only), gives the committed unsealed events, in `seq` order, the next `chain_position`s
 * (1, 2, 3… without gaps) and their `prev_hash` and `hash`, and moves the head. Events sealed before
 * this migration keep their hashes: their chain position is their seq, which had no gaps.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'create sequence audit_events_seq owned by audit_events.seq',
    `select setval('audit_events_seq', (select coalesce(max(seq), 0) + 1 from audit_events), false)`,
    `alter table audit_events alter column seq set default nextval('audit_events_seq')`,
    'alter table audit_events add column chain_position bigint',
    'update audit_events set chain_position = seq',
    'alter table audit_events add constraint audit_events_chain_position_key unique (chain_position)',
    'alter table audit_events alter column prev_hash drop not null',
    'alter table audit_events alter column hash drop not null',
    // Sealed means position, link and hash together; an unsealed event has none of them.
    `alter table audit_events add constraint audit_events_sealed_check check (
      (chain_position is null and prev_hash is null and hash is null)
      or (chain_position is not null and prev_hash is not null and hash is not null))`,
    // What the sealer reads: the unsealed events in seq order (a small, short-lived set).
    'create index audit_events_unsealed_idx on audit_events (seq) where chain_position is null',
    // The head of the chain: the position and hash of the last sealed event (rows are locked by sealers only).
    'alter table audit_chain rename column seq to chain_position',
  ])
}
