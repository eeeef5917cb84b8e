import { hostname } from 'node:os'
import { type Selectable, sql } from 'kysely'
import type { Jobs } from '../../db/types.generated.ts'
import type { Clock } from '../clock.ts'
import type { Database, Tx } from '../db/client.ts'
import type { Logger } from '../logger.ts'

export type JobHandler = (payload: Record<string, unknown>, db: Database) => Promise<void>

export interface QueueOptions {
  /**
   * Work that may wait while people wait for answers (a receipt mail and its PDF): while the HTTP server
   * has requests under way, the worker runs at most one job of such queues per tick, so a surge of
   * requests is not slowed by it; when the server is quiet, they run at full speed.
   */
  background?: boolean
}

export interface WorkerOptions {
  /** True while requests are being answered (set by the composition root). */
  busy?: () => boolean
}

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
  readonly #background = new Set<string>()
  readonly #busy: () => boolean
  readonly #log: Logger
  readonly #clock: Clock
  readonly #id = `${hostname()}:${process.pid}`
  #timer: NodeJS.Timeout | undefined
  #running: Promise<number> | undefined
  #stopped = false

  constructor(db: Database, log: Logger, clock: Clock, opts: WorkerOptions = {}) {
    this.#db = db
    this.#log = log
    this.#clock = clock
    this.#busy = opts.busy ?? (() => false)
  }

  register(queue: string, handler: JobHandler, opts: QueueOptions = {}): void {
    this.#handlers.set(queue, handler)
    if (opts.background) this.#background.add(queue)
    else this.#background.delete(queue)
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
    const foreground = queues.filter((q) => !this.#background.has(q))
    const background = queues.filter((q) => this.#background.has(q))
    // While requests are under way, background queues get one job per tick.
    const claimed = this.#busy()
      ? [...(await this.#claim(foreground, limit)), ...(await this.#claim(background, 1))]
      : await this.#claim(queues, limit)
    let backgroundRan = 0
    const handBack: string[] = []
    for (const job of claimed) {
      if (this.#background.has(job.queue)) {
        // Requests came in meanwhile: the other background jobs go back to the queue, untouched.
        if (backgroundRan > 0 && this.#busy()) {
          handBack.push(job.id)
          continue
        }
        backgroundRan++
      }
      await this.#run(job)
    }
    await this.#release(handBack)
    return claimed.length - handBack.length
  }

  #claim(queues: string[], limit: number) {
    if (queues.length === 0) return Promise.resolve([])
    const now = this.#clock.now()
    const lease = new Date(now.getTime() + 60_000)
    return this.#db
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
  }

  async #release(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.#db
      .updateTable('jobs')
      .set((eb) => ({ locked_until: null, locked_by: null, attempts: eb('attempts', '-', 1) }))
      .where('id', 'in', ids)
      .where('locked_by', '=', this.#id)
      .execute()
  }

  async #run(job: Selectable<Jobs>): Promise<void> {
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
}
