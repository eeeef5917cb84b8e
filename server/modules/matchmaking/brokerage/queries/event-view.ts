import type {
  BrokerageEvent,
  BrokerageStatus,
  SchedulingMode,
  Session,
} from '../../../../../shared/contracts/brokerage.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { can } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { nextEventStatus, registrationOpen } from '../domain/rules.ts'
import { type EventRow, isOrganiser, iso, myParticipant } from './access.ts'
import { selectParticipants, toParticipants } from './participant-view.ts'

/**
 * The sessions of an event with their slots, in time order; for organisers also the meetings placed in each (the
 * same count `updateSession` and `deleteSession` check) and the highest table they use.
 */
export async function sessionsOf(db: Queryable, eventId: string, organiser = false): Promise<Session[]> {
  const [sessions, slots, used] = await Promise.all([
    db.selectFrom('brokerage_sessions').selectAll().where('event_id', '=', eventId).orderBy('starts_at').execute(),
    db.selectFrom('brokerage_slots').selectAll().where('event_id', '=', eventId).orderBy('starts_at').execute(),
    organiser
      ? db
          .selectFrom('brokerage_meetings as m')
          .innerJoin('brokerage_slots as sl', 'sl.id', 'm.slot_id')
          .select((eb) => [
            'sl.session_id',
            eb.fn.countAll<string>().as('n'),
            eb.fn.max('m.table_number').as('maxTable'),
          ])
          .where('sl.event_id', '=', eventId)
          .groupBy('sl.session_id')
          .execute()
      : Promise.resolve([]),
  ])
  return sessions.map((s) => {
    const inUse = used.find((u) => u.session_id === s.id)
    return {
      id: s.id,
      title: s.title,
      startsAt: iso(s.starts_at),
      endsAt: iso(s.ends_at),
      slotMinutes: s.slot_minutes,
      tables: s.tables,
      slots: slots
        .filter((x) => x.session_id === s.id)
        .map((x) => ({ id: x.id, position: x.position, startsAt: iso(x.starts_at), endsAt: iso(x.ends_at) })),
      meetingCount: organiser ? Number(inUse?.n ?? 0) : null,
      highestTableInUse: organiser ? Number(inUse?.maxTable ?? 0) : null,
    }
  })
}

/** The public shape of an event for the caller: sessions, their registration, what they may do. */
export async function toEvent(db: Queryable, actor: Actor, e: EventRow, now: Date): Promise<BrokerageEvent> {
  const organiser = isOrganiser(actor, e)
  const [sessions, count, mineRow] = await Promise.all([
    sessionsOf(db, e.id, organiser),
    db
      .selectFrom('brokerage_participants')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('event_id', '=', e.id)
      .executeTakeFirstOrThrow(),
    myParticipant(db, actor, e.id),
  ])
  const mineFacts = mineRow
    ? await selectParticipants(db).where('bp.id', '=', mineRow.id).executeTakeFirst()
    : undefined
  const [myView] = mineFacts ? await toParticipants(db, actor, e, [mineFacts], mineRow, now) : []
  const status = e.status as BrokerageStatus
  const open = registrationOpen({ status, registrationDeadline: new Date(e.registration_deadline) }, now)
  const manage = can(actor, 'brokerage.manage').allowed && organiser
  const participate = can(actor, 'brokerage.participate')
  const central = e.scheduling_mode === 'central'
  const deny = (reason: 'missing_role' | 'wrong_status') => ({ allowed: false, reason })
  const allow = { allowed: true }
  return {
    id: e.id,
    programmeId: e.programme_id,
    clusterId: e.cluster_id,
    title: e.title,
    description: e.description,
    mode: e.mode as BrokerageEvent['mode'],
    venue: e.venue,
    onlineUrl: organiser || mineRow ? e.online_url : null,
    timeZone: e.time_zone,
    registrationDeadline: iso(e.registration_deadline),
    registrationOpen: open,
    schedulingMode: e.scheduling_mode as SchedulingMode,
    maxMeetingsPerParticipant: e.max_meetings_per_participant,
    requestExpiryHours: e.request_expiry_hours,
    reminderHours: e.reminder_hours,
    status,
    schedulePublishedAt: e.schedule_published_at ? iso(e.schedule_published_at) : null,
    publishedAt: e.published_at ? iso(e.published_at) : null,
    startsAt: sessions[0]?.startsAt ?? null,
    sessions,
    participantCount: Number(count.n),
    organiser,
    myParticipant: myView ?? null,
    abilities: {
      update: manage ? (status === 'closed' ? deny('wrong_status') : allow) : deny('missing_role'),
      publish: manage
        ? nextEventStatus(status, 'publish') && sessions.length > 0
          ? allow
          : deny('wrong_status')
        : deny('missing_role'),
      close: manage ? (nextEventStatus(status, 'close') ? allow : deny('wrong_status')) : deny('missing_role'),
      register: !participate.allowed
        ? participate
        : mineRow || !open || actor.memberships.size === 0
          ? { allowed: false, reason: actor.memberships.size === 0 ? 'not_a_member' : 'wrong_status' }
          : allow,
      schedule: manage ? (central && status === 'published' ? allow : deny('wrong_status')) : deny('missing_role'),
    },
  }
}
