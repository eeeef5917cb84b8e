import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { Invitation, invitationInput } from '../../../../shared/contracts/organisations.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { hashInvitationToken, invitationExpiry } from '../domain/invitations.ts'
import { readInvitation } from '../queries/list-invitations.ts'
import { lockOrganisation } from './guard.ts'
import { sendInvitationMail } from './invitation-mail.ts'

export type InvitationCreate = z.output<typeof invitationInput>

/** Invites a person by email; the mail with the link goes out in the same transaction. */
export async function inviteMember(
  ctx: CommandContext,
  organisationId: string,
  input: InvitationCreate,
): Promise<Invitation> {
  authorize(ctx.actor, 'organisation.members.manage', { type: 'organisation', id: organisationId })
  const email = input.email.trim().toLowerCase()
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.members.manage')
    const member = await tx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.organisation_id', '=', organisationId)
      .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email))
      .executeTakeFirst()
    if (member) throw new DomainError('already_member', 'This person is already a member.')
    const pending = await tx
      .selectFrom('invitations')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst()
    if (pending) throw new DomainError('invitation_pending', 'An invitation to this address is still pending.')

    const token = randomBytes(32).toString('base64url')
    const expiresAt = invitationExpiry(now)
    const row = await tx
      .insertInto('invitations')
      .values({
        organisation_id: organisationId,
        email,
        role: input.role,
        token_hash: hashInvitationToken(token),
        invited_by: ctx.actor.userId,
        expires_at: expiresAt,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const org = await tx
      .selectFrom('organisations')
      .select('legal_name')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
    await sendInvitationMail(tx, ctx, { to: email, token, organisation: org.legal_name, role: input.role })
    await recordAudit(tx, ctx, {
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: row.id,
      change: { organisationId, email, role: input.role, expiresAt: expiresAt.toISOString() },
    })
    return readInvitation(tx, row.id, now)
  })
}
