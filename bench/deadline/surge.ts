// The clients of the deadline bench: C concurrent workers over real HTTP (fetch, keep-alive), each
// taking the next consortium. Phase "drafts": every consortium saves a last change to its answers.
// Phase "submit": every consortium submits with an Idempotency-Key. Network errors (the server was
// killed, restarting) are retried with the same key and back-off until the server answers again; an
// HTTP error is counted and, for 5xx, 408 and 429, retried too. Only 200/201 answers with a receipt are
// "acknowledged": those are what the verification looks for afterwards.
import type { SignedReceipt } from '../../shared/contracts/applications.ts'
import type { Consortium } from './seed.ts'

export interface Target {
  /** Changes when the server is restarted (a new port). */
  base: string
}

export interface Ack {
  applicationId: string
  revision: number
  receipt: SignedReceipt
  replayed: boolean
}

export interface Failure {
  phase: 'drafts' | 'submit'
  applicationId: string
  status: number | 'network' | 'gave_up'
  detail: string
}

export interface PhaseFigures {
  /** Latency of every request that got an HTTP answer, ms. */
  latencies: number[]
  wallMs: number
  networkRetries: number
}

export interface SurgeOptions {
  concurrency: number
  runId: string
  /** Called after each acknowledged submission (the --crash trigger). */
  onAck?: (acknowledged: number) => void
  /** How long a client keeps retrying one request through network errors. */
  giveUpMs?: number
}

class Gave extends Error {}

async function send(
  target: Target,
  figures: PhaseFigures,
  req: { method: string; path: string; token: string; body: unknown; headers?: Record<string, string> },
  giveUpMs: number,
): Promise<{ status: number; body: unknown }> {
  const start = Date.now()
  let wait = 50
  for (;;) {
    const t0 = performance.now()
    try {
      const res = await fetch(`${target.base}${req.path}`, {
        method: req.method,
        headers: {
          authorization: `Bearer ${req.token}`,
          'content-type': 'application/json',
          ...req.headers,
        },
        body: JSON.stringify(req.body),
        // A person waits for the answer; a stuck request is given up only after ten minutes.
        signal: AbortSignal.timeout(600_000),
      })
      const text = await res.text()
      figures.latencies.push(performance.now() - t0)
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        // not JSON
      }
      return { status: res.status, body }
    } catch (err) {
      // Refused, reset, timed out: the server is down or restarting. Same request, same key, again.
      figures.networkRetries++
      if (Date.now() - start > giveUpMs) throw new Gave(`no answer after ${giveUpMs} ms: ${(err as Error).message}`)
      await new Promise((r) => setTimeout(r, wait))
      wait = Math.min(1000, wait * 2)
    }
  }
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (;;) {
        const i = next++
        if (i >= items.length) return
        await work(items[i]!, i)
      }
    }),
  )
}

const detailOf = (body: unknown) =>
  typeof body === 'object' && body !== null && 'code' in body
    ? String((body as { code: unknown }).code)
    : (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 200)

/** Answers worth the same request again (with the same key): the server's own errors and timeouts. */
const transient = (status: number) => status >= 500 || status === 408 || status === 429

/** Every consortium saves one last change (the abstract): the working copy's version goes up. */
export async function draftPhase(
  target: Target,
  consortia: readonly Consortium[],
  opts: SurgeOptions,
  failures: Failure[],
): Promise<{ figures: PhaseFigures; versions: Map<string, number> }> {
  const figures: PhaseFigures = { latencies: [], wallMs: 0, networkRetries: 0 }
  const versions = new Map<string, number>()
  const t0 = performance.now()
  await pool(consortia, opts.concurrency, async (c, i) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const res = await send(
          target,
          figures,
          {
            method: 'PATCH',
            path: `/api/v1/applications/${c.applicationId}/answers`,
            token: c.token,
            body: {
              baseVersion: 1,
              changes: { abstract: `${'Final wording, saved minutes before the deadline. '.repeat(8)}(${i})` },
            },
          },
          opts.giveUpMs ?? 900_000,
        )
        if (res.status === 200) {
          versions.set(c.applicationId, (res.body as { version: number }).version)
          return
        }
        failures.push({
          phase: 'drafts',
          applicationId: c.applicationId,
          status: res.status,
          detail: detailOf(res.body),
        })
        if (!transient(res.status)) return
      } catch (err) {
        failures.push({ phase: 'drafts', applicationId: c.applicationId, status: 'gave_up', detail: String(err) })
        return
      }
    }
  })
  figures.wallMs = performance.now() - t0
  return { figures, versions }
}

/** Every consortium submits, with an Idempotency-Key it keeps through retries. */
export async function submitPhase(
  target: Target,
  consortia: readonly Consortium[],
  versions: Map<string, number>,
  opts: SurgeOptions,
  failures: Failure[],
): Promise<{ figures: PhaseFigures; acks: Map<string, Ack>; staleRetries: number }> {
  const figures: PhaseFigures = { latencies: [], wallMs: 0, networkRetries: 0 }
  const acks = new Map<string, Ack>()
  let staleRetries = 0
  const t0 = performance.now()
  await pool(consortia, opts.concurrency, async (c, i) => {
    let version = versions.get(c.applicationId) ?? 2
    let key = `surge-${opts.runId}-${i}`
    for (let attempt = 0; attempt < 6; attempt++) {
      let res: { status: number; body: unknown }
      try {
        res = await send(
          target,
          figures,
          {
            method: 'POST',
            path: `/api/v1/applications/${c.applicationId}/submit`,
            token: c.token,
            body: { version },
            headers: { 'idempotency-key': key },
          },
          opts.giveUpMs ?? 900_000,
        )
      } catch (err) {
        failures.push({ phase: 'submit', applicationId: c.applicationId, status: 'gave_up', detail: String(err) })
        return
      }
      if (res.status === 200 || res.status === 201) {
        const body = res.body as { receipt: SignedReceipt; revision: number; replayed: boolean }
        acks.set(c.applicationId, {
          applicationId: c.applicationId,
          revision: body.revision,
          receipt: body.receipt,
          replayed: body.replayed,
        })
        opts.onAck?.(acks.size)
        return
      }
      const code = detailOf(res.body)
      if (res.status === 409 && code === 'application_version_stale') {
        // The draft save was applied twice (a retry after a lost answer): submit the current version.
        staleRetries++
        version = (res.body as { currentVersion?: number }).currentVersion ?? version + 1
        key = `${key}-v${version}`
        continue
      }
      failures.push({ phase: 'submit', applicationId: c.applicationId, status: res.status, detail: code })
      if (!transient(res.status)) return
    }
  })
  figures.wallMs = performance.now() - t0
  return { figures, acks, staleRetries }
}
