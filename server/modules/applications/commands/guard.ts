import type { Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import type { Access } from '../domain/access.ts'
import { refusalMessage } from '../domain/gate.ts'
import { refusalOf, requireVisible } from '../queries/application-view.ts'
import { type ApplicationRow, loadApplication, loadPartners, type PartnerRow } from '../queries/rows.ts'

export interface Locked {
  row: ApplicationRow
  partners: PartnerRow[]
  access: Access
}

/**
 * Takes the application FOR UPDATE and reads its consortium: 404 when the caller cannot see it, then
 * (the order matters: outsiders learn nothing) 409 when the working copy may not be written now —
 * `deadline_passed` from the deadline on (the server's clock), `call_not_open`, or
 * `application_read_only` once withdrawn.
 */
export async function lockForWrite(tx: Tx, ctx: CommandContext, id: string): Promise<Locked> {
  const row = await loadApplication(tx, id, true)
  const partners = await loadPartners(tx, row)
  const access = requireVisible(ctx.actor, row, partners)
  return { row, partners, access }
}

/**
 * The same lock for the lead's own writes (shared answers, withdrawal): a member of the lead
 * organisation passes without reading the consortium; anyone else gets the 404 or 403 `lockForWrite`
 * would give.
 */
export async function lockAsLead(tx: Tx, ctx: CommandContext, id: string): Promise<ApplicationRow> {
  const row = await loadApplication(tx, id, true)
  if (ctx.actor.kind === 'system' || ctx.actor.memberships.has(row.lead_organisation_id)) return row
  requireLead(requireVisible(ctx.actor, row, await loadPartners(tx, row)))
  return row
}

/** Refuses the write when the call's phase or the application's status forbid it. */
export function requireWritable(row: ApplicationRow, now: Date): void {
  const refusal = refusalOf(row, now)
  if (refusal) throw new DomainError(refusal, refusalMessage[refusal])
}

/** Only members of the lead organisation (403 otherwise). */
export function requireLead(access: Access): void {
  if (!access.lead) {
    throw new DomainError('forbidden', 'Only members of the lead organisation can do this.', {
      reason: 'not_a_member',
    })
  }
}

/** The partner row `partnerId` of this application (404 `partner_not_found` otherwise). */
export function partnerIn(partners: readonly PartnerRow[], partnerId: string): PartnerRow {
  const p = partners.find((x) => x.id === partnerId)
  if (!p) throw new DomainError('partner_not_found')
  return p
}

/** Members of that (accepted) partner organisation only: its part is theirs. */
export function requireOwnPart(access: Access, partner: PartnerRow): void {
  if (!access.ownPartnerIds.includes(partner.id)) {
    throw new DomainError('forbidden', 'Only members of this partner organisation can change its part.', {
      reason: 'not_a_member',
    })
  }
}

/** Bumps the working copy's version: every change of what a submission would contain moves it. */
export async function bumpVersion(tx: Tx, row: ApplicationRow, now: Date): Promise<number> {
  const version = row.version + 1
  await tx.updateTable('applications').set({ version, updated_at: now }).where('id', '=', row.id).execute()
  return version
}
