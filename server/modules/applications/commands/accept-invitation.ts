import type { z } from 'zod'
import type { Application, invitationAccept } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readApplication } from '../queries/application-view.ts'
import { findByToken } from '../queries/invitation-view.ts'
import { configOf, loadApplication, loadPartners } from '../queries/rows.ts'
import { bumpVersion, requireWritable } from './guard.ts'
import { otherLiveApplications } from './start-application.ts'

export type InvitationAccept = z.output<typeof invitationAccept>

/** An invitation can be answered once, while it is valid. */
export function requirePending(p: { status: string; token_expires_at: Date | string | null }, now: Date): void {
  if (p.status !== 'invited') {
    throw new DomainError('invitation_used', 'This invitation has already been answered or was withdrawn.')
  }
  if (p.token_expires_at !== null && new Date(p.token_expires_at).getTime() <= now.getTime()) {
    throw new DomainError('invitation_expired', 'This invitation has expired: ask the lead for a new one.')
  }
}

/**
 * Someone with the link accepts for one of their organisations (403 `not_a_member` otherwise): that
 * organisation becomes an accepted partner and its members see the application and fill its part.
 * Refused when the organisation is already in this consortium (`already_in_consortium`) or, when the
 * call allows one application per organisation, in another live application of the call
 * (`organisation_already_applied`). The token does not have to match the caller's address: the lead
 * chose whom to send it to.
 */
export async function acceptInvitation(
  ctx: CommandContext,
  token: string,
  input: InvitationAccept,
): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  const organisationId = input.organisationId
  if (!(ctx.actor.kind === 'system' || ctx.actor.memberships.has(organisationId))) {
    throw new DomainError('forbidden', 'Accept for an organisation you belong to.', { reason: 'not_a_member' })
  }
  const now = ctx.clock.now()
  const id = await inTransaction(ctx.db, async (tx) => {
    const invitation = await findByToken(tx, token)
    const row = await loadApplication(tx, invitation.application_id, true)
    const partners = await loadPartners(tx, row)
    const partner = partners.find((p) => p.id === invitation.id)!
    requirePending(partner, now)
    requireWritable(row, now)
    const inConsortium = partners.some(
      (p) => p.organisation_id === organisationId && (p.status === 'accepted' || p.status === 'invited'),
    )
    if (inConsortium) throw new DomainError('already_in_consortium', 'This organisation is already in the consortium.')
    const others = await otherLiveApplications(tx, row.call_id, organisationId)
    if (configOf(row).consortium.oneApplicationPerOrganisation && others.length > 0) {
      throw new DomainError(
        'organisation_already_applied',
        'This organisation is already in an application to this call, which allows one per organisation.',
        { applications: others },
      )
    }
    const user = ctx.actor.userId
      ? await tx.selectFrom('users').select(['name', 'email']).where('id', '=', ctx.actor.userId).executeTakeFirst()
      : undefined
    await tx
      .updateTable('application_partners')
      .set({
        organisation_id: organisationId,
        status: 'accepted',
        responded_at: now,
        part: JSON.stringify({
          contactName: user?.name ?? partner.invited_name ?? '',
          contactEmail: user?.email ?? partner.invited_email ?? '',
        }),
      })
      .where('id', '=', partner.id)
      .execute()
    const version = await bumpVersion(tx, row, now)
    await recordAudit(tx, ctx, {
      action: 'application.invitation_accepted',
      subjectType: 'application',
      subjectId: row.id,
      change: { partnerId: partner.id, organisationId, version },
    })
    return row.id
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
