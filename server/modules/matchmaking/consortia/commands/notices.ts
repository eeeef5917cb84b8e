import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { Tx } from '../../../../platform/db/client.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { asLocale, translate } from '../../../../platform/i18n/index.ts'
import type { ConsortiumRow } from '../queries/rows.ts'

/**
 * Who hears of consortium events on one organisation's side: its owners and admins, and the people
 * named (who invited, who answered) while they are still members.
 */
export async function sideOf(
  tx: Tx,
  organisationId: string,
  named: readonly (string | null)[] = [],
): Promise<string[]> {
  const ids = named.filter((x): x is string => !!x)
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('role', 'in', ['owner', 'admin']), ...(ids.length ? [eb('user_id', 'in', ids)] : [])]))
    .execute()
  return [...new Set(rows.map((r) => r.user_id))]
}

/** The call's title in a language, English when that one is missing. */
export const titleIn = (t: LocalizedText, locale: string) => t[locale] || t.en

/**
 * The e-mail invitation (its link carries the token; only the hash is stored), in the invitee's
 * language when the address has an account, else the inviter's; sent in the command's transaction
 * (delivery is a job after commit).
 */
export async function sendEmailInvitation(
  tx: Tx,
  ctx: CommandContext,
  row: ConsortiumRow,
  p: { to: string; token: string; role: string; message: string; expiresAt: Date },
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
  const url = `${ctx.publicUrl}/app/consortium-invitations/${p.token}`
  const vars = {
    name: inviter?.name ?? ctx.actor.label,
    organisation: row.lead_name,
    consortium: row.acronym || row.name,
    call: `${row.call_code} ${titleIn(row.call_title as LocalizedText, locale)}`,
    role: p.role || '—',
    expiresAt: p.expiresAt.toISOString().slice(0, 10),
    url,
  }
  const subject = translate(locale, 'consortia.mail.invitation.subject', vars)
  const body = translate(locale, 'consortia.mail.invitation.body', vars)
  const withLink = body.includes(url) ? body : `${body}\n\n${url}`
  const text = p.message ? `${withLink}\n\n— ${vars.name}:\n${p.message}\n` : `${withLink}\n`
  await ctx.mailer.send(tx, { to: p.to, template: 'consortium_invitation', subject, text })
}
