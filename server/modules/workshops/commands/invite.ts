import type { z } from 'zod'
import type { workshopInvite } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadAsOrganiser } from './guard.ts'
import { notifyWorkshop } from './mail.ts'

/**
 * Invites organisations (each of their members) and people by email to a published workshop, with the
 * calendar invitation attached (people with an account also see it in their notifications). An address
 * already invited is not invited twice. Answers the addresses invited now.
 */
export async function inviteToWorkshop(
  ctx: CommandContext,
  id: string,
  input: z.output<typeof workshopInvite>,
): Promise<{ invited: string[] }> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const w = await loadAsOrganiser(tx, ctx.actor, id)
    if (w.status !== 'published') throw new DomainError('workshop_not_open', 'Publish the workshop before inviting.')
    const wanted = new Map<string, string | null>()
    for (const e of input.emails) wanted.set(e.trim().toLowerCase(), null)
    for (const [i, orgId] of input.organisationIds.entries()) {
      const members = await tx
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('u.email')
        .where('m.organisation_id', '=', orgId)
        .execute()
      const org = await tx.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst()
      if (!org) throw fieldError(`organisationIds.${i}`, 'unknown_organisation', 'No such organisation.')
      for (const m of members) if (!wanted.has(m.email.toLowerCase())) wanted.set(m.email.toLowerCase(), orgId)
    }
    const already = await tx.selectFrom('workshop_invitations').select('email').where('workshop_id', '=', id).execute()
    for (const a of already) wanted.delete(a.email)
    const invited = [...wanted.keys()].sort()
    for (const email of invited) {
      await tx
        .insertInto('workshop_invitations')
        .values({
          workshop_id: id,
          email,
          organisation_id: wanted.get(email) ?? null,
          invited_by: ctx.actor.userId,
          created_at: now,
        })
        .execute()
    }
    await notifyWorkshop(tx, ctx, w, 'workshop_invitation', { emails: invited }, { actorId: ctx.actor.userId })
    await recordAudit(tx, ctx, {
      action: 'workshop.invited',
      subjectType: 'workshop',
      subjectId: id,
      change: { organisationIds: input.organisationIds, invited },
    })
    return { invited }
  })
}
