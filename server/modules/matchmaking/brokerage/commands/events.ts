import type {
  BrokerageEvent,
  BrokerageEventInput,
  BrokerageEventPatch,
  BrokerageStatus,
} from '../../../../../shared/contracts/brokerage.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { type EventAction, nextEventStatus } from '../domain/rules.ts'
import { isOrganiser, loadAsOrganiser } from '../queries/access.ts'
import { toEvent } from '../queries/event-view.ts'

/** A cluster's staff (for their cluster) or an operator (any cluster, or none) drafts an event. */
export async function createEvent(ctx: CommandContext, input: BrokerageEventInput): Promise<BrokerageEvent> {
  authorize(ctx.actor, 'brokerage.manage')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    let programmeId: string
    if (input.clusterId) {
      const cluster = await tx
        .selectFrom('clusters')
        .select(['id', 'programme_id'])
        .where('id', '=', input.clusterId)
        .executeTakeFirst()
      if (!cluster) throw new DomainError('cluster_not_found')
      programmeId = cluster.programme_id
    } else {
      const grant = ctx.actor.programmeRoles.find((g) => g.effective && g.role === 'operator')
      programmeId =
        grant?.programmeId ??
        (await tx.selectFrom('programmes').select('id').orderBy('created_at').executeTakeFirstOrThrow()).id
    }
    if (!isOrganiser(ctx.actor, { programme_id: programmeId, cluster_id: input.clusterId }))
      throw new DomainError('forbidden', 'You may organise events only for your own cluster.', {
        reason: 'missing_role',
      })
    const row = await tx
      .insertInto('brokerage_events')
      .values({
        programme_id: programmeId,
        cluster_id: input.clusterId,
        title: input.title,
        description: input.description,
        mode: input.mode,
        venue: input.venue,
        online_url: input.onlineUrl,
        time_zone: input.timeZone,
        registration_deadline: new Date(input.registrationDeadline),
        scheduling_mode: input.schedulingMode,
        max_meetings_per_participant: input.maxMeetingsPerParticipant,
        request_expiry_hours: input.requestExpiryHours,
        reminder_hours: input.reminderHours,
        status: 'draft',
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'brokerage_event.created',
      subjectType: 'brokerage_event',
      subjectId: row.id,
      change: input,
    })
    return toEvent(tx, ctx.actor, row, now)
  })
}

/**
 * Organisers change the fields sent. The scheduling mode is fixed once people have requested meetings (a
 * self-booked meeting has no place in a central schedule, and the other way round).
 */
export async function updateEvent(
  ctx: CommandContext,
  id: string,
  patch: BrokerageEventPatch,
): Promise<BrokerageEvent> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, id)
    if (e.status === 'closed') throw new DomainError('brokerage_transition_refused', 'A closed event is final.')
    if (patch.schedulingMode && patch.schedulingMode !== e.scheduling_mode) {
      const any = await tx.selectFrom('brokerage_meetings').select('id').where('event_id', '=', id).executeTakeFirst()
      if (any) throw fieldError('schedulingMode', 'meetings_exist', 'Meetings exist: the scheduling mode is fixed.')
    }
    const row = await tx
      .updateTable('brokerage_events')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.mode !== undefined ? { mode: patch.mode } : {}),
        ...(patch.venue !== undefined ? { venue: patch.venue } : {}),
        ...(patch.onlineUrl !== undefined ? { online_url: patch.onlineUrl } : {}),
        ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
        ...(patch.registrationDeadline !== undefined
          ? { registration_deadline: new Date(patch.registrationDeadline) }
          : {}),
        ...(patch.schedulingMode !== undefined ? { scheduling_mode: patch.schedulingMode } : {}),
        ...(patch.maxMeetingsPerParticipant !== undefined
          ? { max_meetings_per_participant: patch.maxMeetingsPerParticipant }
          : {}),
        ...(patch.requestExpiryHours !== undefined ? { request_expiry_hours: patch.requestExpiryHours } : {}),
        ...(patch.reminderHours !== undefined ? { reminder_hours: patch.reminderHours } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'brokerage_event.updated',
      subjectType: 'brokerage_event',
      subjectId: id,
      change: patch,
    })
    return toEvent(tx, ctx.actor, row, now)
  })
}

/** Publish (needs a session) or close an event; a closed event takes no registration, request or booking. */
export async function changeEventStatus(ctx: CommandContext, id: string, action: EventAction): Promise<BrokerageEvent> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const e = await loadAsOrganiser(tx, ctx.actor, id)
    const next = nextEventStatus(e.status as BrokerageStatus, action)
    if (!next) throw new DomainError('brokerage_transition_refused', `An event that is ${e.status} cannot ${action}.`)
    if (action === 'publish') {
      const session = await tx
        .selectFrom('brokerage_sessions')
        .select('id')
        .where('event_id', '=', id)
        .executeTakeFirst()
      if (!session) throw new DomainError('brokerage_transition_refused', 'An event needs a session to be published.')
    }
    const row = await tx
      .updateTable('brokerage_events')
      .set({ status: next, updated_at: now, ...(action === 'publish' ? { published_at: now } : {}) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: `brokerage_event.${action === 'publish' ? 'published' : 'closed'}`,
      subjectType: 'brokerage_event',
      subjectId: id,
      change: { from: e.status, to: next },
    })
    return toEvent(tx, ctx.actor, row, now)
  })
}
