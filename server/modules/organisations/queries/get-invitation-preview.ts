import type { InvitationPreview } from '../../../../shared/contracts/organisations.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { hashInvitationToken, invitationStatus } from '../domain/invitations.ts'
import { iso } from './organisation-view.ts'

/** The invitation a token names, with its organisation; `forUpdate` locks it inside a command. */
export async function findInvitationByToken(db: Queryable, token: string, forUpdate = false) {
  let q = db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.organisation_id',
      'i.email',
      'i.role',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'o.legal_name',
      'o.country',
    ])
    .where('i.token_hash', '=', hashInvitationToken(token))
  if (forUpdate) q = q.forUpdate('i')
  const row = await q.executeTakeFirst()
  if (!row) throw new DomainError('invitation_not_found', 'This invitation link is not valid.')
  return row
}

/**
 * What the holder of an invitation link sees before accepting (public: the token is the secret).
 * The organisation's name is shown whatever its visibility: the organisation itself chose this person
 * (the invitation e-mail names it too), and nobody else holds the token. A wrong token is a 404 that
 * names nothing.
 */
export async function getInvitationPreview(ctx: CommandContext, token: string): Promise<InvitationPreview> {
  const row = await findInvitationByToken(ctx.db, token)
  return {
    organisation: { id: row.organisation_id, legalName: row.legal_name, country: row.country },
    email: row.email,
    role: row.role as InvitationPreview['role'],
    status: invitationStatus(
      { acceptedAt: row.accepted_at, revokedAt: row.revoked_at, expiresAt: row.expires_at },
      ctx.clock.now(),
    ),
    expiresAt: iso(row.expires_at),
  }
}
