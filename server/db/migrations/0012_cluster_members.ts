import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Organisations that are members of a partner cluster (the cluster's staff follow their use cases),
// and the workshop at which a use case was captured. A use case is captured once, at one workshop:
// a nullable column says that, where a link table would allow many (putting use cases to a workshop's
// vote, a many-to-many, stays in workshop_use_cases).
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table cluster_members (
      cluster_id uuid not null references clusters (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      added_by uuid references users (id) on delete set null,
      added_at timestamptz not null default now(),
      primary key (cluster_id, organisation_id)
    )`,
    'create index cluster_members_organisation_idx on cluster_members (organisation_id)',
    'alter table use_cases add column workshop_id uuid references workshops (id) on delete set null',
    'create index use_cases_workshop_idx on use_cases (workshop_id) where workshop_id is not null',
    'create index workshop_use_cases_use_case_idx on workshop_use_cases (use_case_id)',
  ])
}
