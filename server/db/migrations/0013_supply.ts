import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

// The supply side: stored files, the applicant profile of organisations (SME check, partner and linked
// enterprises, visibility, expertise), solutions with revisions, media, domains, challenges and tags,
// and guided TRL self-assessments with their evidence and staff reviews.
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // Uploaded files live in the database (one backup, same transactions). The type is what the
    // content says (sniffed), never what the client claimed; the digest finds duplicates.
    `create table files (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid references organisations (id) on delete cascade,
      purpose text not null,
      filename text not null,
      content_type text not null,
      byte_size integer not null check (byte_size > 0),
      sha256 text not null,
      data bytea not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    'create index files_organisation_idx on files (organisation_id, created_at desc)',

    // Applicant profile. Money in integer euro cents; headcount in annual work units (AWU, may be
    // fractional). sme_status is derived (Recommendation 2003/361) and stored for filtering; its
    // reasoning is kept in sme_explanation so the UI shows why.
    `alter table organisations
      add column headcount numeric(9, 2) check (headcount >= 0),
      add column annual_turnover_cents bigint check (annual_turnover_cents >= 0),
      add column balance_sheet_cents bigint check (balance_sheet_cents >= 0),
      add column financial_year smallint,
      add column founded_year smallint check (founded_year between 1800 and 2100),
      add column region text,
      add column visibility text not null default 'public' check (visibility in ('public', 'members', 'anonymous')),
      add column public_ref text not null default ('ORG-' || upper(substr(md5(gen_random_uuid()::text), 1, 8))),
      add column logo_file_id uuid references files (id) on delete set null,
      add column sme_status text check (sme_status in ('micro', 'small', 'medium', 'not_sme')),
      add column sme_explanation jsonb,
      add column sme_checked_at timestamptz,
      add column language text not null default 'en',
      add column search_vector tsvector`,
    // public_ref: a stable, meaningless reference shown instead of the name of an anonymous profile.
    'create unique index organisations_public_ref_idx on organisations (public_ref)',
    'create index organisations_search_idx on organisations using gin (search_vector)',
    'create index organisations_sme_idx on organisations (sme_status, country)',
    // Partner (25–50 %) and linked (> 50 % or control) enterprises declared for the SME check.
    `create table organisation_relations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      relation text not null check (relation in ('partner', 'linked')),
      name text not null,
      country char(2) not null,
      share_percent numeric(5, 2) not null check (share_percent >= 0 and share_percent <= 100),
      headcount numeric(9, 2) not null check (headcount >= 0),
      annual_turnover_cents bigint not null check (annual_turnover_cents >= 0),
      balance_sheet_cents bigint not null check (balance_sheet_cents >= 0),
      position integer not null
    )`,
    'create index organisation_relations_idx on organisation_relations (organisation_id, position)',
    `create table organisation_tags (
      organisation_id uuid not null references organisations (id) on delete cascade,
      term_id uuid not null references taxonomy_terms (id),
      primary key (organisation_id, term_id)
    )`,
    'create index organisation_tags_term_idx on organisation_tags (term_id)',

    // Solutions: what an organisation offers. `language` is the text's language (declared or
    // detected); `search_vector` is built with that language's text-search configuration.
    'create sequence solution_reference_seq',
    `create table solutions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      reference text not null unique,
      status text not null default 'published' check (status in ('draft', 'published', 'archived')),
      visibility text not null check (visibility in ('public', 'members', 'anonymous')),
      type text not null check (type in ('hardware', 'software', 'service', 'data_model', 'methodology')),
      name text not null,
      pitch text not null,
      content jsonb not null,
      language text not null,
      language_declared boolean not null default false,
      ip_status text not null check (ip_status in ('proprietary', 'patented', 'patent_pending', 'open_source',
        'licensed', 'other')),
      assessed_trl smallint check (assessed_trl between 1 and 9),
      target_trl smallint check (target_trl between 1 and 9),
      revision integer not null default 1,
      demo boolean not null default false,
      search_vector tsvector,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index solutions_search_idx on solutions using gin (search_vector)',
    'create index solutions_organisation_idx on solutions (organisation_id, updated_at desc)',
    'create index solutions_catalogue_idx on solutions (status, visibility, type, assessed_trl)',
    'create index solutions_updated_idx on solutions (updated_at desc, id)',
    `create table solution_revisions (
      solution_id uuid not null references solutions (id) on delete cascade,
      revision integer not null,
      snapshot jsonb not null,
      author_id uuid references users (id) on delete set null,
      created_at timestamptz not null,
      primary key (solution_id, revision)
    )`,
    `create table solution_domains (
      solution_id uuid not null references solutions (id) on delete cascade,
      domain_id uuid not null references domains (id) on delete cascade,
      primary key (solution_id, domain_id)
    )`,
    'create index solution_domains_domain_idx on solution_domains (domain_id, solution_id)',
    `create table solution_challenges (
      solution_id uuid not null references solutions (id) on delete cascade,
      challenge_id uuid not null references challenges (id) on delete cascade,
      primary key (solution_id, challenge_id)
    )`,
    'create index solution_challenges_challenge_idx on solution_challenges (challenge_id, solution_id)',
    `create table solution_tags (
      solution_id uuid not null references solutions (id) on delete cascade,
      term_id uuid not null references taxonomy_terms (id),
      primary key (solution_id, term_id)
    )`,
    'create index solution_tags_term_idx on solution_tags (term_id, solution_id)',
    `create table solution_media (
      id uuid primary key default gen_random_uuid(),
      solution_id uuid not null references solutions (id) on delete cascade,
      file_id uuid not null references files (id) on delete cascade,
      kind text not null check (kind in ('image', 'datasheet')),
      caption text,
      position integer not null
    )`,
    'create index solution_media_idx on solution_media (solution_id, position)',

    // Guided TRL self-assessments, kept over time (TRL gain is measured against them later).
    // answers: [{ level, criterion, met, evidenceText, evidenceUrl, evidenceFileId }].
    `create table trl_assessments (
      id uuid primary key default gen_random_uuid(),
      solution_id uuid not null references solutions (id) on delete cascade,
      questionnaire text not null,
      questionnaire_version integer not null,
      status text not null check (status in ('draft', 'completed')),
      answers jsonb not null default '[]',
      result_level smallint check (result_level between 0 and 9),
      confidence smallint check (confidence between 1 and 5),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      completed_at timestamptz
    )`,
    'create index trl_assessments_solution_idx on trl_assessments (solution_id, created_at desc)',
    // Cluster staff and experts confirm or adjust a completed result, with a reason the applicant sees.
    `create table trl_reviews (
      id uuid primary key default gen_random_uuid(),
      assessment_id uuid not null references trl_assessments (id) on delete cascade,
      decision text not null check (decision in ('confirmed', 'adjusted')),
      level smallint not null check (level between 0 and 9),
      reason text not null,
      reviewer_id uuid references users (id) on delete set null,
      created_at timestamptz not null
    )`,
    'create index trl_reviews_assessment_idx on trl_reviews (assessment_id, created_at desc)',
  ])
}
