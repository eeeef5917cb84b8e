import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { configOf } from '../queries/rows.ts'
import { bumpVersion, lockForWrite, requireLead, requireWritable } from './guard.ts'
import { otherLiveApplications } from './start-application.ts'

export interface AcceptedPartner {
  organisationId: string
  /** What the organisation does in the project (the part's `role`). */
  role: string
  /** The person who answered for the organisation: the part's contact. */
  contactUserId: string | null
  /** Where the partner comes from, for the record (e.g. `{ consortiumId }`). */
  origin: Record<string, string>
}

/**
 * Adds an organisation that has ALREADY agreed to join as an accepted partner, inside the caller's
 * transaction: used when a consortium whose members accepted with their role becomes an application
 * (matchmaking/consortia), so they are not asked a second time. The lead's members only, while the
 * application may be written; refused when the organisation is already in the consortium
 * (`already_in_consortium`) or, when the call allows one application per organisation, in another live
 * application of the call (`organisation_already_applied`). The part starts with the role and the
 * contact; the partner still fills and confirms it before the lead can submit.
 */
export async function addAcceptedPartner(
  tx: Tx,
  ctx: CommandContext,
  applicationId: string,
  partner: AcceptedPartner,
): Promise<string> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  const { row, partners, access } = await lockForWrite(tx, ctx, applicationId)
  requireLead(access)
  requireWritable(row, now)
  const inConsortium = partners.some(
    (p) => p.organisation_id === partner.organisationId && (p.status === 'accepted' || p.status === 'invited'),
  )
  if (inConsortium) throw new DomainError('already_in_consortium', 'This organisation is already in the consortium.')
  const others = await otherLiveApplications(tx, row.call_id, partner.organisationId)
  if (configOf(row).consortium.oneApplicationPerOrganisation && others.length > 0) {
    throw new DomainError(
      'organisation_already_applied',
      'This organisation is already in an application to this call, which allows one per organisation.',
      { applications: others },
    )
  }
  const contact = partner.contactUserId
    ? await tx.selectFrom('users').select(['name', 'email']).where('id', '=', partner.contactUserId).executeTakeFirst()
    : undefined
  const inserted = await tx
    .insertInto('application_partners')
    .values({
      application_id: applicationId,
      organisation_id: partner.organisationId,
      role: 'partner',
      status: 'accepted',
      invited_by: ctx.actor.userId,
      invited_at: now,
      responded_at: now,
      part: JSON.stringify({
        contactName: contact?.name ?? '',
        contactEmail: contact?.email ?? '',
        role: partner.role,
      }),
      position: Math.max(0, ...partners.map((p) => p.position)) + 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const version = await bumpVersion(tx, row, now)
  await recordAudit(tx, ctx, {
    action: 'application.partner_added',
    subjectType: 'application',
    subjectId: applicationId,
    change: { partnerId: inserted.id, organisationId: partner.organisationId, ...partner.origin, version },
  })
  return inserted.id
}
