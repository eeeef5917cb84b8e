import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * Evaluation and selection (issue 7 §3–11): from a closed call's admissible applications to a published,
 * explained selection.
 *
 * - `evaluation_settings`: one row per call (no row: defaults) — experts per application, panel rules,
 *   anonymised mode, the divergence spread, the minimum comment length, the ordered tie-break rules
 *   (JSON array of `{ "rule": "uncovered_challenge" | "criterion" | "more_smes" | "more_countries" |
 *   "earlier_submission", "criterionId"?: string }`), the bid weight, and the redress window and
 *   handling time.
 * - `evaluation_phases`: individual, consensus and panel phases of a call, each with its dates; the clock
 *   and these dates gate what experts and staff see and may do.
 * - `expert_bids`: yes / maybe / no an approved expert gives on an application's title and abstract.
 * - `assignment_runs`: an optimiser run (a background job) with its progress and outcome.
 * - `evaluation_assignments`: expert ↔ application pairs. `locked` pairs are kept by every re-run;
 *   `status` goes assigned → confirmed (the expert confirmed "no conflict") or recused (declared a
 *   conflict; a replacement is assigned) or removed (by an operator or a re-run).
 * - `evaluations`: an expert's individual evaluation of one assignment, pointing at the application
 *   revision it scored. `scores` is `{ [criterionId]: { "score": number | null, "comment": string } }`.
 * - `consensus_records`: the moderator's consensus per application. `scores` is `{ [criterionId]:
 *   { "score": number, "comment": string, "justification": string } }` (justification required where the
 *   score departs from the mean of the individual scores).
 * - `consensus_messages`: the discussion thread of an application among its experts and moderators.
 * - `selection_scenarios`: what-if selections: `params` (budget, quotas, caps, geographic balance) and
 *   the optimiser's `result` (selected, reserve, explanations, totals). One scenario per call is adopted.
 * - `evaluation_decisions`: funded / reserve / rejected per application — a decision of its own,
 *   separate from scores and from its notification; the applicant's response to a grant offer.
 * - `redress_requests`: an applicant's request for redress within the window, and its handling.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table evaluation_settings (
      call_id uuid primary key references calls (id) on delete cascade,
      experts_per_application integer not null default 3 check (experts_per_application between 1 and 10),
      practitioner_required boolean not null default true,
      one_per_country boolean not null default true,
      exclude_applicant_countries boolean not null default false,
      anonymised boolean not null default false,
      spread_threshold numeric(6, 2) not null default 1.5 check (spread_threshold >= 0),
      comment_min_length integer not null default 100 check (comment_min_length between 0 and 5000),
      tie_breaks jsonb not null default '[{"rule":"uncovered_challenge"},{"rule":"criterion"},{"rule":"more_smes"},{"rule":"more_countries"},{"rule":"earlier_submission"}]'::jsonb,
      bid_weight numeric(4, 2) not null default 0.3 check (bid_weight between 0 and 1),
      redress_window_days integer not null default 5 check (redress_window_days between 0 and 90),
      redress_handling_working_days integer not null default 15 check (redress_handling_working_days between 1 and 120),
      updated_at timestamptz not null,
      updated_by uuid references users (id) on delete set null
    )`,
    `create table evaluation_phases (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      kind text not null check (kind in ('individual', 'consensus', 'panel')),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      updated_at timestamptz not null,
      updated_by uuid references users (id) on delete set null,
      unique (call_id, kind),
      check (ends_at > starts_at)
    )`,
    `create table expert_bids (
      application_id uuid not null references applications (id) on delete cascade,
      user_id uuid not null references expert_profiles (user_id) on delete cascade,
      call_id uuid not null references calls (id) on delete cascade,
      bid text not null check (bid in ('yes', 'maybe', 'no')),
      updated_at timestamptz not null,
      primary key (application_id, user_id)
    )`,
    'create index expert_bids_call_idx on expert_bids (call_id, user_id)',
    `create table assignment_runs (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      progress jsonb not null default '{}'::jsonb,
      params jsonb not null default '{}'::jsonb,
      result jsonb,
      error jsonb,
      started_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      started_at timestamptz,
      finished_at timestamptz
    )`,
    'create index assignment_runs_call_idx on assignment_runs (call_id, created_at desc)',
    `create table evaluation_assignments (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      application_id uuid not null references applications (id) on delete cascade,
      user_id uuid not null references expert_profiles (user_id) on delete cascade,
      affinity double precision not null default 0,
      explanation jsonb not null default '{}'::jsonb,
      locked boolean not null default false,
      source text not null check (source in ('optimiser', 'manual', 'reassignment')),
      run_id uuid references assignment_runs (id) on delete set null,
      status text not null default 'assigned' check (status in ('assigned', 'confirmed', 'recused', 'removed')),
      confirmed_at timestamptz,
      recused_at timestamptz,
      recusal_reason text,
      removed_at timestamptz,
      removed_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      created_by uuid references users (id) on delete set null
    )`,
    `create unique index evaluation_assignments_active_idx on evaluation_assignments (application_id, user_id)
      where status in ('assigned', 'confirmed')`,
    'create index evaluation_assignments_call_idx on evaluation_assignments (call_id, status)',
    'create index evaluation_assignments_user_idx on evaluation_assignments (user_id, status)',
    `create table evaluations (
      id uuid primary key default gen_random_uuid(),
      assignment_id uuid not null unique references evaluation_assignments (id) on delete cascade,
      call_id uuid not null references calls (id) on delete cascade,
      application_id uuid not null references applications (id) on delete cascade,
      user_id uuid not null references expert_profiles (user_id) on delete cascade,
      revision integer not null,
      scores jsonb not null default '{}'::jsonb,
      overall_comment text not null default '',
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      submitted_at timestamptz,
      reopened_at timestamptz,
      reopened_by uuid references users (id) on delete set null,
      reopen_reason text
    )`,
    'create index evaluations_application_idx on evaluations (application_id, status)',
    'create index evaluations_user_idx on evaluations (user_id, call_id)',
    `create table consensus_records (
      application_id uuid primary key references applications (id) on delete cascade,
      call_id uuid not null references calls (id) on delete cascade,
      scores jsonb not null default '{}'::jsonb,
      overall_comment text not null default '',
      minority_view text not null default '',
      status text not null default 'draft' check (status in ('draft', 'final')),
      version integer not null default 1,
      recorded_by uuid references users (id) on delete set null,
      recorded_at timestamptz not null,
      finalised_at timestamptz,
      finalised_by uuid references users (id) on delete set null
    )`,
    'create index consensus_records_call_idx on consensus_records (call_id, status)',
    `create table consensus_messages (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      body text not null,
      created_at timestamptz not null
    )`,
    'create index consensus_messages_application_idx on consensus_messages (application_id, created_at)',
    `create table selection_scenarios (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls (id) on delete cascade,
      name text not null,
      params jsonb not null,
      result jsonb not null,
      status text not null default 'draft' check (status in ('draft', 'adopted', 'superseded')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      adopted_at timestamptz,
      adopted_by uuid references users (id) on delete set null
    )`,
    'create index selection_scenarios_call_idx on selection_scenarios (call_id, created_at desc)',
    `create unique index selection_scenarios_adopted_idx on selection_scenarios (call_id) where status = 'adopted'`,
    `create table evaluation_decisions (
      application_id uuid primary key references applications (id) on delete cascade,
      call_id uuid not null references calls (id) on delete cascade,
      outcome text not null check (outcome in ('funded', 'reserve', 'rejected')),
      reserve_rank integer,
      rank integer,
      granted_cents bigint check (granted_cents >= 0),
      requested_cents bigint not null default 0 check (requested_cents >= 0),
      reason jsonb not null default '{}'::jsonb,
      scenario_id uuid references selection_scenarios (id) on delete set null,
      decided_by uuid references users (id) on delete set null,
      decided_at timestamptz not null,
      notified_at timestamptz,
      notified_by uuid references users (id) on delete set null,
      response text check (response in ('accepted', 'declined')),
      responded_at timestamptz,
      responded_by uuid references users (id) on delete set null,
      promoted_at timestamptz,
      check ((outcome = 'reserve') = (reserve_rank is not null))
    )`,
    'create index evaluation_decisions_call_idx on evaluation_decisions (call_id, outcome, reserve_rank)',
    `create table redress_requests (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      call_id uuid not null references calls (id) on delete cascade,
      grounds text not null,
      filed_by uuid references users (id) on delete set null,
      filed_at timestamptz not null,
      due_at timestamptz not null,
      status text not null default 'open' check (status in ('open', 'upheld', 'partially_upheld', 'dismissed')),
      outcome text,
      handled_by uuid references users (id) on delete set null,
      handled_at timestamptz
    )`,
    'create index redress_requests_call_idx on redress_requests (call_id, status, due_at)',
    `create unique index redress_requests_open_idx on redress_requests (application_id) where status = 'open'`,
  ])
}
