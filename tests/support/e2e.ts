import assert from 'node:assert/strict'
import { appendFileSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type App, buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config/index.ts'
import type { Database } from '../../server/platform/db/client.ts'
import { createLogger } from '../../server/platform/logger.ts'
import { configureSigning } from '../../server/platform/signing/index.ts'
import { seedId } from '../../server/seed/ids.ts'
import { seedDemoAccounts, seedProgramme } from '../../server/seed/index.ts'
import { securit } from '../../server/seed/securit.ts'
import { launchBrowser } from './browser.ts'
import { createSeededTestDatabase } from './db.ts'
import { freePort } from './process.ts'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') as string

export interface E2E {
  app: App
  db: Database
  baseUrl: string
  browser: Browser
  programmeId: string
  /** A fresh browser context (its own cookies), at a given viewport width. */
  newPage(opts?: { width?: number; locale?: string }): Promise<{ context: BrowserContext; page: Page }>
  /** Closes Chromium and the app (done by node:test's `after` unless `manualClose` was asked for). */
  close(): Promise<void>
}

/**
 * The real server on a free port, on a database of this file's own with the demo seeded, and Chromium.
 * In a test file the whole thing is closed by node:test's `after`; a plain script (the screenshots) passes
 * `{ manualClose: true }` and calls `close()` itself.
 */
export async function startE2E(opts: { manualClose?: boolean } = {}): Promise<E2E> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
    SEED_DEMO: 'true',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  })
  const signing = { authSecret: config.authSecret, privateKey: config.receiptSigningKey }
  // The demo is seeded once into a template (per hour and per change of the server's code), then copied.
  const database = await createSeededTestDatabase(async (h) => {
    configureSigning(h.db, signing)
    await seedDemoAccounts(h.db, await seedProgramme(h.db))
  }, config.authSecret)
  configureSigning(database.db, signing)
  const programmeId = seedId(`programme:${securit.slug}`)
  const app = await buildApp({ config, database, log: createLogger(config.logLevel) })
  await app.http.listen({ host: '127.0.0.1', port })
  app.worker.start(100)
  app.sealer.start()
  const browser = await launchBrowser()
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await browser.close()
    await app.close()
  }
  if (!opts.manualClose) after(close)
  return {
    app,
    db: database.db,
    baseUrl,
    browser,
    programmeId,
    close,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: opts.width ?? 1280, height: 900 },
        locale: opts.locale ?? 'en-GB',
        timezoneId: 'Europe/Paris',
      })
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      return { context, page }
    },
  }
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; html: string }[]
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now; fails the test on any violation.
 *
 * Diagnostic mode, never for CI: with `E2E_AXE=report` a violation is written to stderr (and appended as one
 * JSON line to `E2E_AXE_REPORT_FILE` when set) instead of failing, so that one run lists every violation
 * on every page of the journeys rather than stopping at the first.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await page.evaluate(AXE_SOURCE)
  // page.evaluate has no timeout, and axe.run never settles where timers do not run (a context with
  // JavaScript disabled): fail with a message rather than hang the test file.
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`axe did not finish on ${label} within 30 s (is JavaScript disabled in this context?)`)),
      30_000,
    )
  })
  const run = page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page
    const axe = (window as any).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    })
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }))
  }) as Promise<AxeViolation[]>
  const violations = await Promise.race([run, timeout]).finally(() => clearTimeout(timer))
  const where = `${label} (${new URL(page.url()).pathname})`
  if (process.env.E2E_AXE === 'report') {
    if (violations.length === 0) return
    process.stderr.write(`axe found violations on ${where}:\n${JSON.stringify(violations, null, 2)}\n`)
    if (process.env.E2E_AXE_REPORT_FILE)
      appendFileSync(process.env.E2E_AXE_REPORT_FILE, `${JSON.stringify({ label, url: page.url(), violations })}\n`)
    return
  }
  assert.deepEqual(violations, [], `axe found violations on ${where}:\n${JSON.stringify(violations, null, 2)}`)
}
