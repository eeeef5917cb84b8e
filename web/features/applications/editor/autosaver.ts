import { isApiError } from '../../../app/api.ts'

/**
 * The autosave loop, free of React: changes are kept per key (a question id, or a top-level field of a
 * partner's part) until the server acknowledges them; they are sent about a second after the last
 * keystroke, at once on blur or when the page is hidden, one request at a time, and again with a
 * growing delay while the network or the server is down. Keys in conflict are held back until the
 * person decides. Nothing typed is dropped: a key leaves `pending` only when the value the server took
 * is still the value on screen.
 */

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline'; retryAt: Date }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown }

/** What to do after a refusal that is not a network problem. */
export type FailureOutcome =
  /** Some keys are held back (conflict): send the rest again at once. */
  | { action: 'conflict'; held: string[] }
  /** Stop saving (deadline passed, read-only, refused): keep everything pending. */
  | { action: 'stop' }
  /** Some values are invalid: hold those keys until they change again. */
  | { action: 'invalid'; held: string[] }

export interface AutosaverOptions {
  delayMs?: number
  send: (changes: Record<string, unknown>) => Promise<void>
  onFailure: (error: unknown, sent: Record<string, unknown>) => Promise<FailureOutcome> | FailureOutcome
  onState: (state: SaveState) => void
  onPendingChange?: (pending: Record<string, unknown>) => void
}

const retryDelays = [2_000, 5_000, 10_000, 30_000, 60_000]
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** A network failure, a server error or a rate limit: worth trying again later. */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return false
  return error.status === 0 || error.status >= 500 || error.status === 429 || error.code === 'network_error'
}

export class Autosaver {
  private pending = new Map<string, unknown>()
  /** Keys waiting for a decision (conflict) or for a new value (invalid). */
  private held = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private inFlight: Promise<void> | null = null
  private again = false
  private failures = 0
  private stopped = false
  private disposed = false
  private readonly delayMs: number
  private readonly opts: AutosaverOptions
  /** Keys another person changed meanwhile: held until the person keeps theirs or takes the other. */
  private conflictKeys = new Set<string>()

  constructor(opts: AutosaverOptions) {
    this.opts = opts
    this.delayMs = opts.delayMs ?? 1000
  }

  /** The values not yet acknowledged by the server (what the screen shows over the server's copy). */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.pending)
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.inFlight !== null
  }

  isHeld(key: string): boolean {
    return this.held.has(key)
  }

  /** A value typed by the person: saved after the debounce delay. */
  change(key: string, value: unknown): void {
    this.pending.set(key, value)
    if (this.held.has(key) && !this.isConflict(key)) this.held.delete(key)
    this.opts.onPendingChange?.(this.snapshot())
    if (this.stopped) return
    this.opts.onState({ kind: 'pending' })
    this.schedule(this.delayMs)
  }

  /** Restores changes kept from an earlier visit (local copy), to be sent again. */
  restore(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.pending.set(k, v)
    if (this.pending.size > 0) this.schedule(0)
  }

  private isConflict(key: string) {
    return this.conflictKeys.has(key)
  }

  /** The person decided a conflict: send their value (keep) or drop it (take theirs). */
  resolve(key: string, keep: boolean): void {
    this.conflictKeys.delete(key)
    this.held.delete(key)
    if (!keep) this.pending.delete(key)
    this.opts.onPendingChange?.(this.snapshot())
    if (keep) this.schedule(0)
    else if (this.pending.size === 0 && !this.inFlight) this.opts.onState({ kind: 'idle' })
  }

  /** Sends now (blur, page hidden, before leaving). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    void this.run()
    return this.inFlight ?? Promise.resolve()
  }

  /** Stops for good (deadline passed, page left for a read-only state); pending values stay readable. */
  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Back online: try at once. */
  wake(): void {
    if (!this.stopped && this.pending.size > 0) this.schedule(0)
  }

  /** (Re)attached to a mounted page (React may mount, unmount and mount again). */
  attach(): void {
    this.disposed = false
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(ms: number): void {
    if (this.stopped || this.disposed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.run()
    }, ms)
  }

  private async run(): Promise<void> {
    if (this.stopped) return
    if (this.inFlight) {
      this.again = true
      return
    }
    const changes: Record<string, unknown> = {}
    for (const [k, v] of this.pending) if (!this.held.has(k)) changes[k] = v
    if (Object.keys(changes).length === 0) {
      if (this.conflictKeys.size > 0) this.opts.onState({ kind: 'conflict' })
      return
    }
    this.opts.onState({ kind: 'saving' })
    this.inFlight = this.sendOnce(changes)
    try {
      await this.inFlight
    } finally {
      this.inFlight = null
    }
    if (this.again) {
      this.again = false
      this.schedule(0)
    }
  }

  private async sendOnce(changes: Record<string, unknown>): Promise<void> {
    try {
      await this.opts.send(changes)
      this.failures = 0
      for (const [k, v] of Object.entries(changes)) if (same(this.pending.get(k), v)) this.pending.delete(k)
      this.opts.onPendingChange?.(this.snapshot())
      if (this.conflictKeys.size > 0) this.opts.onState({ kind: 'conflict' })
      else if (this.pending.size > 0) {
        this.opts.onState({ kind: 'pending' })
        this.again = true
      } else this.opts.onState({ kind: 'saved', at: new Date() })
    } catch (error) {
      if (isTransient(error)) {
        const delay = retryDelays[Math.min(this.failures, retryDelays.length - 1)]!
        this.failures++
        this.opts.onState({ kind: 'offline', retryAt: new Date(Date.now() + delay) })
        this.schedule(delay)
        return
      }
      const outcome = await this.opts.onFailure(error, changes)
      if (outcome.action === 'stop') {
        this.stop()
        this.opts.onState({ kind: 'error', error })
        return
      }
      for (const k of outcome.held) this.held.add(k)
      if (outcome.action === 'conflict') {
        for (const k of outcome.held) this.conflictKeys.add(k)
        this.opts.onState({ kind: 'conflict' })
        this.again = true
      } else {
        this.opts.onState({ kind: 'error', error })
        this.again = Object.keys(changes).some((k) => !outcome.held.includes(k))
      }
    }
  }
}

const rank: Record<SaveState['kind'], number> = {
  error: 6,
  conflict: 5,
  offline: 4,
  saving: 3,
  pending: 2,
  saved: 1,
  idle: 0,
}

/** One status for several autosave loops (shared answers and the person's own part): the most urgent. */
export function combineStates(...states: SaveState[]): SaveState {
  let out: SaveState = { kind: 'idle' }
  for (const s of states) {
    if (rank[s.kind] > rank[out.kind]) out = s
    else if (s.kind === 'saved' && out.kind === 'saved' && s.at > out.at) out = s
  }
  return out
}
