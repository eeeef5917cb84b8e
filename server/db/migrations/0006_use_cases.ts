import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Use cases: needs written by end-user and integrator organisations, with a lifecycle, revisions,
// a comment thread with cluster staff, confidentiality and taxonomy tags.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'create sequence use_case_reference_seq',
    `create table use_cases (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      domain_id uuid references domains (id),
      reference text not null unique,
      status text not null check (status in ('draft', 'submitted', 'changes_requested', 'resubmitted', 'accepted',
        'promoted', 'archived')),
      confidentiality text not null check (confidentiality in ('public', 'programme', 'restricted')),
      revision integer not null default 1,
      title text not null,
      content jsonb not null,
      trl_min smallint check (trl_min between 1 and 9),
      trl_max smallint check (trl_max between 1 and 9),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      decided_at timestamptz,
      check (trl_min is null or trl_max is null or trl_min <= trl_max)
    )`,
    'create index use_cases_organisation_idx on use_cases (organisation_id, updated_at desc)',
    'create index use_cases_programme_status_idx on use_cases (programme_id, status, updated_at desc)',
    // Every saved edit, immutable: who changed what, when.
    `create table use_case_revisions (
      use_case_id uuid not null references use_cases (id) on delete cascade,
      revision integer not null,
      title text not null,
      content jsonb not null,
      trl_min smallint,
      trl_max smallint,
      domain_id uuid,
      confidentiality text not null,
      author_id uuid references users (id) on delete set null,
      created_at timestamptz not null,
      primary key (use_case_id, revision)
    )`,
    // Status changes are records of their own, with their actor, time and reason.
    `create table use_case_transitions (
      id uuid primary key default gen_random_uuid(),
      use_case_id uuid not null references use_cases (id) on delete cascade,
      from_status text not null,
      to_status text not null,
      reason text,
      actor_id uuid references users (id) on delete set null,
      created_at timestamptz not null
    )`,
    'create index use_case_transitions_idx on use_case_transitions (use_case_id, created_at)',
    `create table use_case_comments (
      id uuid primary key default gen_random_uuid(),
      use_case_id uuid not null references use_cases (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      body text not null,
      created_at timestamptz not null,
      edited_at timestamptz
    )`,
    'create index use_case_comments_idx on use_case_comments (use_case_id, created_at)',
    `create table use_case_tags (
      use_case_id uuid not null references use_cases (id) on delete cascade,
      term_id uuid not null references taxonomy_terms (id),
      primary key (use_case_id, term_id)
    )`,
  ])
}
