import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadWorkshop } from './guard.ts'
import { promoteFromWaitlist } from './waitlist.ts'

/** The signed-in person withdraws; the freed seat goes to the first person on the waiting list. */
export async function cancelRegistration(ctx: CommandContext, id: string): Promise<void> {
  authorize(ctx.actor, 'workshop.register')
  await inTransaction(ctx.db, async (tx) => {
    const w = await loadWorkshop(tx, ctx.actor, id, true)
    const reg = await tx
      .selectFrom('workshop_registrations')
      .select(['id', 'status'])
      .where('workshop_id', '=', id)
      .where('user_id', '=', ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000')
      .where('status', '!=', 'cancelled')
      .executeTakeFirst()
    if (!reg) throw new DomainError('workshop_registration_not_found')
    await tx.updateTable('workshop_registrations').set({ status: 'cancelled' }).where('id', '=', reg.id).execute()
    const promoted = await promoteFromWaitlist(tx, w)
    await recordAudit(tx, ctx, {
      action: 'workshop.registration_cancelled',
      subjectType: 'workshop_registration',
      subjectId: reg.id,
      change: { workshopId: id, from: reg.status, promoted },
    })
  })
}
