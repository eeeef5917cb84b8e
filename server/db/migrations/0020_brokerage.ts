import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * Brokerage events (issue 6 §5): events with sessions cut into slots, participants with a profile and their
 * availability, meeting requests between participants, meetings in a slot at a table, and the organiser's runs
 * of the central scheduler.
 *
 * - Slots are stored (`brokerage_slots`), derived from their session (start, length, tables) when the session is
 *   written: availability and meetings point at them.
 * - One meeting per person per slot and one meeting per table and slot are unique indexes over
 *   `brokerage_meeting_seats` and `brokerage_meetings`, so two bookings racing for the last table cannot both win.
 * - One live request (pending or accepted) per pair of participants: a partial unique index on the ordered pair.
 *   A pending request past `expires_at` counts as expired (applied at query time); writes mark it so.
 * - A scheduler run keeps its progress (phase, percent, objective, bound) and its result (jsonb) for the
 *   organiser's page, which polls it; publishing the schedule writes its meetings.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table brokerage_events (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      cluster_id uuid references clusters (id) on delete set null,
      title text not null,
      description text not null default '',
      mode text not null check (mode in ('online', 'on_site', 'hybrid')),
      venue text,
      online_url text,
      time_zone text not null,
      registration_deadline timestamptz not null,
      scheduling_mode text not null check (scheduling_mode in ('self_booking', 'central')),
      max_meetings_per_participant integer not null check (max_meetings_per_participant between 1 and 100),
      request_expiry_hours integer not null check (request_expiry_hours between 1 and 2160),
      reminder_hours integer not null default 24 check (reminder_hours between 1 and 336),
      status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
      schedule_published_at timestamptz,
      created_by uuid references users (id) on delete set null,
      published_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    'create index brokerage_events_programme_idx on brokerage_events (programme_id, status, registration_deadline)',
    `create table brokerage_sessions (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references brokerage_events (id) on delete cascade,
      title text not null default '',
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      slot_minutes integer not null check (slot_minutes between 5 and 240),
      tables integer not null check (tables between 1 and 10000),
      created_at timestamptz not null,
      check (ends_at > starts_at)
    )`,
    'create index brokerage_sessions_event_idx on brokerage_sessions (event_id, starts_at)',
    `create table brokerage_slots (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references brokerage_events (id) on delete cascade,
      session_id uuid not null references brokerage_sessions (id) on delete cascade,
      position integer not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      tables integer not null,
      unique (session_id, position)
    )`,
    'create index brokerage_slots_event_idx on brokerage_slots (event_id, starts_at)',
    `create table brokerage_participants (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references brokerage_events (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      anonymous boolean not null default false,
      profile text not null,
      offer text not null default '',
      request text not null default '',
      search_vector tsvector,
      reminded_for timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (event_id, user_id)
    )`,
    'create index brokerage_participants_search_idx on brokerage_participants using gin (search_vector)',
    'create index brokerage_participants_organisation_idx on brokerage_participants (organisation_id)',
    `create table brokerage_availability (
      participant_id uuid not null references brokerage_participants (id) on delete cascade,
      slot_id uuid not null references brokerage_slots (id) on delete cascade,
      primary key (participant_id, slot_id)
    )`,
    'create index brokerage_availability_slot_idx on brokerage_availability (slot_id)',
    `create table brokerage_meeting_requests (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references brokerage_events (id) on delete cascade,
      from_participant_id uuid not null references brokerage_participants (id) on delete cascade,
      to_participant_id uuid not null references brokerage_participants (id) on delete cascade,
      reason text not null,
      priority integer not null default 2 check (priority between 1 and 3),
      status text not null default 'pending'
        check (status in ('pending', 'accepted', 'declined', 'expired', 'cancelled')),
      expires_at timestamptz not null,
      decision_message text,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (from_participant_id <> to_participant_id)
    )`,
    `create unique index brokerage_requests_live_pair_idx on brokerage_meeting_requests
      (least(from_participant_id, to_participant_id), greatest(from_participant_id, to_participant_id))
      where status in ('pending', 'accepted')`,
    'create index brokerage_requests_to_idx on brokerage_meeting_requests (to_participant_id, created_at desc)',
    'create index brokerage_requests_from_idx on brokerage_meeting_requests (from_participant_id, created_at desc)',
    'create index brokerage_requests_event_idx on brokerage_meeting_requests (event_id, status)',
    `create table brokerage_meetings (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references brokerage_events (id) on delete cascade,
      request_id uuid not null unique references brokerage_meeting_requests (id) on delete cascade,
      slot_id uuid not null references brokerage_slots (id) on delete cascade,
      table_number integer not null check (table_number >= 1),
      fixed_by_organiser boolean not null default false,
      source text not null check (source in ('booked', 'fixed', 'scheduled')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      unique (slot_id, table_number)
    )`,
    'create index brokerage_meetings_event_idx on brokerage_meetings (event_id, slot_id)',
    `create table brokerage_meeting_seats (
      meeting_id uuid not null references brokerage_meetings (id) on delete cascade,
      participant_id uuid not null references brokerage_participants (id) on delete cascade,
      slot_id uuid not null references brokerage_slots (id) on delete cascade,
      primary key (meeting_id, participant_id),
      unique (participant_id, slot_id)
    )`,
    `create table brokerage_schedule_runs (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      event_id uuid not null references brokerage_events (id) on delete cascade,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      phase text,
      progress integer not null default 0,
      objective double precision,
      upper_bound double precision,
      result jsonb,
      error jsonb,
      requested_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      started_at timestamptz,
      finished_at timestamptz,
      published_at timestamptz
    )`,
    'create index brokerage_schedule_runs_event_idx on brokerage_schedule_runs (event_id, seq desc)',
  ])
}
