import { type SqlBool, sql } from 'kysely'
import type { z } from 'zod'
import type {
  BrokerageEvent,
  MeetingRequest,
  Participant,
  participantQuery,
  requestListQuery,
  Slot,
} from '../../../../../shared/contracts/brokerage.ts'
import type { Page } from '../../../../../shared/contracts/common.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { multilingualQuery } from '../../../../platform/search/language.ts'
import { effectiveStatus } from '../domain/rules.ts'
import { isOrganiser, iso, loadEvent, myParticipant } from './access.ts'
import { toEvent } from './event-view.ts'
import { type ParticipantFacts, selectParticipants, toParticipants } from './participant-view.ts'
import { findRequest, type RequestRow, selectRequests, toRequests } from './request-view.ts'

/** Events the caller may see: published and closed ones, drafts for their organisers; soonest deadline first. */
export async function listEvents(ctx: CommandContext): Promise<{ items: BrokerageEvent[] }> {
  authorize(ctx.actor, 'brokerage.view')
  const now = ctx.clock.now()
  const rows = await ctx.db
    .selectFrom('brokerage_events')
    .selectAll()
    .orderBy('registration_deadline', 'desc')
    .orderBy('id')
    .execute()
  const seen = rows.filter((e) => e.status !== 'draft' || isOrganiser(ctx.actor, e))
  return { items: await Promise.all(seen.map((e) => toEvent(ctx.db, ctx.actor, e, now))) }
}

export async function getEvent(ctx: CommandContext, id: string): Promise<BrokerageEvent> {
  authorize(ctx.actor, 'brokerage.view')
  return toEvent(ctx.db, ctx.actor, await loadEvent(ctx.db, ctx.actor, id), ctx.clock.now())
}

/**
 * The participants' directory, searched in their own texts (profile, offer, request — never a name, so an
 * anonymous participant is not found by who they are), newest first, paged.
 */
export async function listParticipants(
  ctx: CommandContext,
  eventId: string,
  query: z.output<typeof participantQuery>,
): Promise<Page<Participant>> {
  authorize(ctx.actor, 'brokerage.view')
  const now = ctx.clock.now()
  const e = await loadEvent(ctx.db, ctx.actor, eventId)
  const me = await myParticipant(ctx.db, ctx.actor, eventId)
  const tsq = query.q ? multilingualQuery(query.q) : null
  let base = selectParticipants(ctx.db).where('bp.event_id', '=', eventId)
  if (tsq) base = base.where(sql<SqlBool>`bp.search_vector @@ ${tsq}`)
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  let ordered = base
  if (tsq) ordered = ordered.orderBy(sql`ts_rank(bp.search_vector, ${tsq})`, 'desc')
  const rows = await ordered
    .orderBy('bp.created_at', 'desc')
    .orderBy('bp.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: await toParticipants(ctx.db, ctx.actor, e, rows as ParticipantFacts[], me, now),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/**
 * The caller's requests in an event (`received` or `sent`), or all of them for organisers (`all`); the status
 * filter uses the effective status (a pending request past its expiry is `expired`).
 */
export async function listRequests(
  ctx: CommandContext,
  eventId: string,
  query: z.output<typeof requestListQuery>,
): Promise<Page<MeetingRequest>> {
  authorize(ctx.actor, 'brokerage.view')
  const now = ctx.clock.now()
  const e = await loadEvent(ctx.db, ctx.actor, eventId)
  let base = selectRequests(ctx.db).where('r.event_id', '=', eventId)
  if (query.box === 'all') {
    if (!isOrganiser(ctx.actor, e))
      throw new DomainError('forbidden', 'Only organisers see every request.', { reason: 'missing_role' })
  } else {
    const me = await myParticipant(ctx.db, ctx.actor, eventId)
    if (!me) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
    base = base.where(query.box === 'sent' ? 'r.from_participant_id' : 'r.to_participant_id', '=', me.id)
  }
  if (query.status === 'expired')
    base = base.where((eb) =>
      eb.or([eb('r.status', '=', 'expired'), eb.and([eb('r.status', '=', 'pending'), eb('r.expires_at', '<=', now)])]),
    )
  else if (query.status === 'pending') base = base.where('r.status', '=', 'pending').where('r.expires_at', '>', now)
  else if (query.status) base = base.where('r.status', '=', query.status)
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await base
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: await toRequests(ctx.db, ctx.actor, e, rows as RequestRow[], now),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/**
 * The slots an accepted request's meeting could take now: not started, both sides available and free, neither
 * at the maximum, and a table left (with how many).
 */
export async function freeSlots(
  ctx: CommandContext,
  requestId: string,
): Promise<{ items: (Slot & { tablesLeft: number })[] }> {
  authorize(ctx.actor, 'brokerage.view')
  const now = ctx.clock.now()
  const { row, event } = await findRequest(ctx.db, ctx.actor, requestId)
  const status = effectiveStatus(row.status, new Date(row.expires_at), now)
  if (status !== 'accepted' && status !== 'pending') return { items: [] }
  const pair = [row.from_participant_id, row.to_participant_id]
  const counts = await ctx.db
    .selectFrom('brokerage_meeting_seats')
    .select(['participant_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('participant_id', 'in', pair)
    .groupBy('participant_id')
    .execute()
  if (counts.some((c) => Number(c.n) >= event.max_meetings_per_participant)) return { items: [] }
  const rows = await ctx.db
    .selectFrom('brokerage_slots as s')
    .select([
      's.id',
      's.position',
      's.starts_at',
      's.ends_at',
      's.tables',
      (eb) =>
        eb
          .selectFrom('brokerage_meetings as m')
          .select((e2) => e2.fn.countAll<string>().as('n'))
          .whereRef('m.slot_id', '=', 's.id')
          .as('used'),
    ])
    .where('s.event_id', '=', event.id)
    .where('s.starts_at', '>', now)
    .where((eb) =>
      eb.and(
        pair.map((p) =>
          eb.exists(
            eb
              .selectFrom('brokerage_availability as a')
              .select('a.slot_id')
              .whereRef('a.slot_id', '=', 's.id')
              .where('a.participant_id', '=', p),
          ),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('brokerage_meeting_seats as seat')
            .select('seat.slot_id')
            .whereRef('seat.slot_id', '=', 's.id')
            .where('seat.participant_id', 'in', pair),
        ),
      ),
    )
    .orderBy('s.starts_at')
    .execute()
  return {
    items: rows
      .map((s) => ({
        id: s.id,
        position: s.position,
        startsAt: iso(s.starts_at),
        endsAt: iso(s.ends_at),
        tablesLeft: s.tables - Number(s.used ?? 0),
      }))
      .filter((s) => s.tablesLeft > 0),
  }
}
