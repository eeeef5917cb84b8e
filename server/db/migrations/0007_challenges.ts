import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Challenges: the public, curated problem statements of calls, built from one or more use cases.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table challenges (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      domain_id uuid not null references domains (id),
      code text not null,
      slug text not null,
      status text not null check (status in ('draft', 'published', 'unpublished')),
      version integer not null default 1,
      language text not null default 'en',
      title text not null,
      summary text not null,
      content jsonb not null,
      trl_min smallint not null check (trl_min between 1 and 9),
      trl_max smallint not null check (trl_max between 1 and 9),
      demo boolean not null default false,
      search_vector tsvector,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      unique (programme_id, code),
      unique (programme_id, slug),
      check (trl_min <= trl_max)
    )`,
    'create index challenges_search_idx on challenges using gin (search_vector)',
    'create index challenges_domain_idx on challenges (programme_id, domain_id, status)',
    `create table challenge_versions (
      challenge_id uuid not null references challenges (id) on delete cascade,
      version integer not null,
      title text not null,
      summary text not null,
      content jsonb not null,
      trl_min smallint not null,
      trl_max smallint not null,
      domain_id uuid not null,
      author_id uuid references users (id) on delete set null,
      created_at timestamptz not null,
      primary key (challenge_id, version)
    )`,
    // Which use cases a challenge came from (promoted or merged): the end-users who asked for it.
    `create table challenge_use_cases (
      challenge_id uuid not null references challenges (id) on delete cascade,
      use_case_id uuid not null references use_cases (id),
      linked_by uuid references users (id) on delete set null,
      linked_at timestamptz not null,
      primary key (challenge_id, use_case_id)
    )`,
    'create index challenge_use_cases_use_case_idx on challenge_use_cases (use_case_id)',
    `create table challenge_calls (
      challenge_id uuid not null references challenges (id) on delete cascade,
      call_id uuid not null references calls (id) on delete cascade,
      primary key (challenge_id, call_id)
    )`,
    `create table challenge_tags (
      challenge_id uuid not null references challenges (id) on delete cascade,
      term_id uuid not null references taxonomy_terms (id),
      primary key (challenge_id, term_id)
    )`,
  ])
}
