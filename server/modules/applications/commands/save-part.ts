import type { z } from 'zod'
import type { partSave } from '../../../../shared/contracts/application-parts.ts'
import type { Application } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { sameJson } from '../domain/answers.ts'
import { changedPartFields, mergePart } from '../domain/part.ts'
import { isoOrNull, readApplication } from '../queries/application-view.ts'
import { configOf, type PartnerRow, partOf } from '../queries/rows.ts'
import { checkedAnswers } from './file-answers.ts'
import { bumpVersion, lockForWrite, partnerIn, requireOwnPart, requireWritable } from './guard.ts'

export type PartSave = z.output<typeof partSave>

/** The 409 of a stale part save or confirmation: nothing written, the current part in the body. */
export function partConflict(p: PartnerRow, basePartVersion: number): DomainError {
  return new DomainError(
    'application_part_conflict',
    `This part was saved again (version ${p.part_version}) after you loaded version ${basePartVersion}: nothing was saved.`,
    {
      partnerId: p.id,
      part: partOf(p),
      partVersion: p.part_version,
      partUpdatedAt: isoOrNull(p.part_updated_at),
      basePartVersion,
    },
  )
}

/**
 * A member of a partner organisation saves its part (contact, role, budget line, SME declaration,
 * declaration of honour, answers to partner-scope questions). Only the fields sent change, nested ones
 * and answers included (`mergePart`): a save of the budget alone keeps the declarations, and the other way.
 * Stale `basePartVersion` → 409 `application_part_conflict` with the current part. A change moves
 * `partVersion` on, which withdraws the confirmation (`confirmedVersion` keeps the old number).
 */
export async function savePart(
  ctx: CommandContext,
  id: string,
  partnerId: string,
  input: PartSave,
): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, partners, access } = await lockForWrite(tx, ctx, id)
    const partner = partnerIn(partners, partnerId)
    requireOwnPart(access, partner)
    requireWritable(row, now)
    if (input.basePartVersion !== partner.part_version) throw partConflict(partner, input.basePartVersion)
    const current = partOf(partner)
    const answers =
      input.part.answers === undefined
        ? undefined
        : await checkedAnswers(tx, {
            applicationId: id,
            partnerId,
            form: configOf(row).form,
            changes: input.part.answers,
            path: 'part.answers',
          })
    const next = mergePart(current, { ...input.part, answers })
    if (sameJson(next, current)) return
    const partVersion = partner.part_version + 1
    await tx
      .updateTable('application_partners')
      .set({
        part: JSON.stringify(next),
        part_version: partVersion,
        part_updated_by: ctx.actor.userId,
        part_updated_at: now,
      })
      .where('id', '=', partnerId)
      .execute()
    const version = await bumpVersion(tx, row, now)
    const changed = changedPartFields(current, next)
    await recordAudit(tx, ctx, {
      action: 'application.part_saved',
      subjectType: 'application',
      subjectId: id,
      change: { partnerId, partVersion, version, fields: changed, budget: next.budget },
    })
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
