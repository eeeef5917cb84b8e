import type { Json } from '../../../db/types.generated.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'
import { weightedVector } from '../../../platform/search/language.ts'
import { assessSme, type SmeAssessment } from '../domain/sme.ts'

const num = (v: string | number | null) => (v === null ? null : Number(v))

/**
 * Recomputes the SME status from the figures and relations as they are now in `tx` and stores it with
 * its explanation. Every command that changes a figure, a relation or the public-body flag calls this in
 * its own transaction, so the stored status never disagrees with the stored figures.
 */
export async function recomputeSme(tx: Tx, organisationId: string, now: Date): Promise<SmeAssessment> {
  const org = await tx
    .selectFrom('organisations')
    .select(['headcount', 'annual_turnover_cents', 'balance_sheet_cents', 'public_body_control'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  const relations = await tx
    .selectFrom('organisation_relations')
    .select(['relation', 'share_percent', 'headcount', 'annual_turnover_cents', 'balance_sheet_cents'])
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .execute()
  const assessment = assessSme({
    headcount: num(org.headcount),
    annualTurnoverCents: num(org.annual_turnover_cents),
    balanceSheetCents: num(org.balance_sheet_cents),
    publicBodyControl: org.public_body_control,
    relations: relations.map((r) => ({
      relation: r.relation as 'partner' | 'linked',
      sharePercent: Number(r.share_percent),
      headcount: Number(r.headcount),
      annualTurnoverCents: Number(r.annual_turnover_cents),
      balanceSheetCents: Number(r.balance_sheet_cents),
    })),
  })
  await tx
    .updateTable('organisations')
    .set({
      sme_status: assessment.status,
      sme_explanation: JSON.stringify(assessment.explanation) as unknown as Json,
      sme_checked_at: now,
    })
    .where('id', '=', organisationId)
    .execute()
  return assessment
}

/**
 * Rebuilds the full-text vector of a profile in its description's language. Only what an anonymous
 * profile may show goes in (expertise tags, weight A; description, weight B): never a name, a website
 * or a region, so that no search can find an anonymous profile by its hidden identity.
 */
export async function refreshSearchVector(tx: Tx, organisationId: string): Promise<void> {
  const org = await tx
    .selectFrom('organisations')
    .select(['description', 'language'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  const tags = await tx
    .selectFrom('organisation_tags as ot')
    .innerJoin('taxonomy_terms as t', 't.id', 'ot.term_id')
    .select('t.name')
    .where('ot.organisation_id', '=', organisationId)
    .orderBy('t.name')
    .execute()
  await tx
    .updateTable('organisations')
    .set({ search_vector: weightedVector(org.language, { a: tags.map((t) => t.name).join(' '), b: org.description }) })
    .where('id', '=', organisationId)
    .execute()
}

/** Replaces the expertise tags; every id must be a known taxonomy term (400 on `tagIds` otherwise). */
export async function replaceOrganisationTags(tx: Tx, organisationId: string, termIds: string[]): Promise<string[]> {
  const unique = [...new Set(termIds)]
  if (unique.length > 0) {
    const found = await tx.selectFrom('taxonomy_terms').select('id').where('id', 'in', unique).execute()
    if (found.length !== unique.length) throw fieldError('tagIds', 'unknown_term', 'Unknown taxonomy term.')
  }
  await tx.deleteFrom('organisation_tags').where('organisation_id', '=', organisationId).execute()
  if (unique.length > 0) {
    await tx
      .insertInto('organisation_tags')
      .values(unique.map((term_id) => ({ organisation_id: organisationId, term_id })))
      .execute()
  }
  return unique
}
