import { sql } from 'kysely'
import { nextSolutionReference, refreshSearchVector } from '../../server/modules/solutions/index.ts'
import type { Database } from '../../server/platform/db/client.ts'
import type { SolutionType } from '../../shared/contracts/solutions.ts'

/**
 * Catalogue fixtures written straight to the database: organisations with an applicant profile's
 * visibility, size class and identity, and published solutions with their text in a language, links
 * and TRL. The search vector is built by the solutions module's own refreshSearchVector (the same
 * weightedVector as every write), and the catalogue's copies (owner facts, link arrays, counts) by the
 * triggers of migration 0014.
 */
let counter = 0

export interface CatalogueOrgTraits {
  legalName: string
  shortName?: string
  country?: string
  visibility?: 'public' | 'members' | 'anonymous'
  smeStatus?: 'micro' | 'small' | 'medium' | 'not_sme' | null
  website?: string
  registrationNumber?: string
  type?: string
}

export async function catalogueOrg(
  db: Database,
  traits: CatalogueOrgTraits,
): Promise<{ id: string; legalName: string; publicRef: string }> {
  counter++
  const row = await db
    .insertInto('organisations')
    .values({
      legal_name: traits.legalName,
      short_name: traits.shortName ?? null,
      country: traits.country ?? 'BE',
      type: traits.type ?? 'sme',
      visibility: traits.visibility ?? 'public',
      sme_status: traits.smeStatus === undefined ? 'small' : traits.smeStatus,
      website: traits.website ?? null,
      registration_number: traits.registrationNumber ?? `T-${counter}-${Date.now()}`,
    })
    .returning(['id', 'public_ref'])
    .executeTakeFirstOrThrow()
  return { id: row.id, legalName: traits.legalName, publicRef: row.public_ref }
}

export interface CatalogueSolutionTraits {
  organisationId: string
  name: string
  pitch?: string
  description?: string
  problem?: string
  language?: string
  type?: SolutionType
  status?: 'draft' | 'published' | 'archived'
  visibility?: 'public' | 'members' | 'anonymous'
  trl?: number | null
  targetTrl?: number | null
  /** Domain codes (D1…). */
  domains?: string[]
  /** Challenge codes (D1-C1…). */
  challenges?: string[]
  /** Taxonomy term ids. */
  tags?: string[]
  createdAt?: Date
}

export async function catalogueSolution(
  db: Database,
  t: CatalogueSolutionTraits,
): Promise<{ id: string; reference: string; name: string }> {
  const reference = await nextSolutionReference(db)
  const created = t.createdAt ?? new Date(Date.UTC(2026, 0, 1) + counter++ * 60_000)
  const row = await db
    .insertInto('solutions')
    .values({
      organisation_id: t.organisationId,
      reference,
      status: t.status ?? 'published',
      visibility: t.visibility ?? 'public',
      type: t.type ?? 'software',
      name: t.name,
      pitch: t.pitch ?? `${t.name}, in one line`,
      content: JSON.stringify({
        description: t.description ?? '',
        problem: t.problem ?? '',
        targetUsers: [],
        references: [],
      }),
      language: t.language ?? 'en',
      language_declared: true,
      ip_status: 'proprietary',
      assessed_trl: t.trl ?? null,
      target_trl: t.targetTrl ?? null,
      created_at: created,
      updated_at: created,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (t.domains?.length) {
    await sql`insert into solution_domains (solution_id, domain_id)
      select ${row.id}, id from domains where code in (${sql.join(t.domains)})`.execute(db)
  }
  if (t.challenges?.length) {
    await sql`insert into solution_challenges (solution_id, challenge_id)
      select ${row.id}, id from challenges where code in (${sql.join(t.challenges)})`.execute(db)
  }
  if (t.tags?.length) {
    await db
      .insertInto('solution_tags')
      .values(t.tags.map((term_id) => ({ solution_id: row.id, term_id })))
      .execute()
  }
  await refreshSearchVector(db, row.id)
  return { id: row.id, reference, name: t.name }
}

/** Some taxonomy terms by name (seeded taxonomies), for tags. */
export async function termIds(db: Database, names: string[]): Promise<Record<string, string>> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'name']).where('name', 'in', names).execute()
  return Object.fromEntries(rows.map((r) => [r.name, r.id]))
}
