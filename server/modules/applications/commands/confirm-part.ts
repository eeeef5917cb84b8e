import type { z } from 'zod'
import type { Application, partConfirm } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readApplication } from '../queries/application-view.ts'
import { bumpVersion, lockForWrite, partnerIn, requireOwnPart, requireWritable } from './guard.ts'
import { partConflict } from './save-part.ts'

export type PartConfirm = z.output<typeof partConfirm>

/**
 * A member of the partner organisation confirms the version of the part it has read: a newer part
 * (someone saved since) answers 409 `application_part_conflict` with the current part. The
 * confirmation holds while `confirmedVersion === partVersion`.
 */
export async function confirmPart(
  ctx: CommandContext,
  id: string,
  partnerId: string,
  input: PartConfirm,
): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, partners, access } = await lockForWrite(tx, ctx, id)
    const partner = partnerIn(partners, partnerId)
    requireOwnPart(access, partner)
    requireWritable(row, now)
    if (input.partVersion !== partner.part_version) throw partConflict(partner, input.partVersion)
    if (partner.confirmed_version === partner.part_version) return
    await tx
      .updateTable('application_partners')
      .set({ confirmed_version: partner.part_version, confirmed_at: now, confirmed_by: ctx.actor.userId })
      .where('id', '=', partnerId)
      .execute()
    const version = await bumpVersion(tx, row, now)
    await recordAudit(tx, ctx, {
      action: 'application.part_confirmed',
      subjectType: 'application',
      subjectId: id,
      change: { partnerId, partVersion: partner.part_version, version },
    })
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
