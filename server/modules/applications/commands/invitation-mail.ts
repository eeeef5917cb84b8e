import type { Locale, LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Tx } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { asLocale, translate } from '../../../platform/i18n/index.ts'

/** A translation, or `fallback` while the key has none in any language. */
export function translateOr(locale: Locale, key: string, vars: Record<string, string>, fallback: string): string {
  const text = translate(locale, key, vars)
  return text === key ? fallback : text
}

export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.en
}

/**
 * Invites a partner by e-mail, in the command's transaction (delivery is a job after commit): in the
 * invitee's language when the address has an account, else the inviter's. The link carries the token;
 * only its hash is stored.
 */
export async function sendPartnerInvitation(
  tx: Tx,
  ctx: CommandContext,
  p: {
    to: string
    token: string
    leadOrganisation: string
    reference: string
    acronym: string
    callTitle: LocalizedText
    message: string
    expiresAt: Date
  },
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
  const url = `${ctx.publicUrl}/app/application-invitations/${p.token}`
  const vars = {
    name: inviter?.name ?? ctx.actor.label,
    organisation: p.leadOrganisation,
    reference: p.reference,
    acronym: p.acronym || p.reference,
    call: localized(p.callTitle, locale),
    message: p.message,
    expiresAt: p.expiresAt.toISOString().slice(0, 10),
    url,
  }
  const subject = translateOr(
    locale,
    'applications.mail.invitation.subject',
    vars,
    `${vars.organisation} invites you to join the application ${vars.acronym}`,
  )
  const body = translateOr(
    locale,
    'applications.mail.invitation.body',
    vars,
    `${vars.name} (${vars.organisation}) invites your organisation to join the consortium of the application ${vars.acronym} (${vars.reference}) to the call “${vars.call}” on Cascade.\n\nOpen the invitation to accept or decline it (the link is valid until ${vars.expiresAt}):\n${url}`,
  )
  // The link is what makes the mail work: it is added if a translation forgot {{url}}.
  const withLink = body.includes(url) ? body : `${body}\n\n${url}`
  const text = p.message ? `${withLink}\n\n— ${vars.name}:\n${p.message}\n` : `${withLink}\n`
  await ctx.mailer.send(tx, { to: p.to, template: 'application_invitation', subject, text })
}
