import type { Application } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readApplication } from '../queries/application-view.ts'
import { bumpVersion, lockForWrite, partnerIn, requireLead, requireWritable } from './guard.ts'

/**
 * The lead removes a partner (or withdraws a pending invitation: its link stops working). The row is
 * kept as `removed` for the record; the lead's own row cannot be removed.
 */
export async function removePartner(ctx: CommandContext, id: string, partnerId: string): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, partners, access } = await lockForWrite(tx, ctx, id)
    requireLead(access)
    requireWritable(row, now)
    const partner = partnerIn(partners, partnerId)
    if (partner.role === 'lead') {
      throw new DomainError('application_transition_refused', 'The lead organisation cannot be removed.', {
        reason: 'lead',
      })
    }
    if (partner.status === 'removed') return
    await tx
      .updateTable('application_partners')
      .set({ status: 'removed', token_hash: null, confirmed_version: null, confirmed_at: null, confirmed_by: null })
      .where('id', '=', partnerId)
      .execute()
    const version = await bumpVersion(tx, row, now)
    await recordAudit(tx, ctx, {
      action: 'application.partner_removed',
      subjectType: 'application',
      subjectId: id,
      change: { partnerId, organisationId: partner.organisation_id, previousStatus: partner.status, version },
    })
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
