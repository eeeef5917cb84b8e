import type { Organisation } from '../../../../shared/contracts/organisations.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { checkAcceptance, invitationStatus } from '../domain/invitations.ts'
import { findInvitationByToken } from '../queries/get-invitation-preview.ts'
import { readOrganisation } from '../queries/organisation-view.ts'
import { lockOrganisation } from './guard.ts'

const messages = {
  invitation_used: 'This invitation has already been used or was revoked.',
  invitation_expired: 'This invitation has expired: ask for a new one.',
  invitation_email_mismatch: 'This invitation was sent to another email address.',
  already_member: 'You are already a member of this organisation.',
} as const

/** The signed-in person joins the organisation with the invited role, once. */
export async function acceptInvitation(ctx: CommandContext, token: string): Promise<Organisation> {
  authorize(ctx.actor, 'invitation.accept')
  const userId = ctx.actor.userId!
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const inv = await findInvitationByToken(tx, token, true)
    const locked = await lockOrganisation(tx, ctx.actor, inv.organisation_id, 'invitation.accept')
    const user = await tx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()
    const verdict = checkAcceptance({
      status: invitationStatus(
        { acceptedAt: inv.accepted_at, revokedAt: inv.revoked_at, expiresAt: inv.expires_at },
        now,
      ),
      invitedEmail: inv.email,
      userEmail: user.email,
      alreadyMember: locked.members.has(userId),
    })
    if (!verdict.ok) throw new DomainError(verdict.error, messages[verdict.error])
    await tx
      .insertInto('memberships')
      .values({ organisation_id: inv.organisation_id, user_id: userId, role: inv.role, created_at: now })
      .execute()
    await tx
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('id', '=', inv.id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'invitation.accepted',
      subjectType: 'invitation',
      subjectId: inv.id,
      change: { organisationId: inv.organisation_id, email: inv.email, role: inv.role, userId },
    })
    return readOrganisation(tx, ctx.actor, inv.organisation_id)
  })
}
