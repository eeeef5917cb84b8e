import type { TaxonomyTerm } from '../../../../shared/contracts/taxonomies.ts'
import type { Confidentiality, UseCaseStatus, UseCaseSummary } from '../../../../shared/contracts/use-cases.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { clusterIdsOfUseCase, visibleUseCases } from './visibility.ts'

export const iso = (d: Date | string) => new Date(d).toISOString()
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d))

/**
 * Visible use cases with their organisation's name, as rows for summaries; `cluster_ids` (the clusters
 * following each one) lets domain/parties.ts decide who is staff by the visibility rule.
 */
export function selectSummaries(db: Queryable, actor: Actor) {
  return visibleUseCases(db, actor)
    .innerJoin('organisations as o', 'o.id', 'uc.organisation_id')
    .select(clusterIdsOfUseCase.as('cluster_ids'))
    .select([
      'uc.id',
      'uc.programme_id',
      'uc.organisation_id',
      'o.legal_name as organisation_name',
      'uc.reference',
      'uc.title',
      'uc.status',
      'uc.confidentiality',
      'uc.domain_id',
      'uc.trl_min',
      'uc.trl_max',
      'uc.revision',
      'uc.created_at',
      'uc.updated_at',
      'uc.submitted_at',
      'uc.decided_at',
      'uc.workshop_id',
    ])
}
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['executeTakeFirstOrThrow']>>

/** The tags of these use cases, by use case, in taxonomy order. */
export async function tagsOf(db: Queryable, ids: string[]): Promise<Map<string, TaxonomyTerm[]>> {
  const out = new Map<string, TaxonomyTerm[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('use_case_tags as t')
    .innerJoin('taxonomy_terms as tt', 'tt.id', 't.term_id')
    .select(['t.use_case_id', 'tt.id', 'tt.taxonomy_id', 'tt.code', 'tt.name', 'tt.kind', 'tt.parent_code'])
    .where('t.use_case_id', 'in', ids)
    .orderBy('tt.taxonomy_id')
    .orderBy('tt.position')
    .execute()
  for (const r of rows) {
    out.get(r.use_case_id)!.push({
      id: r.id,
      taxonomyId: r.taxonomy_id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      parentCode: r.parent_code,
    })
  }
  return out
}

export function toSummary(r: SummaryRow, tags: TaxonomyTerm[]): UseCaseSummary {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status as UseCaseStatus,
    confidentiality: r.confidentiality as Confidentiality,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    domainId: r.domain_id,
    trlMin: r.trl_min,
    trlMax: r.trl_max,
    revision: r.revision,
    tags,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    submittedAt: isoOrNull(r.submitted_at),
    decidedAt: isoOrNull(r.decided_at),
  }
}

export const notFound = () => new DomainError('use_case_not_found', 'No such use case.')

/** One visible use case's row, or 404 whether it is missing or hidden from the caller. */
export async function findVisible(db: Queryable, actor: Actor, id: string): Promise<SummaryRow> {
  const row = await selectSummaries(db, actor).where('uc.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** Locks a visible use case's row for a command (404 when it is missing or hidden). */
export async function lockVisible(db: Queryable, actor: Actor, id: string) {
  const row = await visibleUseCases(db, actor)
    .selectAll('uc')
    .select(clusterIdsOfUseCase.as('cluster_ids'))
    .where('uc.id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}
