import type { TaxonomyTermList } from '../../../../shared/contracts/taxonomies.ts'
import type { Database } from '../../../platform/db/client.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import { DomainError } from '../../../platform/errors.ts'

/** Terms of one taxonomy for tag pickers: name or code containing `q`, in the taxonomy's order. */
export async function listTerms(
  db: Database,
  taxonomyId: string,
  query: { q?: string | undefined; limit: number },
): Promise<TaxonomyTermList> {
  const taxonomy = await db.selectFrom('taxonomies').selectAll().where('id', '=', taxonomyId).executeTakeFirst()
  if (!taxonomy) throw new DomainError('taxonomy_not_found', 'No such taxonomy.')
  let q = db.selectFrom('taxonomy_terms').selectAll().where('taxonomy_id', '=', taxonomyId)
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    q = q.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('code', 'ilike', pattern)]))
  }
  const rows = await q.orderBy('position').limit(query.limit).execute()
  return {
    taxonomy,
    items: rows.map((r) => ({
      id: r.id,
      taxonomyId: r.taxonomy_id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      parentCode: r.parent_code,
    })),
  }
}
