import type { z } from 'zod'
import type { Organisation, organisationPatch } from '../../../../shared/contracts/organisations.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { detectLanguage } from '../../../platform/search/language.ts'
import { readOrganisation } from '../queries/organisation-view.ts'
import { refreshSearchVector } from './profile-support.ts'
import { asRegistrationConflict, assertRegistrationNumberFree } from './registration-number.ts'

export type OrganisationPatch = z.output<typeof organisationPatch>

/** Contract field → column. */
const columns = {
  legalName: 'legal_name',
  shortName: 'short_name',
  legalForm: 'legal_form',
  country: 'country',
  registrationNumber: 'registration_number',
  website: 'website',
  type: 'type',
  description: 'description',
} as const
type Field = keyof typeof columns

/** Changes the fields sent; the audit event keeps their values before and after. */
export async function updateOrganisation(
  ctx: CommandContext,
  organisationId: string,
  patch: OrganisationPatch,
): Promise<Organisation> {
  authorize(ctx.actor, 'organisation.update', { type: 'organisation', id: organisationId })
  return inTransaction(ctx.db, async (tx) => {
    const current = await tx
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', organisationId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const before: Partial<Record<Field, unknown>> = {}
    const after: Partial<Record<Field, unknown>> = {}
    const set: Record<string, unknown> = {}
    for (const field of Object.keys(columns) as Field[]) {
      const value = patch[field]
      if (value === undefined || value === current[columns[field]]) continue
      before[field] = current[columns[field]]
      after[field] = value
      set[columns[field]] = value
    }
    if (Object.keys(set).length === 0) return readOrganisation(tx, ctx.actor, organisationId)
    if ('country' in after || 'registrationNumber' in after) {
      const number = patch.registrationNumber === undefined ? current.registration_number : patch.registrationNumber
      await assertRegistrationNumberFree(tx, patch.country ?? current.country, number, organisationId)
    }
    await tx
      .updateTable('organisations')
      .set({ ...set, updated_at: ctx.clock.now() })
      .where('id', '=', organisationId)
      .execute()
      .catch((err: unknown) => {
        throw asRegistrationConflict(err)
      })
    if ('description' in after) {
      // A new description: its language is detected again unless it was declared on the applicant profile.
      if (!current.language_declared) {
        const language = detectLanguage(String(after.description)) ?? current.language
        await tx.updateTable('organisations').set({ language }).where('id', '=', organisationId).execute()
      }
      await refreshSearchVector(tx, organisationId)
    }
    await recordAudit(tx, ctx, {
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: { before, after },
    })
    return readOrganisation(tx, ctx.actor, organisationId)
  })
}
