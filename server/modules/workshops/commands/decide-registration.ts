import type { Registration } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { mayDecide, type RegistrationStatus } from '../domain/registration.ts'
import { readRegistration } from '../queries/list-registrations.ts'
import { loadAsOrganiser } from './guard.ts'
import { sendWorkshopMail } from './mail.ts'
import { promoteFromWaitlist } from './waitlist.ts'

/** Organisers approve (mail with the calendar link) or reject (the seat goes to the waiting list). */
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
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.status', 'u.email'])
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
    if (decision === 'approved') await sendWorkshopMail(tx, ctx, w, 'registrationApproved', [reg.email])
    await recordAudit(tx, ctx, {
      action: `workshop.registration_${decision}`,
      subjectType: 'workshop_registration',
      subjectId: registrationId,
      change: { workshopId: id, from: reg.status, to: decision, promoted },
    })
    return readRegistration(tx, registrationId)
  })
}
