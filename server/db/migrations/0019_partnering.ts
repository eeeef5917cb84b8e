import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * Partner search (issue 6 §4): partnering posts (EEN-style offers and requests), expressions of interest
 * with the owner's decision, and message threads between organisations that open on acceptance.
 *
 * - A post's `anonymous` flag hides its organisation from everyone but its members and the brokers
 *   until an expression of interest is accepted: then the two organisations see each other's contact.
 * - One pending expression of interest per organisation and post (partial unique index); declined or
 *   withdrawn ones stay as history and do not block a new one.
 * - `search_vector` is built in the post's language (detected, else 'simple'): A title, B expertise
 *   offered and sought, C description and tag names — never the organisation's name.
 * - Messages carry an increasing `seq`; a reader's marker (`message_reads.last_read_seq`) per thread
 *   and person gives the unread counts.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'create sequence partnering_post_reference_seq',
    `create table partnering_posts (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      reference text not null unique,
      kind text not null check (kind in ('technology_offer', 'technology_request', 'business_offer',
        'business_request', 'partner_sought_for_call')),
      status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
      title text not null,
      description text not null,
      expertise_offered text not null default '',
      expertise_sought text not null default '',
      countries_wanted text[] not null default '{}',
      call_id uuid references calls (id) on delete set null,
      challenge_id uuid references challenges (id) on delete set null,
      anonymous boolean not null default false,
      expires_at timestamptz not null,
      language text not null default 'simple',
      search_vector tsvector,
      published_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    'create index partnering_posts_search_idx on partnering_posts using gin (search_vector)',
    'create index partnering_posts_listed_idx on partnering_posts (status, expires_at, published_at desc)',
    'create index partnering_posts_organisation_idx on partnering_posts (organisation_id, updated_at desc)',
    'create index partnering_posts_call_idx on partnering_posts (call_id)',
    'create index partnering_posts_challenge_idx on partnering_posts (challenge_id)',
    `create table partnering_post_tags (
      post_id uuid not null references partnering_posts (id) on delete cascade,
      term_id uuid not null references taxonomy_terms (id),
      primary key (post_id, term_id)
    )`,
    'create index partnering_post_tags_term_idx on partnering_post_tags (term_id, post_id)',

    `create table expressions_of_interest (
      id uuid primary key default gen_random_uuid(),
      post_id uuid not null references partnering_posts (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      message text not null,
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
      decision_message text,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    `create unique index expressions_of_interest_pending_idx on expressions_of_interest (post_id, organisation_id)
      where status = 'pending'`,
    'create index expressions_of_interest_post_idx on expressions_of_interest (post_id, created_at desc)',
    'create index expressions_of_interest_organisation_idx on expressions_of_interest (organisation_id, created_at desc)',

    `create table message_threads (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      post_id uuid references partnering_posts (id) on delete set null,
      interest_id uuid unique references expressions_of_interest (id) on delete set null,
      subject text not null,
      created_at timestamptz not null,
      last_message_at timestamptz
    )`,
    `create table thread_participants (
      thread_id uuid not null references message_threads (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      joined_at timestamptz not null,
      primary key (thread_id, organisation_id)
    )`,
    'create index thread_participants_organisation_idx on thread_participants (organisation_id, thread_id)',
    `create table messages (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      thread_id uuid not null references message_threads (id) on delete cascade,
      organisation_id uuid not null references organisations (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      body text not null,
      created_at timestamptz not null
    )`,
    'create unique index messages_seq_idx on messages (seq)',
    'create index messages_thread_idx on messages (thread_id, seq)',
    `create table message_reads (
      thread_id uuid not null references message_threads (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      last_read_seq bigint not null,
      read_at timestamptz not null,
      primary key (thread_id, user_id)
    )`,
  ])
}
