import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { findByToken, type InvitationView, toInvitationView } from '../queries/invitation-view.ts'
import { loadApplication } from '../queries/rows.ts'
import { requirePending } from './accept-invitation.ts'
import { bumpVersion, requireWritable } from './guard.ts'

/** Whoever holds the link declines the invitation; the lead sees it declined (it no longer counts). */
export async function declineInvitation(ctx: CommandContext, token: string): Promise<InvitationView> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const invitation = await findByToken(tx, token)
    const row = await loadApplication(tx, invitation.application_id, true)
    const partner = await tx
      .selectFrom('application_partners')
      .select(['id', 'status', 'token_expires_at'])
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow()
    requirePending(partner, now)
    requireWritable(row, now)
    await tx
      .updateTable('application_partners')
      .set({ status: 'declined', responded_at: now })
      .where('id', '=', partner.id)
      .execute()
    const version = await bumpVersion(tx, row, now)
    await recordAudit(tx, ctx, {
      action: 'application.invitation_declined',
      subjectType: 'application',
      subjectId: row.id,
      change: { partnerId: partner.id, version },
    })
  })
  return toInvitationView(await findByToken(ctx.db, token))
}
