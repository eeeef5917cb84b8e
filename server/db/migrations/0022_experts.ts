import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * The expert pool and conflicts of interest (issue 7 §1–2).
 *
 * - `expert_profiles`: one per person (experts serve several calls): expertise, taxonomy tags, countries,
 *   languages, kind, a CV (a stored file), the code-of-conduct and confidentiality declarations with the
 *   time they were made, availability and the load they accept per call by default.
 * - `expert_organisations`: the organisations the expert works or worked for — a platform organisation
 *   (`organisation_id`) or a name and country — with years; `to_year` null means current.
 * - `expert_invitations`: an operator invites an e-mail to evaluate for a call; only the SHA-256 of the
 *   link's token is stored.
 * - `expert_calls`: an expert's candidacy for a call (from an invitation or the public call for experts),
 *   decided by an operator (pending → approved | rejected) with the maximum load for that call.
 * - `expert_conflict_settings`: the per-call switches of the optional conflict rules (no row: defaults).
 * - `expert_conflicts`: conflicts declared by hand, by the expert or an operator, on one application.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table expert_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      expertise text not null default '',
      tag_ids uuid[] not null default '{}',
      countries text[] not null default '{}',
      languages text[] not null default '{}',
      kind text not null default 'technical' check (kind in ('technical', 'practitioner', 'business')),
      cv_file_id uuid references files (id) on delete set null,
      code_of_conduct_at timestamptz,
      confidentiality_at timestamptz,
      available boolean not null default true,
      max_load integer not null default 10 check (max_load between 0 and 200),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    `create table expert_organisations (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references expert_profiles (user_id) on delete cascade,
      organisation_id uuid references organisations (id) on delete set null,
      name text not null,
      country char(2),
      from_year smallint check (from_year between 1900 and 2100),
      to_year smallint check (to_year between 1900 and 2100),
      position integer not null,
      check (to_year is null or from_year is null or to_year >= from_year)
    )`,
    'create index expert_organisations_user_idx on expert_organisations (user_id, position)',
    'create index expert_organisations_org_idx on expert_organisations (organisation_id) where organisation_id is not null',
    `create table expert_invitations (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      email text not null,
      message text not null default '',
      token_hash text not null unique,
      expires_at timestamptz not null,
      invited_by uuid references users (id) on delete set null,
      invited_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users (id) on delete set null
    )`,
    'create index expert_invitations_call_idx on expert_invitations (call_id, invited_at desc)',
    `create table expert_calls (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      user_id uuid not null references expert_profiles (user_id) on delete cascade,
      source text not null check (source in ('invitation', 'application')),
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      max_load integer not null check (max_load between 0 and 200),
      motivation text not null default '',
      applied_at timestamptz not null,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      decision_note text not null default '',
      unique (call_id, user_id)
    )`,
    'create index expert_calls_user_idx on expert_calls (user_id)',
    `create table expert_conflict_settings (
      call_id uuid primary key references calls (id) on delete cascade,
      cluster_rule boolean not null default true,
      same_country_rule boolean not null default false,
      updated_at timestamptz not null,
      updated_by uuid references users (id) on delete set null
    )`,
    `create table expert_conflicts (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      user_id uuid not null references expert_profiles (user_id) on delete cascade,
      reason text not null,
      declared_by uuid references users (id) on delete set null,
      declared_at timestamptz not null,
      withdrawn_at timestamptz,
      withdrawn_by uuid references users (id) on delete set null
    )`,
    `create unique index expert_conflicts_open_idx on expert_conflicts (application_id, user_id)
      where withdrawn_at is null`,
    'create index expert_conflicts_user_idx on expert_conflicts (user_id)',
  ])
}
