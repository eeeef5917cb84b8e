import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { Application, partnerInvite } from '../../../../shared/contracts/applications.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { sha256Hex } from '../../../platform/signing/index.ts'
import { readApplication } from '../queries/application-view.ts'
import { bumpVersion, lockForWrite, requireLead, requireWritable } from './guard.ts'
import { sendPartnerInvitation } from './invitation-mail.ts'

export type PartnerInvite = z.output<typeof partnerInvite>

/** Invitations to join a consortium are valid fourteen days. */
export const PARTNER_INVITATION_TTL_MS = 14 * 86_400_000

/** Only the SHA-256 of an invitation token is stored; the token travels in the mail only. */
export const hashPartnerToken = (token: string) => sha256Hex(token)

/**
 * The lead invites an organisation by e-mail: a partner row `invited` (no organisation yet) with a
 * hashed single-use token valid 14 days, and the mail with the link /app/application-invitations/:token.
 * A second invitation to an address with one still pending is refused (`invitation_pending`).
 */
export async function invitePartner(ctx: CommandContext, id: string, input: PartnerInvite): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  const email = input.email.trim().toLowerCase()
  await inTransaction(ctx.db, async (tx) => {
    const { row, partners, access } = await lockForWrite(tx, ctx, id)
    requireLead(access)
    requireWritable(row, now)
    const pending = partners.find(
      (p) =>
        p.status === 'invited' &&
        p.invited_email?.toLowerCase() === email &&
        (p.token_expires_at === null || new Date(p.token_expires_at) > now),
    )
    if (pending) throw new DomainError('invitation_pending', 'An invitation to this address is still pending.')
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + PARTNER_INVITATION_TTL_MS)
    const partner = await tx
      .insertInto('application_partners')
      .values({
        application_id: id,
        role: 'partner',
        status: 'invited',
        invited_email: email,
        invited_name: input.name || null,
        token_hash: hashPartnerToken(token),
        token_expires_at: expiresAt,
        invited_by: ctx.actor.userId,
        invited_at: now,
        position: Math.max(0, ...partners.map((p) => p.position)) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const lead = partners.find((p) => p.role === 'lead')
    await sendPartnerInvitation(tx, ctx, {
      to: email,
      token,
      leadOrganisation: lead?.legal_name ?? '',
      reference: row.reference,
      acronym: row.acronym,
      callTitle: row.call_title as LocalizedText,
      message: input.message,
      expiresAt,
    })
    const version = await bumpVersion(tx, row, now)
    await recordAudit(tx, ctx, {
      action: 'application.partner_invited',
      subjectType: 'application',
      subjectId: id,
      change: { partnerId: partner.id, email, name: input.name, expiresAt: expiresAt.toISOString(), version },
    })
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
