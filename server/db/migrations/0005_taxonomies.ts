import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Shared vocabularies for tags (JRC cybersecurity taxonomy, NIS sectors, ENISA threats): term names
// are facts, seeded from server/seed/taxonomies/ with their source noted.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table taxonomies (
      id text primary key,
      name text not null,
      source text not null,
      licence text not null
    )`,
    `create table taxonomy_terms (
      id uuid primary key default gen_random_uuid(),
      taxonomy_id text not null references taxonomies (id) on delete cascade,
      code text not null,
      name text not null,
      kind text,
      parent_code text,
      position integer not null,
      unique (taxonomy_id, code)
    )`,
    'create index taxonomy_terms_name_idx on taxonomy_terms (lower(name))',
  ])
}
