import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Organisations (legal entities), their members and invitations.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table organisations (
      id uuid primary key default gen_random_uuid(),
      legal_name text not null,
      short_name text,
      legal_form text,
      country char(2) not null,
      registration_number text,
      website text,
      type text not null check (type in ('sme', 'large_company', 'public_authority', 'infrastructure_operator',
        'integrator', 'research_organisation', 'cluster', 'other')),
      description text not null default '',
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    // One legal entity, one record: a registration number is unique within its country.
    `create unique index organisations_registration_idx on organisations (country, lower(registration_number))
      where registration_number is not null`,
    'create index organisations_name_idx on organisations (lower(legal_name))',
    `create table memberships (
      organisation_id uuid not null references organisations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('owner', 'admin', 'member')),
      created_at timestamptz not null default now(),
      primary key (organisation_id, user_id)
    )`,
    'create index memberships_user_idx on memberships (user_id)',
    `create table invitations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      email text not null,
      role text not null check (role in ('admin', 'member')),
      token_hash text not null unique,
      invited_by uuid references users (id) on delete set null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users (id) on delete set null,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    'create index invitations_organisation_idx on invitations (organisation_id, created_at desc)',
    'create index invitations_email_idx on invitations (lower(email))',
  ])
}
