import { after } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { type App, buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config/index.ts'
import { type Clock, systemClock } from '../../server/platform/clock.ts'
import type { Database } from '../../server/platform/db/client.ts'
import { createLogger } from '../../server/platform/logger.ts'
import type { PageRenderer } from '../../server/platform/ssr/types.ts'
import { seedProgramme } from '../../server/seed/index.ts'
import { createTestDatabase } from './db.ts'

export const PUBLIC_URL = 'http://localhost:3000'

export interface TestApp {
  app: App
  db: Database
  programmeId: string
  /** A client with its own cookie jar, like one browser. */
  client(): TestClient
}

/** Builds Cascade on a database of this test file's own, with the SecurIT programme seeded. */
export async function createTestApp(
  opts: {
    clock?: Clock
    /** 'built' renders public pages from dist/ (npm test builds it); by default public pages are off. */
    renderer?: PageRenderer | null | 'built'
    env?: Record<string, string>
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase()
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  })
  const programmeId = await seedProgramme(database.db)
  const app = await buildApp({
    config,
    database,
    clock: opts.clock ?? systemClock,
    log: createLogger(config.logLevel),
    renderer: opts.renderer === 'built' ? undefined : (opts.renderer ?? null),
  })
  await app.http.ready()
  after(() => app.close())
  return { app, db: database.db, programmeId, client: () => new TestClient(app) }
}

type Body = Record<string, unknown> | unknown[] | undefined

export interface Res {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
  body: any
  headers: LightMyRequestResponse['headers']
  raw: LightMyRequestResponse
}

/** Sends requests through app.inject() with a cookie jar and the same-origin header a browser sends. */
export class TestClient {
  readonly #app: App
  readonly cookies = new Map<string, string>()
  headers: Record<string, string> = { origin: PUBLIC_URL }
  ip = '127.0.0.1'
  constructor(app: App) {
    this.#app = app
  }

  async request(method: string, url: string, body?: Body, headers: Record<string, string> = {}): Promise<Res> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const raw = await this.#app.http.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        ...this.headers,
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    })
    for (const c of raw.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    let parsed: unknown = raw.body
    if ((raw.headers['content-type'] ?? '').toString().includes('json') && raw.body) parsed = JSON.parse(raw.body)
    return { status: raw.statusCode, body: parsed, headers: raw.headers, raw }
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers)
  }
  post(url: string, body: Body = {}, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers)
  }
  put(url: string, body: Body = {}, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers)
  }
  patch(url: string, body: Body = {}, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers)
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers)
  }

  async signIn(email: string, password: string): Promise<Res> {
    const res = await this.post('/api/auth/sign-in/email', { email, password })
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res
  }
}
