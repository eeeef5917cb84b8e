import type { z } from 'zod'
import type { Organisation, organisationInput } from '../../../../shared/contracts/organisations.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { detectLanguage } from '../../../platform/search/language.ts'
import { readOrganisation } from '../queries/organisation-view.ts'
import { recomputeSme, refreshSearchVector } from './profile-support.ts'
import { asRegistrationConflict, assertRegistrationNumberFree } from './registration-number.ts'

export type OrganisationCreate = z.output<typeof organisationInput>

/** Registers an organisation; the person who creates it becomes its owner. */
export async function createOrganisation(ctx: CommandContext, input: OrganisationCreate): Promise<Organisation> {
  authorize(ctx.actor, 'organisation.create')
  const userId = ctx.actor.userId!
  const now = ctx.clock.now()
  const values = {
    legalName: input.legalName,
    shortName: input.shortName ?? null,
    legalForm: input.legalForm ?? null,
    country: input.country,
    registrationNumber: input.registrationNumber ?? null,
    website: input.website ?? null,
    type: input.type,
    description: input.description,
  }
  return inTransaction(ctx.db, async (tx) => {
    await assertRegistrationNumberFree(tx, values.country, values.registrationNumber)
    const org = await tx
      .insertInto('organisations')
      .values({
        legal_name: values.legalName,
        short_name: values.shortName,
        legal_form: values.legalForm,
        country: values.country,
        registration_number: values.registrationNumber,
        website: values.website,
        type: values.type,
        description: values.description,
        language: detectLanguage(values.description) ?? 'en',
        created_by: userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        throw asRegistrationConflict(err)
      })
    await tx
      .insertInto('memberships')
      .values({ organisation_id: org.id, user_id: userId, role: 'owner', created_at: now })
      .execute()
    await refreshSearchVector(tx, org.id)
    await recomputeSme(tx, org.id, now)
    await recordAudit(tx, ctx, {
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: org.id,
      change: values,
    })
    return readOrganisation(tx, ctx.actor, org.id)
  })
}
