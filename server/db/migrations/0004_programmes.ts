import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Programmes, their partner clusters, domains and open calls (dates only; the calls module extends
// the table), and the programme-level roles of people.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table programmes (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      acronym text not null,
      name text not null,
      summary jsonb not null,
      description jsonb not null,
      grant_reference text,
      website text,
      starts_on date not null,
      ends_on date not null,
      time_zone text not null default 'Europe/Brussels',
      require_operator_two_factor boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on > starts_on)
    )`,
    `create table clusters (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      role text not null check (role in ('coordinator', 'partner', 'platform')),
      description jsonb not null,
      position integer not null,
      unique (programme_id, organisation_id)
    )`,
    `create table domains (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      code text not null,
      name jsonb not null,
      description jsonb not null,
      position integer not null,
      unique (programme_id, code)
    )`,
    `create table calls (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      code text not null,
      title jsonb not null,
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      time_zone text not null default 'Europe/Brussels',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (programme_id, code),
      check (closes_at > opens_at)
    )`,
    `create table programme_roles (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('operator', 'cluster_staff', 'expert')),
      cluster_id uuid references clusters (id) on delete cascade,
      granted_by uuid references users (id) on delete set null,
      granted_at timestamptz not null default now(),
      check ((role = 'cluster_staff') = (cluster_id is not null)),
      unique (programme_id, user_id, role)
    )`,
    'create index programme_roles_user_idx on programme_roles (user_id)',
  ])
}
