import type { z } from 'zod'
import type { ApplicantProfile, applicantProfileInput } from '../../../../shared/contracts/profiles.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { FieldError } from '../../../platform/errors.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { detectLanguage } from '../../../platform/search/language.ts'
import { readApplicantProfile } from '../queries/applicant-profile.ts'
import { lockOrganisation } from './guard.ts'
import { recomputeSme, refreshSearchVector, replaceOrganisationTags } from './profile-support.ts'

export type ApplicantProfileValues = z.output<typeof applicantProfileInput>

/** Checks that need the clock: years not in the future, figures not from before the founding. */
export function checkYears(v: Pick<ApplicantProfileValues, 'foundedYear' | 'financialYear'>, now: Date): FieldError[] {
  const thisYear = now.getUTCFullYear()
  const errors: FieldError[] = []
  if (v.foundedYear !== null && v.foundedYear > thisYear) {
    errors.push({ path: 'foundedYear', code: 'future_year', message: 'The year is in the future.' })
  }
  if (v.financialYear !== null && v.financialYear > thisYear) {
    errors.push({ path: 'financialYear', code: 'future_year', message: 'The year is in the future.' })
  } else if (v.financialYear !== null && v.foundedYear !== null && v.financialYear < v.foundedYear) {
    errors.push({
      path: 'financialYear',
      code: 'before_founding',
      message: 'The figures cannot be from before the founding.',
    })
  }
  return errors
}

/** The language of a description: the declared one, else detected, else the one it had. */
export function descriptionLanguage(
  declared: ApplicantProfileValues['descriptionLanguage'],
  description: string,
  current: string,
): { language: string; declared: boolean } {
  if (declared !== 'auto') return { language: declared, declared: true }
  return { language: detectLanguage(description) ?? current, declared: false }
}

/**
 * Replaces the applicant profile (figures, years, region, public-body flag, visibility, description
 * and its language, expertise tags). In one transaction: the SME status is recomputed and the search
 * vector rebuilt; the audit event keeps what changed.
 */
export async function updateApplicantProfile(
  ctx: CommandContext,
  organisationId: string,
  v: ApplicantProfileValues,
): Promise<ApplicantProfile> {
  const errors = checkYears(v, ctx.clock.now())
  if (errors.length > 0) throw new DomainError('validation_failed', errors[0]!.message, {}, errors)
  return inTransaction(ctx.db, async (tx) => {
    const locked = await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.update')
    const current = await tx
      .selectFrom('organisations')
      .select([
        'headcount',
        'annual_turnover_cents',
        'balance_sheet_cents',
        'financial_year',
        'founded_year',
        'region',
        'public_body_control',
        'visibility',
        'description',
        'language',
        'language_declared',
      ])
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
    const lang = descriptionLanguage(v.descriptionLanguage, v.description, current.language)
    const next = {
      headcount: v.headcount === null ? null : String(v.headcount),
      annual_turnover_cents: v.annualTurnoverCents === null ? null : String(v.annualTurnoverCents),
      balance_sheet_cents: v.balanceSheetCents === null ? null : String(v.balanceSheetCents),
      financial_year: v.financialYear,
      founded_year: v.foundedYear,
      region: v.region,
      public_body_control: v.publicBodyControl,
      visibility: v.visibility,
      description: v.description,
      language: lang.language,
      language_declared: lang.declared,
    }
    const same = (a: unknown, b: unknown) => (a === null || b === null ? a === b : String(a) === String(b))
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const [k, value] of Object.entries(next)) {
      const old = current[k as keyof typeof current]
      if (
        k === 'headcount'
          ? !same(old === null ? null : Number(old), value === null ? null : Number(value))
          : !same(old, value)
      ) {
        before[k] = old
        after[k] = value
      }
    }
    const oldTags = (
      await tx.selectFrom('organisation_tags').select('term_id').where('organisation_id', '=', organisationId).execute()
    )
      .map((r) => r.term_id)
      .sort()
    const tags = (await replaceOrganisationTags(tx, organisationId, v.tagIds)).sort()
    if (JSON.stringify(oldTags) !== JSON.stringify(tags)) {
      before.tags = oldTags
      after.tags = tags
    }
    const now = ctx.clock.now()
    await tx
      .updateTable('organisations')
      .set({ ...next, updated_at: now })
      .where('id', '=', organisationId)
      .execute()
    const sme = await recomputeSme(tx, organisationId, now)
    await refreshSearchVector(tx, organisationId)
    await recordAudit(tx, ctx, {
      action: 'organisation.profile_updated',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: { before, after, smeStatus: sme.status },
    })
    return readApplicantProfile(tx, locked.actor, organisationId)
  })
}
