import type { Registration } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readRegistration } from '../queries/list-registrations.ts'
import { loadAsOrganiser } from './guard.ts'

/** Organisers mark whether an approved registrant attended, once the workshop has started. */
export async function markAttendance(
  ctx: CommandContext,
  id: string,
  registrationId: string,
  attended: boolean,
): Promise<Registration> {
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadAsOrganiser(tx, ctx.actor, id)
    if (ctx.clock.now().getTime() < new Date(w.starts_at).getTime()) {
      throw new DomainError('attendance_before_start', 'Attendance can be marked once the workshop has started.')
    }
    const reg = await tx
      .selectFrom('workshop_registrations')
      .select(['id', 'status'])
      .where('id', '=', registrationId)
      .where('workshop_id', '=', id)
      .executeTakeFirst()
    if (!reg) throw new DomainError('workshop_registration_not_found')
    if (reg.status !== 'approved') throw new DomainError('conflict', 'Only approved registrants can attend.')
    await tx.updateTable('workshop_registrations').set({ attended }).where('id', '=', registrationId).execute()
    await recordAudit(tx, ctx, {
      action: 'workshop.attendance_marked',
      subjectType: 'workshop_registration',
      subjectId: registrationId,
      change: { workshopId: id, attended },
    })
    return readRegistration(tx, registrationId)
  })
}
