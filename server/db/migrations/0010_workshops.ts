import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Workshops: organised by a partner cluster for a programme; invitations, registrations with approval
// and a waiting list, attendance, the use cases to prioritise and the participants' points.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table workshops (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      cluster_id uuid not null references clusters (id),
      status text not null check (status in ('draft', 'published', 'cancelled')),
      title text not null,
      description text not null,
      format text not null check (format in ('online', 'on_site', 'hybrid')),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      time_zone text not null,
      capacity integer not null check (capacity > 0),
      domain_ids uuid[] not null default '{}',
      meeting_url text,
      location text,
      sequence integer not null default 0,
      points_budget integer not null default 10 check (points_budget > 0),
      vote_closes_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (ends_at > starts_at)
    )`,
    'create index workshops_programme_idx on workshops (programme_id, starts_at)',
    `create table workshop_invitations (
      id uuid primary key default gen_random_uuid(),
      workshop_id uuid not null references workshops (id) on delete cascade,
      email text not null,
      organisation_id uuid references organisations (id) on delete cascade,
      invited_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      unique (workshop_id, email)
    )`,
    `create table workshop_registrations (
      id uuid primary key default gen_random_uuid(),
      workshop_id uuid not null references workshops (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      status text not null check (status in ('pending', 'approved', 'rejected', 'waitlisted', 'cancelled')),
      position bigserial not null,
      attended boolean,
      created_at timestamptz not null,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      unique (workshop_id, user_id)
    )`,
    'create index workshop_registrations_idx on workshop_registrations (workshop_id, status, position)',
    `create table workshop_use_cases (
      workshop_id uuid not null references workshops (id) on delete cascade,
      use_case_id uuid not null references use_cases (id) on delete cascade,
      primary key (workshop_id, use_case_id)
    )`,
    `create table workshop_votes (
      workshop_id uuid not null references workshops (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      use_case_id uuid not null,
      points integer not null check (points > 0),
      cast_at timestamptz not null,
      primary key (workshop_id, user_id, use_case_id),
      foreign key (workshop_id, use_case_id) references workshop_use_cases (workshop_id, use_case_id) on delete cascade
    )`,
  ])
}
