import type { Registration } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { voteOpen } from '../domain/ballot.ts'
import { mayDecide, type RegistrationStatus } from '../domain/registration.ts'
import { readRegistration } from '../queries/list-registrations.ts'
import { loadAsOrganiser } from './guard.ts'
import { notifyWorkshop } from './mail.ts'
import { promoteFromWaitlist } from './waitlist.ts'

/** Organisers approve (notified, with the calendar invitation) or reject (the seat goes to the waiting list). */
export async function decideRegistration(
  ctx: CommandContext,
  id: string,
  registrationId: string,
  decision: 'approved' | 'rejected',
): Promise<Registration> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadAsOrganiser(tx, ctx.actor, id)
    const reg = await tx
      .selectFrom('workshop_registrations as r')
      .select(['r.id', 'r.status', 'r.user_id'])
      .where('r.id', '=', registrationId)
      .where('r.workshop_id', '=', id)
      .executeTakeFirst()
    if (!reg) throw new DomainError('workshop_registration_not_found')
    if (!mayDecide(reg.status as RegistrationStatus, decision)) {
      throw new DomainError('conflict', `A ${reg.status} registration cannot be ${decision}.`, { from: reg.status })
    }
    await tx
      .updateTable('workshop_registrations')
      .set({ status: decision, decided_at: now, decided_by: ctx.actor.userId })
      .where('id', '=', registrationId)
      .execute()
    const promoted = decision === 'rejected' ? await promoteFromWaitlist(tx, w) : []
    if (decision === 'approved') {
      await notifyWorkshop(
        tx,
        ctx,
        w,
        'workshop_registration_approved',
        { userIds: [reg.user_id] },
        { actorId: ctx.actor.userId, withMeetingLink: () => true },
      )
      // The vote was announced before this person was in: they hear of it now.
      if (w.vote_announced_at && voteOpen(w.vote_closes_at ? new Date(w.vote_closes_at) : null, now)) {
        await notifyWorkshop(
          tx,
          ctx,
          w,
          'workshop_vote_open',
          { userIds: [reg.user_id] },
          { actorId: ctx.actor.userId },
        )
      }
    }
    await recordAudit(tx, ctx, {
      action: `workshop.registration_${decision}`,
      subjectType: 'workshop_registration',
      subjectId: registrationId,
      change: { workshopId: id, from: reg.status, to: decision, promoted },
    })
    return readRegistration(tx, registrationId)
  })
}
