/**
 * Demo brokerage event: "SecurIT matchmaking day", published, hybrid, central scheduling, two sessions (morning
 * and afternoon, Brussels time) about four weeks ahead; the demo SME, city and integrator registered with their
 * profiles; two accepted meeting requests and one pending. The organiser (operator@securit.demo or
 * staff.hsd@securit.demo) schedules them with "Schedule all". Idempotent: the same ids every time; a reseed adds
 * what is missing and keeps what people did since.
 */
import { sql } from 'kysely'
import { deriveSlots } from '../modules/matchmaking/brokerage/domain/rules.ts'
import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { type Clock, systemClock } from '../platform/clock.ts'
import { type Database, inTransaction } from '../platform/db/client.ts'
import { weightedVector } from '../platform/search/language.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'

const DAY = 86_400_000
const key = (k: string) => seedId(`brokerage:${securit.slug}:${k}`)

const people = [
  {
    key: 'sme',
    email: 'sme@securit.demo',
    organisation: 'demo-sme',
    profile:
      'Baltic Sentinel builds a low-cost RF sensor mesh that detects consumer drones and locates their pilots around small critical sites.',
    offer: 'drone detection, RF sensing, perimeter monitoring',
    request: 'cities and site operators to pilot the mesh; an integrator for command-centre alerts',
  },
  {
    key: 'city',
    email: 'city@securit.demo',
    organisation: 'demo-city',
    profile:
      'Ville de Démoville runs large open-air events and a municipal command centre; we test innovations for crowd safety.',
    offer: 'test sites, event security staff, a command centre',
    request: 'crowd monitoring without identification; drone detection at events',
  },
  {
    key: 'integrator',
    email: 'integrator@securit.demo',
    organisation: 'demo-integrator',
    profile:
      'We integrate security systems for Nordic municipalities: video, access control and command-centre software.',
    offer: 'system integration, command-centre software, municipal customers',
    request: 'SME sensors and analytics at TRL 6 or more to integrate',
  },
] as const

/** Seeds the demo event; answers the number of participants registered. */
export async function seedBrokerage(db: Database, programmeId: string, clock: Clock = systemClock): Promise<number> {
  const now = clock.now()
  const ctx = { actor: systemActor, requestId: null, clock }
  return inTransaction(db, async (tx) => {
    const eventId = key('event')
    const existing = await tx.selectFrom('brokerage_events').select('id').where('id', '=', eventId).executeTakeFirst()
    // The day, about four weeks ahead, at midnight UTC; sessions in Brussels time (UTC+1 in winter, +2 in summer).
    const day = Math.floor((now.getTime() + 28 * DAY) / DAY) * DAY
    const offset = (iso: number) => {
      const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeZoneName: 'shortOffset' })
        .formatToParts(new Date(iso))
        .find((p) => p.type === 'timeZoneName')?.value
      const h = Number(/GMT([+-]\d+)/.exec(parts ?? '')?.[1] ?? 1)
      return h * 3_600_000
    }
    const local = (hours: number) => new Date(day + hours * 3_600_000 - offset(day + 12 * 3_600_000))
    if (!existing) {
      await tx
        .insertInto('brokerage_events')
        .values({
          id: eventId,
          programme_id: programmeId,
          cluster_id: seedId(`cluster:${securit.slug}:hsd`),
          title: 'SecurIT matchmaking day',
          description:
            'One-to-one meetings of 20 minutes between SMEs, end-users and integrators before the next open call. In Brussels and online: on-site tables for those who come, online rooms for the others.',
          mode: 'hybrid',
          venue: 'Brussels, The Hague Security Delta Brussels office',
          online_url: 'https://meet.example.org/securit-matchmaking',
          time_zone: 'Europe/Brussels',
          registration_deadline: local(-24 + 17),
          scheduling_mode: 'central',
          max_meetings_per_participant: 6,
          request_expiry_hours: 96,
          reminder_hours: 24,
          status: 'published',
          published_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute()
      const sessions = [
        { k: 'morning', title: 'Morning', from: 9.5, to: 12.5, tables: 8 },
        { k: 'afternoon', title: 'Afternoon', from: 14, to: 16, tables: 6 },
      ]
      for (const s of sessions) {
        const sessionId = key(`session:${s.k}`)
        const startsAt = local(s.from)
        const endsAt = local(s.to)
        await tx
          .insertInto('brokerage_sessions')
          .values({
            id: sessionId,
            event_id: eventId,
            title: s.title,
            starts_at: startsAt,
            ends_at: endsAt,
            slot_minutes: 20,
            tables: s.tables,
            created_at: now,
          })
          .execute()
        for (const d of deriveSlots({ startsAt, endsAt, slotMinutes: 20 }))
          await tx
            .insertInto('brokerage_slots')
            .values({
              id: key(`slot:${s.k}:${d.position}`),
              event_id: eventId,
              session_id: sessionId,
              position: d.position,
              starts_at: d.startsAt,
              ends_at: d.endsAt,
              tables: s.tables,
            })
            .execute()
      }
      await recordAudit(tx, ctx, {
        action: 'brokerage_event.seeded',
        subjectType: 'brokerage_event',
        subjectId: eventId,
        change: { title: 'SecurIT matchmaking day' },
      })
    }
    const slots = await tx.selectFrom('brokerage_slots').select('id').where('event_id', '=', eventId).execute()
    let registered = 0
    for (const p of people) {
      const userId = seedId(`user:${p.email}`)
      const orgId = seedId(`organisation:${p.organisation}`)
      const [user, org] = await Promise.all([
        tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
        tx.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst(),
      ])
      if (!user || !org) continue
      const participantId = key(`participant:${p.key}`)
      const inserted = await tx
        .insertInto('brokerage_participants')
        .values({
          id: participantId,
          event_id: eventId,
          user_id: userId,
          organisation_id: orgId,
          profile: p.profile,
          offer: p.offer,
          request: p.request,
          search_vector: sql<string>`${weightedVector('english', { a: p.offer, b: p.request, c: p.profile })}`,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst()
      if (inserted && slots.length > 0)
        await tx
          .insertInto('brokerage_availability')
          .values(slots.map((s) => ({ participant_id: participantId, slot_id: s.id })))
          .execute()
      registered++
    }
    const requests = [
      {
        k: 'sme-city',
        from: 'sme',
        to: 'city',
        status: 'accepted',
        priority: 3,
        reason: 'Drone detection at your summer festival: we would like to plan a pilot.',
      },
      {
        k: 'integrator-sme',
        from: 'integrator',
        to: 'sme',
        status: 'accepted',
        priority: 2,
        reason: 'Your RF mesh could feed alerts into our command-centre software.',
      },
      {
        k: 'city-integrator',
        from: 'city',
        to: 'integrator',
        status: 'pending',
        priority: 1,
        reason: 'We are looking at command-centre upgrades for next year.',
      },
    ] as const
    for (const r of requests) {
      const from = key(`participant:${r.from}`)
      const to = key(`participant:${r.to}`)
      const both = await tx.selectFrom('brokerage_participants').select('id').where('id', 'in', [from, to]).execute()
      if (both.length < 2) continue
      await tx
        .insertInto('brokerage_meeting_requests')
        .values({
          id: key(`request:${r.k}`),
          event_id: eventId,
          from_participant_id: from,
          to_participant_id: to,
          reason: r.reason,
          priority: r.priority,
          status: r.status,
          expires_at: new Date(now.getTime() + 96 * 3_600_000),
          decided_at: r.status === 'accepted' ? now : null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    return registered
  })
}
