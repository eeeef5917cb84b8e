import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Consortium applications. The working copy (`answers`, each partner's `part`) is co-edited with
// field-level versions; a submission freezes it into an immutable revision with a SHA-256 digest of
// its canonical content and files, and a receipt signed with the platform's Ed25519 key. Every revision
// is kept; the latest submitted one counts. Eligibility screening records one row per rule.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'create sequence application_reference_seq',
    `create table applications (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id),
      challenge_id uuid references challenges (id),
      reference text not null unique,
      lead_organisation_id uuid not null references organisations (id),
      acronym text not null default '',
      title text not null default '',
      status text not null default 'draft' check (status in ('draft', 'submitted', 'withdrawn')),
      answers jsonb not null default '{}'::jsonb,
      -- questionId → { version, by, at }: which save last changed each answer (field-level conflicts)
      answer_meta jsonb not null default '{}'::jsonb,
      version integer not null default 1,
      submitted_revision integer,
      submitted_at timestamptz,
      withdrawn_at timestamptz,
      admissibility text not null default 'pending' check (admissibility in ('pending', 'admissible', 'inadmissible')),
      admissibility_reason text,
      admissibility_by uuid references users (id) on delete set null,
      admissibility_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index applications_call_idx on applications (call_id, status)',
    'create index applications_lead_idx on applications (lead_organisation_id)',
    // One row per organisation in the consortium, the lead included. A partner is invited by email;
    // organisation_id is set when someone of that organisation accepts.
    `create table application_partners (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      organisation_id uuid references organisations (id),
      role text not null check (role in ('lead', 'partner')),
      status text not null check (status in ('invited', 'accepted', 'declined', 'removed')),
      invited_email text,
      invited_name text,
      token_hash text unique,
      token_expires_at timestamptz,
      invited_by uuid references users (id) on delete set null,
      invited_at timestamptz not null default now(),
      responded_at timestamptz,
      -- the partner's own part: budget line, SME declaration, declaration of honour, its answers
      part jsonb not null default '{}'::jsonb,
      part_version integer not null default 1,
      part_updated_by uuid references users (id) on delete set null,
      part_updated_at timestamptz,
      confirmed_version integer,
      confirmed_at timestamptz,
      confirmed_by uuid references users (id) on delete set null,
      position integer not null
    )`,
    'create index application_partners_app_idx on application_partners (application_id, position)',
    `create unique index application_partners_org_idx on application_partners (application_id, organisation_id)
      where organisation_id is not null and status in ('invited', 'accepted')`,
    'create index application_partners_org_lookup_idx on application_partners (organisation_id, status)',
    // Files attached to answers (questions of type file) of the working copy.
    `create table application_files (
      application_id uuid not null references applications (id) on delete cascade,
      file_id uuid not null references files (id),
      question_id text not null,
      partner_id uuid references application_partners (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (application_id, file_id)
    )`,
    // Immutable submitted revisions: content as submitted (canonical JSON), digest, receipt, signature.
    `create table application_revisions (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id),
      revision integer not null,
      content jsonb not null,
      files jsonb not null,
      digest text not null,
      receipt jsonb not null,
      signature text not null,
      key_id text not null,
      idempotency_key text,
      request_hash text,
      submitted_by uuid references users (id) on delete set null,
      submitted_at timestamptz not null,
      unique (application_id, revision)
    )`,
    `create unique index application_revisions_idem_idx on application_revisions (application_id, idempotency_key)
      where idempotency_key is not null`,
    // The platform's receipt signing keys (Ed25519). The private key is encrypted with a key derived
    // from AUTH_SECRET unless RECEIPT_SIGNING_KEY provides it; the public keys are published.
    `create table signing_keys (
      key_id text primary key,
      algorithm text not null default 'Ed25519',
      public_key text not null,
      private_key_enc text,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`,
    // Eligibility screening: one result per rule per screened revision, with the reason; operators
    // may override a result with a written justification (audited).
    `create table eligibility_results (
      application_id uuid not null references applications (id) on delete cascade,
      revision integer not null,
      rule text not null,
      outcome text not null check (outcome in ('pass', 'fail', 'warning')),
      reason jsonb not null,
      override_outcome text check (override_outcome in ('pass', 'fail')),
      override_justification text,
      overridden_by uuid references users (id) on delete set null,
      overridden_at timestamptz,
      screened_at timestamptz not null,
      primary key (application_id, rule)
    )`,
  ])
}
