/**
 * The setting of the matchmaking journey (tests/e2e/matchmaking-journey.test.ts), done through the HTTP
 * API with the person's own session, as things that were there before the journey starts: the partner's
 * published partnering post, and the organiser's published brokerage event (central scheduling, one
 * session of four 30-minute slots at five tables, two weeks ahead).
 */
import type { Page } from 'playwright-core'
import type { E2E } from '../../support/e2e.ts'
import { SignInPage } from './AuthPages.ts'

const DAY = 86_400_000

/** Signs `page` in (from the sign-in page) and waits for the dashboard. */
export async function asPerson(page: Page, email: string, password: string): Promise<void> {
  await new SignInPage(page).goto()
  await new SignInPage(page).signIn(email, password)
}

/** A JSON call from the page (its cookies, its origin); throws with the problem's body when refused. */
async function call<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const res = await page.evaluate(
    async ({ method, url, body }) => {
      const r = await fetch(url, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: r.status, json: await r.json().catch(() => null) }
    },
    { method, url, body },
  )
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(res.json)}`)
  return res.json as T
}

/** A published technology offer of `organisation` (by legal name) for a challenge, open for 60 days. */
export async function createPost(
  e2e: E2E,
  page: Page,
  v: { organisation: string; title: string; challengeId: string },
): Promise<string> {
  const org = await e2e.db
    .selectFrom('organisations')
    .select('id')
    .where('legal_name', '=', v.organisation)
    .executeTakeFirstOrThrow()
  const post = await call<{ id: string; status: string }>(page, 'POST', '/api/v1/partnering/posts', {
    organisationId: org.id,
    kind: 'technology_offer',
    title: v.title,
    description:
      'Our ground radar and cooled thermal cameras locate intruders on perimeters of several kilometres. We look for SMEs with fence or fibre sensing to fuse with our tracks and pilot the whole at an airport or a plant.',
    expertiseOffered: 'ground radar, thermal imaging, sensor fusion',
    expertiseSought: 'fence or fibre-optic intrusion sensing',
    challengeId: v.challengeId,
    expiresAt: new Date(Date.now() + 60 * DAY).toISOString(),
  })
  if (post.status !== 'published') await call(page, 'POST', `/api/v1/partnering/posts/${post.id}/publish`, {})
  return post.id
}

/** A published on-site event with central scheduling; returns its id. */
export async function createCentralEvent(page: Page, title: string): Promise<string> {
  const day = new Date(Date.now() + 14 * DAY)
  day.setUTCHours(8, 0, 0, 0)
  const event = await call<{ id: string }>(page, 'POST', '/api/v1/brokerage/events', {
    title,
    description: 'One-to-one meetings between perimeter-security SMEs, operators of sites and integrators.',
    mode: 'on_site',
    venue: 'Brussels Expo, hall 3',
    onlineUrl: null,
    timeZone: 'Europe/Brussels',
    registrationDeadline: new Date(Date.now() + 10 * DAY).toISOString(),
    schedulingMode: 'central',
  })
  await call(page, 'POST', `/api/v1/brokerage/events/${event.id}/sessions`, {
    title: 'Morning',
    startsAt: day.toISOString(),
    endsAt: new Date(day.getTime() + 2 * 3_600_000).toISOString(),
    slotMinutes: 30,
    tables: 5,
  })
  await call(page, 'POST', `/api/v1/brokerage/events/${event.id}/publish`, {})
  return event.id
}
