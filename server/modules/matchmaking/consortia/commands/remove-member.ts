import type { Consortium } from '../../../../../shared/contracts/consortia.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { findConsortium, requireForming, requireLead } from '../queries/rows.ts'
import { readConsortium } from '../queries/view.ts'

/**
 * The lead removes a member or withdraws a pending invitation (its link stops working). The row stays
 * as `removed` for the record; an organisation removed can be invited again.
 */
export async function removeMember(ctx: CommandContext, consortiumId: string, memberId: string): Promise<Consortium> {
  authorize(ctx.actor, 'consortium.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, members, access } = await findConsortium(tx, ctx.actor, consortiumId, true)
    requireLead(access)
    requireForming(row)
    const member = members.find((m) => m.id === memberId)
    if (!member) throw new DomainError('consortium_member_not_found')
    if (member.status !== 'invited' && member.status !== 'accepted')
      throw new DomainError('consortium_not_forming', 'This member has already left the consortium.', {
        status: member.status,
      })
    await tx
      .updateTable('consortium_members')
      .set({ status: 'removed', decided_at: now, decided_by: ctx.actor.userId })
      .where('id', '=', memberId)
      .execute()
    await tx.updateTable('consortia').set({ updated_at: now }).where('id', '=', consortiumId).execute()
    await recordAudit(tx, ctx, {
      action: 'consortium.member_removed',
      subjectType: 'consortium',
      subjectId: consortiumId,
      change: { memberId, from: member.status, organisationId: member.organisation_id, email: member.invited_email },
    })
  })
  return readConsortium(ctx.db, ctx.actor, now, consortiumId)
}

/** The lead gives the consortium up while it is forming: pending invitations stop working. */
export async function dissolveConsortium(ctx: CommandContext, consortiumId: string): Promise<Consortium> {
  authorize(ctx.actor, 'consortium.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, access } = await findConsortium(tx, ctx.actor, consortiumId, true)
    requireLead(access)
    requireForming(row)
    await tx
      .updateTable('consortia')
      .set({ status: 'dissolved', updated_at: now })
      .where('id', '=', consortiumId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'consortium.dissolved',
      subjectType: 'consortium',
      subjectId: consortiumId,
      change: { from: 'forming', to: 'dissolved' },
    })
  })
  return readConsortium(ctx.db, ctx.actor, now, consortiumId)
}
