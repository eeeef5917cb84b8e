import type { z } from 'zod'
import type { Workshop, workshopUpdate } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { toWorkshop } from '../queries/workshop-view.ts'
import { iso, loadAsOrganiser } from './guard.ts'
import { notifyWorkshop, registrantIds } from './mail.ts'
import { scheduleReminder } from './reminder.ts'
import { checkShape } from './shape.ts'
import { announceVoteIfReady, scheduleVoteNotices } from './vote-notices.ts'
import { promoteFromWaitlist } from './waitlist.ts'

export type WorkshopUpdate = z.output<typeof workshopUpdate>

/**
 * Edits a workshop. A change of time or place bumps `sequence` (calendar clients replace the event),
 * notifies the registrants of a published workshop (with the updated invitation attached) and schedules
 * the reminder for the new time; a new closing time of the vote reschedules its notices (and may open
 * it, announced once); a larger capacity promotes people from the waiting list.
 */
export async function updateWorkshop(ctx: CommandContext, id: string, input: WorkshopUpdate): Promise<Workshop> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const before = await loadAsOrganiser(tx, ctx.actor, id)
    if (before.status === 'cancelled')
      throw new DomainError('workshop_transition_refused', 'The workshop is cancelled.')
    const merged = {
      format: input.format ?? before.format,
      startsAt: input.startsAt ?? iso(before.starts_at),
      endsAt: input.endsAt ?? iso(before.ends_at),
      timeZone: input.timeZone ?? before.time_zone,
      meetingUrl: input.meetingUrl !== undefined ? input.meetingUrl : before.meeting_url,
      location: input.location !== undefined ? input.location : before.location,
      domainIds: input.domainIds ?? before.domain_ids,
    }
    await checkShape(tx, before.programme_id, merged)
    const moved =
      merged.format !== before.format ||
      iso(merged.startsAt) !== iso(before.starts_at) ||
      iso(merged.endsAt) !== iso(before.ends_at) ||
      merged.timeZone !== before.time_zone ||
      merged.meetingUrl !== before.meeting_url ||
      merged.location !== before.location
    let after = await tx
      .updateTable('workshops')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.pointsBudget !== undefined ? { points_budget: input.pointsBudget } : {}),
        ...(input.voteClosesAt !== undefined ? { vote_closes_at: input.voteClosesAt } : {}),
        format: merged.format,
        starts_at: merged.startsAt,
        ends_at: merged.endsAt,
        time_zone: merged.timeZone,
        meeting_url: merged.meetingUrl,
        location: merged.location,
        domain_ids: merged.domainIds,
        sequence: moved ? before.sequence + 1 : before.sequence,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (moved && after.status === 'published') {
      const approved = new Set(await registrantIds(tx, id, ['approved']))
      const to = await registrantIds(tx, id, ['pending', 'approved', 'waitlisted'])
      await notifyWorkshop(
        tx,
        ctx,
        after,
        'workshop_changed',
        { userIds: to },
        { actorId: ctx.actor.userId, withMeetingLink: (r) => r.userId !== null && approved.has(r.userId) },
      )
      await scheduleReminder(tx, after)
    }
    const closingMoved =
      (before.vote_closes_at ? iso(before.vote_closes_at) : null) !==
      (after.vote_closes_at ? iso(after.vote_closes_at) : null)
    if (closingMoved && after.status === 'published') {
      await scheduleVoteNotices(tx, after, now)
      after = await announceVoteIfReady(tx, ctx, after, ctx.actor.userId)
    }
    if (after.capacity > before.capacity) await promoteFromWaitlist(tx, after)
    await recordAudit(tx, ctx, {
      action: 'workshop.updated',
      subjectType: 'workshop',
      subjectId: id,
      change: { ...input, sequence: after.sequence },
    })
    return toWorkshop(tx, ctx.actor, after, ctx.publicUrl, now)
  })
}
