import { hostname } from 'node:os'
import { sql } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database, Tx } from '../db/client.ts'
import type { Logger } from '../logger.ts'

export type JobHandler = (payload: Record<string, unknown>, db: Database) => Promise<void>

/** Adds a job in the caller's transaction: it runs only if the write it follows commits. */
export async function enqueue(
  tx: Tx | Database,
  queue: string,
  payload: Record<string, unknown>,
  runAt?: Date,
): Promise<string> {
  const row = await tx
    .insertInto('jobs')
    .values({ queue, payload: JSON.stringify(payload), ...(runAt ? { run_at: runAt } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Runs due jobs from the `jobs` table. Several processes may run workers against one PostgreSQL:
 * `FOR UPDATE SKIP LOCKED` hands each job to one of them; a crashed worker's lease expires.
 */
export class JobWorker {
  readonly #db: Database
  readonly #handlers = new Map<string, JobHandler>()
  readonly #log: Logger
  readonly #clock: Clock
  readonly #id = `${hostname()}:${process.pid}`
  #timer: NodeJS.Timeout | undefined
  #running: Promise<number> | undefined
  #stopped = false

  constructor(db: Database, log: Logger, clock: Clock) {
    this.#db = db
    this.#log = log
    this.#clock = clock
  }

  register(queue: string, handler: JobHandler): void {
    this.#handlers.set(queue, handler)
  }

  start(intervalMs = 500): void {
    this.#stopped = false
    const tick = async () => {
      if (this.#stopped) return
      try {
        await this.runDue()
      } catch (err) {
        this.#log.error({ err }, 'job worker tick failed')
      }
      if (!this.#stopped) this.#timer = setTimeout(tick, intervalMs)
    }
    this.#timer = setTimeout(tick, 10)
  }

  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#timer) clearTimeout(this.#timer)
    await this.#running
  }

  /** Claims and runs the jobs that are due now; returns how many ran. */
  runDue(limit = 20): Promise<number> {
    const run = this.#runDue(limit)
    this.#running = run
    return run
  }

  async #runDue(limit: number): Promise<number> {
    const queues = [...this.#handlers.keys()]
    if (queues.length === 0) return 0
    const now = this.#clock.now()
    const lease = new Date(now.getTime() + 60_000)
    const claimed = await this.#db
      .updateTable('jobs')
      .set((eb) => ({ locked_until: lease, locked_by: this.#id, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        this.#db
          .selectFrom('jobs')
          .select('id')
          .where('queue', 'in', queues)
          .where('done_at', 'is', null)
          .where('failed_at', 'is', null)
          .where('run_at', '<=', now)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .orderBy('run_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute()
    for (const job of claimed) {
      const handler = this.#handlers.get(job.queue)!
      try {
        await handler(job.payload as Record<string, unknown>, this.#db)
        await this.#db
          .updateTable('jobs')
          .set({ done_at: this.#clock.now(), locked_until: null })
          .where('id', '=', job.id)
          .execute()
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        const giveUp = job.attempts >= job.max_attempts
        const backoff = Math.min(3_600_000, 2 ** job.attempts * 5_000)
        this.#log.warn({ jobId: job.id, queue: job.queue, attempts: job.attempts, err: message }, 'job failed')
        await this.#db
          .updateTable('jobs')
          .set({
            last_error: message.slice(0, 2000),
            locked_until: null,
            ...(giveUp
              ? { failed_at: this.#clock.now() }
              : { run_at: sql<Date>`${new Date(this.#clock.now().getTime() + backoff)}` }),
          })
          .where('id', '=', job.id)
          .execute()
      }
    }
    return claimed.length
  }
}
