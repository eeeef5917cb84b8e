import { randomBytes } from 'node:crypto'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { ExpertProfile } from '../../../../../shared/contracts/experts.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { asLocale, translate } from '../../../../platform/i18n/index.ts'
import { sha256Hex } from '../../../../platform/signing/index.ts'
import { loadCallForPool, signedInUser } from '../access.ts'
import { readExpertProfile } from '../queries/profile.ts'
import { createCandidacy } from './candidacy.ts'

/** Only the SHA-256 of an invitation's token is stored; the token travels in the mail only. */
export const hashExpertToken = (token: string) => sha256Hex(token)
const validDays = 21

/**
 * An operator of the call's programme invites an e-mail address to evaluate for the call. The mail
 * (in the invitee's language when the address has an account, else the operator's) carries a
 * single-use link valid 21 days.
 */
export async function inviteExpert(
  ctx: CommandContext,
  callId: string,
  input: { email: string; message: string },
): Promise<{ id: string; email: string; expiresAt: string }> {
  const now = ctx.clock.now()
  const email = input.email.trim().toLowerCase()
  return inTransaction(ctx.db, async (tx) => {
    const call = await loadCallForPool(tx, ctx.actor, callId, 'expert.pool.manage')
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + validDays * 86_400_000)
    const row = await tx
      .insertInto('expert_invitations')
      .values({
        call_id: callId,
        email,
        message: input.message,
        token_hash: hashExpertToken(token),
        expires_at: expiresAt,
        invited_by: ctx.actor.userId,
        invited_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const invitee = await tx
      .selectFrom('users')
      .select('locale')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .executeTakeFirst()
    const inviter = ctx.actor.userId
      ? await tx.selectFrom('users').select(['name', 'locale']).where('id', '=', ctx.actor.userId).executeTakeFirst()
      : undefined
    const locale = asLocale(invitee?.locale ?? inviter?.locale)
    const title = call.title as LocalizedText
    const url = `${ctx.publicUrl}/app/expert-invitations/${token}`
    const vars = {
      name: inviter?.name ?? ctx.actor.label,
      call: `${call.code} ${title[locale] || title.en}`,
      expiresAt: expiresAt.toISOString().slice(0, 10),
      url,
    }
    const body = translate(locale, 'experts.mail.invitation.body', vars)
    const text = input.message ? `${body}\n\n— ${vars.name}:\n${input.message}\n` : `${body}\n`
    await ctx.mailer.send(tx, {
      to: email,
      template: 'expert_invitation',
      subject: translate(locale, 'experts.mail.invitation.subject', vars),
      text,
    })
    await recordAudit(tx, ctx, {
      action: 'expert.invited',
      subjectType: 'expert_invitation',
      subjectId: row.id,
      change: { callId, email },
    })
    return { id: row.id, email, expiresAt: expiresAt.toISOString() }
  })
}

/**
 * The invitee, signed in with a profile, accepts: a pending candidacy for the call (source
 * `invitation`) that an operator then approves. Single use; expired links answer 410.
 */
export async function acceptExpertInvitation(ctx: CommandContext, token: string): Promise<ExpertProfile> {
  authorize(ctx.actor, 'expert.apply')
  const userId = signedInUser(ctx.actor)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const inv = await tx
      .selectFrom('expert_invitations')
      .selectAll()
      .where('token_hash', '=', hashExpertToken(token))
      .forUpdate()
      .executeTakeFirst()
    if (!inv) throw new DomainError('invitation_not_found')
    if (inv.accepted_at) throw new DomainError('invitation_used')
    if (new Date(inv.expires_at) <= now) throw new DomainError('invitation_expired')
    await createCandidacy(tx, ctx, { callId: inv.call_id, userId, source: 'invitation', motivation: '' })
    await tx
      .updateTable('expert_invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('id', '=', inv.id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'expert.invitation_accepted',
      subjectType: 'expert_invitation',
      subjectId: inv.id,
      change: { callId: inv.call_id, userId },
    })
  })
  return readExpertProfile(ctx.db, userId)
}
