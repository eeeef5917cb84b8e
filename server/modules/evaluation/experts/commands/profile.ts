import type { ExpertProfile, ExpertProfileInput } from '../../../../../shared/contracts/experts.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../../platform/errors.ts'
import { storeFile } from '../../../../platform/files/index.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { signedInUser } from '../access.ts'
import { readExpertProfile } from '../queries/profile.ts'

/**
 * A signed-in person creates or replaces their own expert profile (organisations are replaced as a
 * list). Tags must be taxonomy terms, named organisations must exist. Audited with what changed.
 */
export async function saveExpertProfile(ctx: CommandContext, input: ExpertProfileInput): Promise<ExpertProfile> {
  authorize(ctx.actor, 'expert.profile.manage')
  const userId = signedInUser(ctx.actor)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const tagIds = [...new Set(input.tagIds)]
    if (tagIds.length) {
      const found = await tx.selectFrom('taxonomy_terms').select('id').where('id', 'in', tagIds).execute()
      if (found.length !== tagIds.length) throw fieldError('tagIds', 'unknown_term', 'Unknown taxonomy term.')
    }
    const orgIds = [...new Set(input.organisations.flatMap((o) => (o.organisationId ? [o.organisationId] : [])))]
    if (orgIds.length) {
      const found = await tx.selectFrom('organisations').select('id').where('id', 'in', orgIds).execute()
      if (found.length !== orgIds.length)
        throw fieldError('organisations', 'organisation_not_found', 'Unknown organisation.')
    }
    input.organisations.forEach((o, i) => {
      if (o.fromYear !== null && o.toYear !== null && o.toYear < o.fromYear)
        throw fieldError(`organisations.${i}.toYear`, 'before_start', 'The end year is before the start year.')
    })
    const values = {
      expertise: input.expertise,
      tag_ids: tagIds,
      countries: [...new Set(input.countries)],
      languages: [...new Set(input.languages)],
      kind: input.kind,
      available: input.available,
      max_load: input.maxLoad,
      updated_at: now,
    }
    const existed = await tx
      .selectFrom('expert_profiles')
      .select('user_id')
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (existed) await tx.updateTable('expert_profiles').set(values).where('user_id', '=', userId).execute()
    else
      await tx
        .insertInto('expert_profiles')
        .values({ ...values, user_id: userId, created_at: now })
        .execute()
    await tx.deleteFrom('expert_organisations').where('user_id', '=', userId).execute()
    if (input.organisations.length)
      await tx
        .insertInto('expert_organisations')
        .values(
          input.organisations.map((o, i) => ({
            user_id: userId,
            organisation_id: o.organisationId,
            name: o.name,
            country: o.country,
            from_year: o.fromYear,
            to_year: o.toYear,
            position: i,
          })),
        )
        .execute()
    await recordAudit(tx, ctx, {
      action: existed ? 'expert.profile_updated' : 'expert.profile_created',
      subjectType: 'expert',
      subjectId: userId,
      change: { ...input, tagIds },
    })
  })
  return readExpertProfile(ctx.db, userId)
}

async function ownProfile(ctx: CommandContext): Promise<string> {
  authorize(ctx.actor, 'expert.profile.manage')
  const userId = signedInUser(ctx.actor)
  const p = await ctx.db
    .selectFrom('expert_profiles')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!p) throw new DomainError('expert_profile_not_found')
  return userId
}

/** Replaces the CV (PDF or office document ≤ 10 MB, type read from the bytes). */
export async function uploadExpertCv(
  ctx: CommandContext,
  input: { filename: string; data: string },
): Promise<ExpertProfile> {
  const userId = await ownProfile(ctx)
  await inTransaction(ctx.db, async (tx) => {
    const file = await storeFile(tx, {
      kind: 'expert_cv',
      field: 'data',
      filename: input.filename,
      data: Buffer.from(input.data, 'base64'),
      organisationId: null,
      createdBy: userId,
    })
    const old = await tx
      .selectFrom('expert_profiles')
      .select('cv_file_id')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
    await tx
      .updateTable('expert_profiles')
      .set({ cv_file_id: file.id, updated_at: ctx.clock.now() })
      .where('user_id', '=', userId)
      .execute()
    if (old.cv_file_id) await tx.deleteFrom('files').where('id', '=', old.cv_file_id).execute()
    await recordAudit(tx, ctx, {
      action: 'expert.cv_uploaded',
      subjectType: 'expert',
      subjectId: userId,
      change: { fileId: file.id, filename: file.filename, byteSize: file.byteSize, sha256: file.sha256 },
    })
  })
  return readExpertProfile(ctx.db, userId)
}

/** Signs the code of conduct and/or the confidentiality declaration; the first signature's time is kept. */
export async function signExpertDeclarations(
  ctx: CommandContext,
  input: { codeOfConduct?: true | undefined; confidentiality?: true | undefined },
): Promise<ExpertProfile> {
  const userId = await ownProfile(ctx)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const p = await tx
      .selectFrom('expert_profiles')
      .select(['code_of_conduct_at', 'confidentiality_at'])
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const set = {
      code_of_conduct_at: p.code_of_conduct_at ?? (input.codeOfConduct ? now : null),
      confidentiality_at: p.confidentiality_at ?? (input.confidentiality ? now : null),
    }
    await tx.updateTable('expert_profiles').set(set).where('user_id', '=', userId).execute()
    await recordAudit(tx, ctx, {
      action: 'expert.declarations_signed',
      subjectType: 'expert',
      subjectId: userId,
      change: { codeOfConduct: !!input.codeOfConduct, confidentiality: !!input.confidentiality },
    })
  })
  return readExpertProfile(ctx.db, userId)
}
