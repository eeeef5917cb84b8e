import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Open calls as data: the rules, budget, timeline, application form and evaluation criteria of a call
// live in one JSON document (`config`, validated by the `callConfig` contract), versioned. A call is a
// draft until published; it opens and closes by itself at `opens_at` / `closes_at` (the clock decides,
// jobs freeze the configuration and screen the applications). Once open, a change is a new version with
// a published change log; every version is kept.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table calls
      add column config jsonb not null default '{}'::jsonb,
      add column config_version integer not null default 1,
      add column summary jsonb not null default '{"en": ""}'::jsonb,
      add column published_at timestamptz,
      add column frozen_at timestamptz,
      add column screened_at timestamptz,
      add column cancelled_at timestamptz,
      add column created_by uuid references users (id) on delete set null`,
    'create index calls_window_idx on calls (opens_at, closes_at)',
    // Every configuration a call has had since it was first published; version 1 is the one it opened with.
    `create table call_versions (
      call_id uuid not null references calls (id) on delete cascade,
      version integer not null,
      config jsonb not null,
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      change_log jsonb,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (call_id, version)
    )`,
    // Guide for applicants, templates and other documents of a call.
    `create table call_documents (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      kind text not null check (kind in ('guide', 'template', 'call_text', 'agreement', 'other')),
      title jsonb not null,
      file_id uuid not null references files (id),
      position integer not null,
      created_at timestamptz not null default now()
    )`,
    'create index call_documents_idx on call_documents (call_id, position)',
    // Questions asked about a call and the published answers (Q&A), until the Q&A cut-off.
    `create table call_questions (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      question text not null,
      answer text,
      language text not null default 'en',
      status text not null default 'pending' check (status in ('pending', 'published', 'dismissed')),
      asked_by uuid references users (id) on delete set null,
      asked_at timestamptz not null default now(),
      answered_by uuid references users (id) on delete set null,
      answered_at timestamptz,
      position integer
    )`,
    'create index call_questions_idx on call_questions (call_id, status, asked_at)',
  ])
}
