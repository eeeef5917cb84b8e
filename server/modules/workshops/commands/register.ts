import type { Registration } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { statusOnRegister } from '../domain/registration.ts'
import { readRegistration } from '../queries/list-registrations.ts'
import { loadWorkshop } from './guard.ts'
import { seatsTaken } from './waitlist.ts'

/**
 * The signed-in person registers for a published workshop that has not started: `pending` while a
 * seat is free, else `waitlisted`. The workshop row is locked so two people never take the last seat.
 * Someone who cancelled may register again (at the end of the queue).
 */
export async function registerForWorkshop(ctx: CommandContext, id: string): Promise<Registration> {
  authorize(ctx.actor, 'workshop.register')
  const userId = ctx.actor.userId
  if (!userId) throw new DomainError('forbidden', 'Only a person can register.', { reason: 'missing_role' })
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadWorkshop(tx, ctx.actor, id, true)
    if (w.status !== 'published' || new Date(w.starts_at).getTime() <= now.getTime()) {
      throw new DomainError('workshop_not_open', 'Registration is closed for this workshop.')
    }
    const existing = await tx
      .selectFrom('workshop_registrations')
      .select(['id', 'status'])
      .where('workshop_id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (existing && existing.status !== 'cancelled') {
      throw new DomainError('already_registered', 'You are already registered.', {
        registrationStatus: existing.status,
      })
    }
    const status = statusOnRegister(await seatsTaken(tx, id), w.capacity)
    if (existing) await tx.deleteFrom('workshop_registrations').where('id', '=', existing.id).execute()
    const row = await tx
      .insertInto('workshop_registrations')
      .values({ workshop_id: id, user_id: userId, status, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'workshop.registered',
      subjectType: 'workshop_registration',
      subjectId: row.id,
      change: { workshopId: id, status },
    })
    return readRegistration(tx, row.id)
  })
}
