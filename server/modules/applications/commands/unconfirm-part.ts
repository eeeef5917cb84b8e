import type { Application } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readApplication } from '../queries/application-view.ts'
import { bumpVersion, lockForWrite, partnerIn, requireOwnPart, requireWritable } from './guard.ts'

/** A member of the partner organisation withdraws its confirmation (to change the part, or to stop the submission). */
export async function unconfirmPart(ctx: CommandContext, id: string, partnerId: string): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, partners, access } = await lockForWrite(tx, ctx, id)
    const partner = partnerIn(partners, partnerId)
    requireOwnPart(access, partner)
    requireWritable(row, now)
    if (partner.confirmed_version === null) return
    await tx
      .updateTable('application_partners')
      .set({ confirmed_version: null, confirmed_at: null, confirmed_by: null })
      .where('id', '=', partnerId)
      .execute()
    const version = await bumpVersion(tx, row, now)
    await recordAudit(tx, ctx, {
      action: 'application.part_unconfirmed',
      subjectType: 'application',
      subjectId: id,
      change: { partnerId, partVersion: partner.part_version, version },
    })
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
