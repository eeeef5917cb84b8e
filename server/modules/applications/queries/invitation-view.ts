import type { z } from 'zod'
import type { invitationView } from '../../../../shared/contracts/applications.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { hashPartnerToken } from '../commands/invite-partner.ts'
import { isoOrNull } from './application-view.ts'

export type InvitationView = z.infer<typeof invitationView>

/** The partner row a token was sent for (404 `invitation_not_found` for an unknown token). */
export async function findByToken(db: Queryable, token: string) {
  const row = await db
    .selectFrom('application_partners as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .innerJoin('organisations as lo', 'lo.id', 'a.lead_organisation_id')
    .select([
      'p.id',
      'p.application_id',
      'p.status',
      'p.invited_email',
      'p.token_expires_at',
      'a.reference',
      'a.acronym',
      'a.title',
      'c.title as call_title',
      'lo.legal_name as lead_name',
    ])
    .where('p.token_hash', '=', hashPartnerToken(token))
    .executeTakeFirst()
  if (!row) throw new DomainError('invitation_not_found', 'No such invitation.')
  return row
}

export function toInvitationView(row: Awaited<ReturnType<typeof findByToken>>): InvitationView {
  return {
    applicationId: row.application_id,
    reference: row.reference,
    acronym: row.acronym,
    title: row.title,
    callTitle: row.call_title as LocalizedText,
    leadOrganisation: row.lead_name,
    invitedEmail: row.invited_email ?? '',
    status: row.status as InvitationView['status'],
    expiresAt: isoOrNull(row.token_expires_at),
  }
}

/**
 * What an invitation link shows a signed-in person: the application's reference, acronym and title,
 * the call and the lead organisation — whoever holds the link (the lead chose the address, and the
 * mail says as much). The application itself stays hidden until the invitation is accepted.
 */
export async function getInvitation(ctx: CommandContext, token: string): Promise<InvitationView> {
  authorize(ctx.actor, 'application.view')
  return toInvitationView(await findByToken(ctx.db, token))
}
