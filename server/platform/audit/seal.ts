import { sql } from 'kysely'
import type { Database } from '../db/client.ts'
import type { Logger } from '../logger.ts'
import { chainedFieldsOf, chainHash } from './canonical.ts'

export interface SealOptions {
  /** Events sealed per transaction. */
  batch?: number
  /**
   * Wait for another sealer holding the chain head (audit:verify, shutdown). When false, a sealer that
   * finds the head locked leaves the work to the one holding it and returns at once (the periodic tick).
   */
  wait?: boolean
}

/**
 * Chains the committed events that are not sealed yet: in one transaction per batch, it locks the
 * chain head (`audit_chain`, whose lock only sealers take: writers never touch it), reads the unsealed
 * events in `seq` order, gives them the next chain positions, each its `prev_hash` (the hash before
 * it) and `hash = sha256(prev_hash + canonical fields)`, and moves the head. An event still in an
 * open transaction is not visible, so it is sealed by a later round, after events with a higher seq:
 * the chain order is the order of sealing, fixed by the links. Returns how many events it sealed.
 */
export async function sealAuditEvents(db: Database, opts: SealOptions = {}): Promise<number> {
  const batch = opts.batch ?? 1000
  let sealed = 0
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      let headQuery = tx.selectFrom('audit_chain').select(['chain_position', 'hash']).where('id', '=', 1).forUpdate()
      if (opts.wait === false) headQuery = headQuery.skipLocked()
      const head = await headQuery.executeTakeFirst()
      if (!head) return -1
      const rows = await tx
        .selectFrom('audit_events')
        .select([
          'seq',
          'occurred_at',
          'actor_type',
          'actor_id',
          'actor_label',
          'action',
          'subject_type',
          'subject_id',
          'digest',
          'request_id',
        ])
        .where('chain_position', 'is', null)
        .orderBy('seq')
        .limit(batch)
        .execute()
      if (rows.length === 0) return 0
      let position = BigInt(head.chain_position)
      let prev = head.hash
      const seqs: string[] = []
      const positions: string[] = []
      const prevs: string[] = []
      const hashes: string[] = []
      for (const r of rows) {
        position++
        const hash = chainHash(prev, chainedFieldsOf(r))
        seqs.push(String(r.seq))
        positions.push(String(position))
        prevs.push(prev)
        hashes.push(hash)
        prev = hash
      }
      const updated = await sql`update audit_events as e
        set chain_position = v.position, prev_hash = v.prev_hash, hash = v.hash
        from unnest(${seqs}::bigint[], ${positions}::bigint[], ${prevs}::text[], ${hashes}::text[])
          as v(seq, position, prev_hash, hash)
        where e.seq = v.seq and e.chain_position is null`.execute(tx)
      if (Number(updated.numAffectedRows ?? 0) !== rows.length) {
        throw new Error(`audit sealing: ${updated.numAffectedRows} of ${rows.length} events updated; rolled back`)
      }
      await tx
        .updateTable('audit_chain')
        .set({ chain_position: String(position), hash: prev })
        .where('id', '=', 1)
        .execute()
      return rows.length
    })
    if (n < 0) return sealed
    sealed += n
    if (n < batch) return sealed
  }
}

/** How many committed events wait for the sealer. */
export async function unsealedCount(db: Database): Promise<number> {
  const r = await db
    .selectFrom('audit_events')
    .select(sql<string>`count(*)`.as('n'))
    .where('chain_position', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * Seals the audit log shortly after commit: every `intervalMs`, if an event waits (one indexed look-up),
 * one sealing round (without waiting for a sealer of another process). `stop()` seals what is left.
 */
export class AuditSealer {
  readonly #db: Database
  readonly #log: Logger
  #timer: NodeJS.Timeout | undefined
  #running: Promise<unknown> = Promise.resolve()
  #stopped = true

  constructor(db: Database, log: Logger) {
    this.#db = db
    this.#log = log
  }

  start(intervalMs = 500): void {
    this.#stopped = false
    const tick = async () => {
      if (this.#stopped) return
      const run = this.#tick()
      this.#running = run
      await run
      if (!this.#stopped) this.#timer = setTimeout(tick, intervalMs)
    }
    this.#timer = setTimeout(tick, 10)
  }

  async #tick(): Promise<void> {
    try {
      const waiting = await this.#db
        .selectFrom('audit_events')
        .select('seq')
        .where('chain_position', 'is', null)
        .limit(1)
        .executeTakeFirst()
      if (waiting) await sealAuditEvents(this.#db, { wait: false })
    } catch (err) {
      this.#log.error({ err }, 'audit sealing failed')
    }
  }

  /** Stops the timer and seals every committed event (waiting for another sealer if need be). */
  async stop(): Promise<void> {
    const wasRunning = !this.#stopped
    this.#stopped = true
    if (this.#timer) clearTimeout(this.#timer)
    await this.#running
    if (!wasRunning) return
    try {
      await sealAuditEvents(this.#db)
    } catch (err) {
      this.#log.error({ err }, 'audit sealing at shutdown failed')
    }
  }
}
