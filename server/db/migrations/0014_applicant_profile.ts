import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Applicant profile, second part: the public-body flag of the SME check (Recommendation 2003/361,
// Article 3(4): 25 % or more held by public bodies ⇒ not an SME), whether the description's language
// was declared (else detected), and filters of the staff list of organisations.
// organisations.search_vector holds only what an anonymous profile may show (description and expertise
// tags), never a name: a search can then never find an anonymous profile by its hidden identity.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table organisations
      add column public_body_control boolean not null default false,
      add column language_declared boolean not null default false`,
    'create index organisations_visibility_idx on organisations (visibility, country)',
  ])
}
