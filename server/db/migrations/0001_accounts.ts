import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// Accounts, sessions and two-factor secrets, in the shape better-auth reads and writes
// (its field names are mapped to snake_case in server/modules/auth/auth.ts).
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table users (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      email text not null unique,
      email_verified boolean not null default false,
      image text,
      locale text not null default 'en',
      two_factor_enabled boolean not null default false,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create table sessions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token text not null unique,
      expires_at timestamptz not null,
      ip_address text,
      user_agent text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index sessions_user_id_idx on sessions (user_id)',
    `create table accounts (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      account_id text not null,
      provider_id text not null,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index accounts_user_id_idx on accounts (user_id)',
    `create table verifications (
      id uuid primary key default gen_random_uuid(),
      identifier text not null,
      value text not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index verifications_identifier_idx on verifications (identifier)',
    `create table two_factors (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      secret text not null,
      backup_codes text not null,
      verified boolean,
      failed_verification_count integer,
      locked_until timestamptz
    )`,
    'create index two_factors_user_id_idx on two_factors (user_id)',
    'create index two_factors_secret_idx on two_factors (secret)',
    `create table rate_limits (
      id uuid primary key default gen_random_uuid(),
      key text not null unique,
      count integer not null,
      last_request bigint not null
    )`,
  ])
}
