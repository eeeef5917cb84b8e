import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { canRevoke, invitationStatus } from '../domain/invitations.ts'

/** Revokes a pending (or expired) invitation: its link stops working. */
export async function revokeInvitation(ctx: CommandContext, organisationId: string, invitationId: string) {
  authorize(ctx.actor, 'organisation.members.manage', { type: 'organisation', id: organisationId })
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const inv = await tx
      .selectFrom('invitations')
      .select(['id', 'email', 'role', 'accepted_at', 'revoked_at', 'expires_at'])
      .where('id', '=', invitationId)
      .where('organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirst()
    if (!inv) throw new DomainError('invitation_not_found')
    const status = invitationStatus(
      { acceptedAt: inv.accepted_at, revokedAt: inv.revoked_at, expiresAt: inv.expires_at },
      now,
    )
    if (!canRevoke(status)) throw new DomainError('invitation_used', `This invitation is already ${status}.`)
    await tx.updateTable('invitations').set({ revoked_at: now }).where('id', '=', inv.id).execute()
    await recordAudit(tx, ctx, {
      action: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: inv.id,
      change: { organisationId, email: inv.email, role: inv.role },
    })
  })
}
