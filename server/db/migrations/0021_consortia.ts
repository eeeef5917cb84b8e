import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * Consortia (issue 6 §6): organisations that intend to apply together for one call and challenge, before
 * an application exists, and the members they invite.
 *
 * - A consortium is led by one organisation (an SME) and is `forming` until it is turned into an
 *   application (`converted`, `application_id` set, once: the unique index keeps one consortium per
 *   application) or given up (`dissolved`).
 * - A member is invited by organisation (`organisation_id` set from the start) or by e-mail
 *   (`organisation_id` null until the invitee accepts and chooses its organisation; only the SHA-256 of
 *   the link's token is stored). `source` says where the partner was found (a recommendation, an
 *   accepted partnering interest, a brokerage meeting, an e-mail, or directly) and `source_ref` the
 *   object it came from.
 * - An organisation is in a consortium at most once while invited or accepted (partial unique index).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table consortia (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      call_id uuid not null references calls (id),
      challenge_id uuid references challenges (id) on delete set null,
      lead_organisation_id uuid not null references organisations (id),
      created_by uuid references users (id) on delete set null,
      name text not null,
      acronym text not null default '',
      lead_role text not null default '',
      status text not null default 'forming' check (status in ('forming', 'converted', 'dissolved')),
      application_id uuid unique references applications (id) on delete set null,
      converted_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    'create index consortia_lead_idx on consortia (lead_organisation_id, updated_at desc)',
    'create index consortia_call_idx on consortia (call_id)',
    `create table consortium_members (
      id uuid primary key default gen_random_uuid(),
      consortium_id uuid not null references consortia (id) on delete cascade,
      organisation_id uuid references organisations (id),
      invited_email text,
      role text not null default '',
      invited_by uuid references users (id) on delete set null,
      invited_at timestamptz not null,
      source text not null check (source in ('recommendation', 'partner_search', 'brokerage', 'email', 'direct')),
      source_ref text,
      status text not null default 'invited' check (status in ('invited', 'accepted', 'declined', 'removed')),
      message text not null default '',
      token_hash text unique,
      token_expires_at timestamptz,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      check (organisation_id is not null or invited_email is not null)
    )`,
    'create index consortium_members_consortium_idx on consortium_members (consortium_id, invited_at)',
    `create unique index consortium_members_org_idx on consortium_members (consortium_id, organisation_id)
      where organisation_id is not null and status in ('invited', 'accepted')`,
    'create index consortium_members_org_lookup_idx on consortium_members (organisation_id, status)',
  ])
}
