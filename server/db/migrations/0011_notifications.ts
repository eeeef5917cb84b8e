import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Notifications: the in-app notification centre (one row per recipient and event, rendered in the
// reader's language from `kind` + `params`), per-kind e-mail preferences, mail attachments (the ICS
// invitation), and what the workshops module has already announced, so each announcement goes once.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      programme_id uuid references programmes (id) on delete cascade,
      kind text not null,
      subject_type text not null,
      subject_id text not null,
      params jsonb not null default '{}',
      link text not null,
      created_at timestamptz not null,
      read_at timestamptz
    )`,
    'create index notifications_user_idx on notifications (user_id, created_at desc, id)',
    'create index notifications_unread_idx on notifications (user_id, created_at desc) where read_at is null',
    // No row: e-mail on (the default). In-app notifications cannot be switched off.
    `create table notification_preferences (
      user_id uuid not null references users (id) on delete cascade,
      kind text not null,
      email boolean not null,
      updated_at timestamptz not null,
      primary key (user_id, kind)
    )`,
    // [{ filename, contentType, content (base64) }]
    `alter table mail_messages add column attachments jsonb not null default '[]'`,
    // The closing time each vote announcement was sent for (stale or repeated jobs then do nothing).
    'alter table workshops add column vote_announced_at timestamptz',
    'alter table workshops add column vote_closing_notified_for timestamptz',
    'alter table workshops add column vote_results_notified_for timestamptz',
  ])
}
