import { sql } from 'kysely'
import type { z } from 'zod'
import { callPhase } from '../../../../../shared/calls/time.ts'
import type { LocalizedText, Page } from '../../../../../shared/contracts/common.ts'
import type { callApplicationsQuery, operatorApplicationRow } from '../../../../../shared/contracts/screening.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { escapeLike } from '../../../../platform/db/like.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { type CallRow, loadCallAsStaff } from './call-access.ts'
import { consortiumMembers, shownAcronym, shownChallengeId, shownTitle } from './partners-sql.ts'

export type CallApplicationsQuery = z.output<typeof callApplicationsQuery>
export type CallApplicationFilters = Omit<CallApplicationsQuery, 'page' | 'pageSize' | 'sort'>
export type OperatorApplicationRow = z.input<typeof operatorApplicationRow>

const sortColumns = {
  reference: sql`a.reference`,
  submittedAt: sql`a.submitted_at`,
  requested: sql`s.requested`,
} as const

/** The applications of a call as its staff see them: every status, searched, filtered, sorted and paged. */
export async function listCallApplications(
  ctx: CommandContext,
  callId: string,
  query: CallApplicationsQuery,
): Promise<Page<OperatorApplicationRow>> {
  const call = await loadCallAsStaff(ctx.db, ctx.actor, callId, 'call.dashboard')
  const [rows, total] = await Promise.all([
    callApplicationRows(ctx.db, call.id, query, query.sort, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    filtered(ctx.db, call.id, query).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  const now = ctx.clock.now()
  return {
    items: rows.map((r) => toOperatorRow(r, call, now)),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** The applications that match the filters (no columns selected yet). */
export function filtered(db: Queryable, callId: string, f: CallApplicationFilters) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('organisations as lo', 'lo.id', 'a.lead_organisation_id')
    .leftJoin('application_revisions as sr', (join) =>
      join.onRef('sr.application_id', '=', 'a.id').onRef('sr.revision', '=', 'a.submitted_revision'),
    )
    .where('a.call_id', '=', callId)
  if (f.status) q = q.where('a.status', '=', f.status)
  if (f.admissibility) q = q.where('a.admissibility', '=', f.admissibility)
  if (f.challengeId) q = q.where(shownChallengeId, '=', f.challengeId)
  if (f.country) {
    const country = f.country
    q = q.where(
      sql<boolean>`exists (select 1 from ${consortiumMembers(callId)} m where m.application_id = a.id and m.country = ${country})`,
    )
  }
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`
    q = q.where((eb) =>
      eb.or([
        eb('a.reference', 'ilike', pattern),
        eb(shownAcronym, 'ilike', pattern),
        eb(shownTitle, 'ilike', pattern),
        sql<boolean>`exists (select 1 from ${consortiumMembers(callId)} m
          left join organisations o on o.id = m.organisation_id
          where m.application_id = a.id
            and (m.legal_name ilike ${pattern} or o.legal_name ilike ${pattern} or o.short_name ilike ${pattern}))`,
      ]),
    )
  }
  return q
}

/** Rows with their consortium figures and failed rules; the list pages them, the export takes them all. */
export function callApplicationRows(
  db: Queryable,
  callId: string,
  f: CallApplicationFilters,
  sort: string,
  page?: { limit: number; offset: number },
) {
  return callApplicationRowsQuery(db, callId, f, sort, page).execute()
}

export function callApplicationRowsQuery(
  db: Queryable,
  callId: string,
  f: CallApplicationFilters,
  sort: string,
  page?: { limit: number; offset: number },
) {
  const descending = sort.startsWith('-')
  const field = (descending ? sort.slice(1) : sort) as keyof typeof sortColumns
  // The consortium figures (as submitted, for what has been submitted: see consortiumMembers) and the
  // failing rules of the call's applications, aggregated once per table and hash-joined (per-row subqueries cost PostgreSQL more in plan estimates — enough to pay
  // for JIT compilation — than in execution).
  let q = filtered(db, callId, f)
    .leftJoin(
      (eb) =>
        eb
          .selectFrom(consortiumMembers(callId).as('m'))
          .groupBy('m.application_id')
          .select([
            'm.application_id',
            sql<string>`count(*)`.as('partners'),
            sql<string | null>`string_agg(distinct m.country, ',' order by m.country)`.as('countries'),
            sql<string>`count(*) filter (where m.sme)`.as('smes'),
            sql<string>`coalesce(sum(m.requested::bigint), 0)`.as('requested'),
          ])
          .as('s'),
      (join) => join.onRef('s.application_id', '=', 'a.id'),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('eligibility_results as e')
          .innerJoin('applications as ea', 'ea.id', 'e.application_id')
          .where('ea.call_id', '=', callId)
          .where(sql<boolean>`coalesce(e.override_outcome, e.outcome) = 'fail'`)
          .groupBy('e.application_id')
          .select(['e.application_id', sql<string>`string_agg(e.rule, ',' order by e.rule)`.as('failed')])
          .as('fr'),
      (join) => join.onRef('fr.application_id', '=', 'a.id'),
    )
    .leftJoin('challenges as ch', (join) => join.on(sql`ch.id`, '=', shownChallengeId))
    .leftJoin('domains as d', 'd.id', 'ch.domain_id')
    .select([
      'a.id',
      'a.reference',
      shownChallengeId.as('challenge_id'),
      shownAcronym.as('acronym'),
      shownTitle.as('title'),
      'a.status',
      'a.submitted_at',
      'a.submitted_revision',
      'a.admissibility',
      'a.admissibility_reason',
      'a.updated_at',
      'lo.legal_name as lead_name',
      'lo.country as lead_country',
      'ch.code as challenge_code',
      'd.code as domain_code',
      's.partners',
      's.countries',
      's.smes',
      's.requested',
      'fr.failed',
    ])
    .orderBy(sortColumns[field], (ob) => (descending ? ob.desc() : ob.asc()).nullsLast())
    .orderBy('a.reference')
  if (page) q = q.limit(page.limit).offset(page.offset)
  return q
}

export type ApplicationRow = Awaited<ReturnType<typeof callApplicationRows>>[number]

const split = (s: string | null) => (s ? s.split(',') : [])
const iso = (d: Date | string) => new Date(d).toISOString()

export function toOperatorRow(r: ApplicationRow, call: CallRow, now: Date): OperatorApplicationRow {
  return {
    id: r.id,
    reference: r.reference,
    call: {
      id: call.id,
      code: call.code,
      title: call.title as LocalizedText,
      phase: callPhase(
        {
          publishedAt: call.published_at,
          cancelledAt: call.cancelled_at,
          opensAt: call.opens_at,
          closesAt: call.closes_at,
        },
        now,
      ),
    },
    challengeId: r.challenge_id,
    acronym: r.acronym,
    title: r.title,
    status: r.status as OperatorApplicationRow['status'],
    leadOrganisation: r.lead_name,
    partnerCount: Number(r.partners ?? 0),
    myRole: null,
    submittedAt: r.submitted_at === null ? null : iso(r.submitted_at),
    deadline: iso(call.closes_at),
    admissibility: r.admissibility as OperatorApplicationRow['admissibility'],
    updatedAt: iso(r.updated_at),
    countries: split(r.countries),
    smeCount: Number(r.smes ?? 0),
    requestedCents: Number(r.requested ?? 0),
    failedRules: split(r.failed),
  }
}
