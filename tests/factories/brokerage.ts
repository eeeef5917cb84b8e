import { seedId } from '../../server/seed/ids.ts'
import type { TestClient } from '../support/app.ts'

/** The instant brokerage tests run at (their FixedClock); the event is on 20 November 2026, Brussels time. */
export const NOW = '2026-11-01T09:00:00Z'

/** A valid POST /brokerage/events body (HSD organises); traits override fields. */
export function eventBody(traits: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clusterId: seedId('cluster:securit:hsd'),
    title: 'Security matchmaking day',
    description: 'One-to-one meetings between SMEs, cities and integrators.',
    mode: 'hybrid',
    venue: 'Brussels, Rue de la Loi 1',
    onlineUrl: 'https://meet.example.test/b2b',
    timeZone: 'Europe/Brussels',
    registrationDeadline: '2026-11-19T17:00:00Z',
    schedulingMode: 'self_booking',
    maxMeetingsPerParticipant: 4,
    requestExpiryHours: 48,
    reminderHours: 24,
    ...traits,
  }
}

/** Morning session: 09:00–10:00 Brussels (08:00–09:00 UTC), four 15-minute slots. */
export function sessionBody(traits: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Morning',
    startsAt: '2026-11-20T08:00:00Z',
    endsAt: '2026-11-20T09:00:00Z',
    slotMinutes: 15,
    tables: 2,
    ...traits,
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
type Json = any

async function ok(res: Promise<{ status: number; body: Json }>, want: number): Promise<Json> {
  const r = await res
  if (r.status !== want) throw new Error(`${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

/** Creates, fills with sessions and publishes an event as `organiser`; answers the event. */
export async function publishedEvent(
  organiser: TestClient,
  traits: Record<string, unknown> = {},
  sessions: Record<string, unknown>[] = [sessionBody()],
): Promise<Json> {
  const e = await ok(organiser.post('/api/v1/brokerage/events', eventBody(traits)), 201)
  for (const s of sessions) await ok(organiser.post(`/api/v1/brokerage/events/${e.id}/sessions`, s), 201)
  return ok(organiser.post(`/api/v1/brokerage/events/${e.id}/publish`), 200)
}

/** Registers the client for `organisationId`, free in every session unless slots are named. */
export async function registerFor(
  client: TestClient,
  event: { id: string; sessions: { id: string }[] },
  organisationId: string,
  traits: Record<string, unknown> = {},
): Promise<Json> {
  const body = {
    organisationId,
    profile: 'We build thermal cameras with on-device analytics for crowded places.',
    offer: 'thermal imaging',
    request: 'a city to pilot',
    sessionIds: event.sessions.map((s) => s.id),
    ...traits,
  }
  const res = await ok(client.post(`/api/v1/brokerage/events/${event.id}/registration`, body), 201)
  return res.myParticipant
}

/** Sends a request from `from` to participant `toId` and answers it. */
export function requestMeeting(from: TestClient, eventId: string, toId: string, traits: Record<string, unknown> = {}) {
  return ok(
    from.post(`/api/v1/brokerage/events/${eventId}/requests`, {
      toParticipantId: toId,
      reason: 'Your thermal cameras fit our crowd-safety pilot.',
      priority: 2,
      ...traits,
    }),
    201,
  )
}

export { ok }
