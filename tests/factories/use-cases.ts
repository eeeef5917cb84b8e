import { sql } from 'kysely'
import type { Database } from '../../server/platform/db/client.ts'
import { seedId } from '../../server/seed/ids.ts'
import { termId } from '../../server/seed/taxonomies/index.ts'
import type { Confidentiality, UseCaseStatus } from '../../shared/contracts/use-cases.ts'

/** A SecurIT domain id by code (seeded with the programme). */
export const domainId = (code: string) => seedId(`domain:securit:${code}`)
export { termId }

/** A complete template, ready to submit. */
export const fullContent = {
  contextAndThreat: 'Crowds at open-air events; drones flown over them.',
  problemStatement: 'Operators cannot tell a hostile drone from a hobby one in time.',
  stakeholders: 'City police, event organisers',
  owner: 'City police',
  currentPractice: 'Visual spotting',
  gaps: 'No detection beyond 300 m',
  functionalRequirements: 'Detect and classify within 5 s',
  constraints: { legal: 'GDPR', ethics: '', interoperability: 'STANAG', price: '', maintainability: '' },
  successCriteria: 'Detection rate above 95 %',
  testBed: 'Summer festival 2026',
  dataAvailability: 'Radar logs on request',
  commitment: { validator: true, firstAdopter: false, notes: '' },
}

/** A use case written straight to the database (revision 1), in any status: for visibility tests. */
export async function insertUseCase(
  db: Database,
  traits: {
    programmeId: string
    organisationId: string
    title: string
    status?: UseCaseStatus
    confidentiality?: Confidentiality
    authorId?: string
  },
): Promise<{ id: string; reference: string }> {
  const now = new Date()
  const v = {
    title: traits.title,
    content: JSON.stringify(fullContent),
    confidentiality: traits.confidentiality ?? 'restricted',
    domain_id: null,
    trl_min: 4,
    trl_max: 7,
  }
  const row = await db
    .insertInto('use_cases')
    .values({
      ...v,
      programme_id: traits.programmeId,
      organisation_id: traits.organisationId,
      reference: sql<string>`'UC-T' || nextval('use_case_reference_seq')::text`,
      status: traits.status ?? 'draft',
      created_by: traits.authorId ?? null,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow()
  await db
    .insertInto('use_case_revisions')
    .values({ ...v, use_case_id: row.id, revision: 1, author_id: traits.authorId ?? null, created_at: now })
    .execute()
  await db
    .insertInto('use_case_comments')
    .values({
      use_case_id: row.id,
      author_id: traits.authorId ?? null,
      body: `secret note on ${traits.title}`,
      created_at: now,
    })
    .execute()
  return row
}
