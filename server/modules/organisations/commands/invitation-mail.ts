import type { Locale } from '../../../../shared/contracts/common.ts'
import type { Tx } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { asLocale, translate } from '../../../platform/i18n/index.ts'

/** A translation, or `fallback` while the key has none in any language. */
function translateOr(locale: Locale, key: string, vars: Record<string, string>, fallback: string): string {
  const text = translate(locale, key, vars)
  return text === key ? fallback : text
}

/**
 * Sends the invitation in the command's transaction, in the invitee's language when they have an
 * account, else the inviter's. The link carries the token; nothing else ever shows it.
 */
export async function sendInvitationMail(
  tx: Tx,
  ctx: CommandContext,
  p: { to: string; token: string; organisation: string; role: string },
): Promise<void> {
  const invitee = await tx
    .selectFrom('users')
    .select('locale')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', p.to.toLowerCase()))
    .executeTakeFirst()
  const inviter = ctx.actor.userId
    ? await tx.selectFrom('users').select(['name', 'locale']).where('id', '=', ctx.actor.userId).executeTakeFirst()
    : undefined
  const locale = asLocale(invitee?.locale ?? inviter?.locale)
  const url = `${ctx.publicUrl}/app/invitations/${p.token}`
  const vars = {
    organisation: p.organisation,
    role: translateOr(locale, `roles.organisation.${p.role}`, {}, p.role),
    url,
    name: inviter?.name ?? ctx.actor.label,
  }
  const subject = translateOr(locale, 'email.invitation.subject', vars, `Invitation to join ${p.organisation}`)
  const body = translateOr(
    locale,
    'email.invitation.body',
    vars,
    `${vars.name} invites you to join ${p.organisation} on Cascade as ${vars.role}.`,
  )
  // The link is what makes the mail work: it is added if a translation forgot {{url}}.
  const text = body.includes(url) ? body : `${body}\n\n${url}\n`
  await ctx.mailer.send(tx, { to: p.to, template: 'invitation', subject, text })
}
