import type { z } from 'zod'
import type { ApplicantProfile, relationsInput } from '../../../../shared/contracts/profiles.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readApplicantProfile } from '../queries/applicant-profile.ts'
import { lockOrganisation } from './guard.ts'
import { recomputeSme } from './profile-support.ts'

export type RelationsValues = z.output<typeof relationsInput>

/**
 * Replaces the declared partner and linked enterprises with the list sent (in its order), then
 * recomputes the SME status in the same transaction. The audit event keeps both lists.
 */
export async function replaceRelations(
  ctx: CommandContext,
  organisationId: string,
  input: RelationsValues,
): Promise<ApplicantProfile> {
  return inTransaction(ctx.db, async (tx) => {
    const locked = await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.update')
    const before = await tx
      .selectFrom('organisation_relations')
      .select([
        'relation',
        'name',
        'country',
        'share_percent',
        'headcount',
        'annual_turnover_cents',
        'balance_sheet_cents',
      ])
      .where('organisation_id', '=', organisationId)
      .orderBy('position')
      .execute()
    await tx.deleteFrom('organisation_relations').where('organisation_id', '=', organisationId).execute()
    if (input.items.length > 0) {
      await tx
        .insertInto('organisation_relations')
        .values(
          input.items.map((r, position) => ({
            organisation_id: organisationId,
            relation: r.relation,
            name: r.name,
            country: r.country,
            share_percent: r.sharePercent,
            headcount: r.headcount,
            annual_turnover_cents: r.annualTurnoverCents,
            balance_sheet_cents: r.balanceSheetCents,
            position,
          })),
        )
        .execute()
    }
    const now = ctx.clock.now()
    await tx.updateTable('organisations').set({ updated_at: now }).where('id', '=', organisationId).execute()
    const sme = await recomputeSme(tx, organisationId, now)
    await recordAudit(tx, ctx, {
      action: 'organisation.relations_replaced',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: {
        before: before.map((r) => ({
          relation: r.relation,
          name: r.name,
          country: r.country,
          sharePercent: Number(r.share_percent),
          headcount: Number(r.headcount),
          annualTurnoverCents: Number(r.annual_turnover_cents),
          balanceSheetCents: Number(r.balance_sheet_cents),
        })),
        after: input.items,
        smeStatus: sme.status,
      },
    })
    return readApplicantProfile(tx, locked.actor, organisationId)
  })
}
