import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Cross-cutting tables: the hash-chained audit log, the job queue, mail, sign-in throttling, API tokens.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table audit_events (
      seq bigint primary key,
      occurred_at timestamptz not null,
      actor_type text not null check (actor_type in ('user', 'token', 'system', 'anonymous')),
      actor_id uuid,
      actor_label text not null,
      action text not null,
      subject_type text not null,
      subject_id text,
      change jsonb not null,
      digest text not null,
      request_id text,
      prev_hash text not null,
      hash text not null unique
    )`,
    'create index audit_events_actor_idx on audit_events (actor_id, seq)',
    'create index audit_events_subject_idx on audit_events (subject_type, subject_id, seq)',
    'create index audit_events_time_idx on audit_events (occurred_at)',
    // One row that serialises appends to the chain (its row lock is the chain's mutex).
    `create table audit_chain (
      id smallint primary key check (id = 1),
      seq bigint not null,
      hash text not null
    )`,
    `insert into audit_chain (id, seq, hash) values (1, 0, '${'0'.repeat(64)}')`,
    `create table jobs (
      id uuid primary key default gen_random_uuid(),
      queue text not null,
      payload jsonb not null,
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      locked_until timestamptz,
      locked_by text,
      last_error text,
      done_at timestamptz,
      failed_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    'create index jobs_due_idx on jobs (queue, run_at) where done_at is null and failed_at is null',
    `create table mail_messages (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      transport text not null check (transport in ('smtp', 'mailbox')),
      status text not null check (status in ('queued', 'sent', 'failed')),
      error text,
      template text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`,
    'create index mail_messages_to_idx on mail_messages (to_address, created_at desc)',
    'create index mail_messages_created_idx on mail_messages (created_at desc)',
    `create table sign_in_failures (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      ip_address text not null,
      occurred_at timestamptz not null
    )`,
    'create index sign_in_failures_email_idx on sign_in_failures (email, occurred_at)',
    'create index sign_in_failures_ip_idx on sign_in_failures (ip_address, occurred_at)',
    `create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      token_prefix text not null,
      scopes text[] not null,
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    'create index api_tokens_user_idx on api_tokens (user_id)',
  ])
}
