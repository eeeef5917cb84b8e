import { sql } from 'kysely'
import type { z } from 'zod'
import { callPhase } from '../../../../shared/calls/time.ts'
import type { ApplicationSummary, applicationListQuery } from '../../../../shared/contracts/applications.ts'
import type { LocalizedText, Page } from '../../../../shared/contracts/common.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { iso, isoOrNull } from './application-view.ts'

export type ApplicationListQuery = z.output<typeof applicationListQuery>

const sortColumns = {
  updatedAt: sql`a.updated_at`,
  reference: sql`a.reference`,
  submittedAt: sql`a.submitted_at`,
} as const

/**
 * "My applications": those of the consortia the caller is in (lead or accepted partner), whatever
 * their status. Operators see the applications of a call on its dashboard, not here.
 */
export async function listMyApplications(
  ctx: CommandContext,
  query: ApplicationListQuery,
): Promise<Page<ApplicationSummary>> {
  authorize(ctx.actor, 'application.view')
  const orgIds = [...ctx.actor.memberships.keys()]
  if (orgIds.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
  let base = ctx.db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .innerJoin('organisations as lo', 'lo.id', 'a.lead_organisation_id')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('application_partners as mp')
          .select('mp.id')
          .whereRef('mp.application_id', '=', 'a.id')
          .where('mp.status', '=', 'accepted')
          .where('mp.organisation_id', 'in', orgIds),
      ),
    )
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    base = base.where((eb) =>
      eb.or([eb('a.reference', 'ilike', pattern), eb('a.acronym', 'ilike', pattern), eb('a.title', 'ilike', pattern)]),
    )
  }
  if (query.callId) base = base.where('a.call_id', '=', query.callId)
  if (query.status) base = base.where('a.status', '=', query.status)
  const descending = query.sort.startsWith('-')
  const field = (descending ? query.sort.slice(1) : query.sort) as keyof typeof sortColumns
  const [rows, total] = await Promise.all([
    base
      .select([
        'a.id',
        'a.reference',
        'a.challenge_id',
        'a.acronym',
        'a.title',
        'a.status',
        'a.lead_organisation_id',
        'a.submitted_at',
        'a.admissibility',
        'a.updated_at',
        'c.id as call_id',
        'c.code as call_code',
        'c.title as call_title',
        'c.opens_at',
        'c.closes_at',
        'c.published_at',
        'c.cancelled_at',
        'lo.legal_name as lead_name',
        sql<string>`(select count(*) from application_partners p
          where p.application_id = a.id and p.status in ('invited', 'accepted'))`.as('partner_count'),
      ])
      .orderBy(sortColumns[field], descending ? sql`desc nulls last` : sql`asc nulls last`)
      .orderBy('a.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  const now = ctx.clock.now()
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      call: {
        id: r.call_id,
        code: r.call_code,
        title: r.call_title as LocalizedText,
        phase: callPhase(
          { publishedAt: r.published_at, cancelledAt: r.cancelled_at, opensAt: r.opens_at, closesAt: r.closes_at },
          now,
        ),
      },
      challengeId: r.challenge_id,
      acronym: r.acronym,
      title: r.title,
      status: r.status as ApplicationSummary['status'],
      leadOrganisation: r.lead_name,
      partnerCount: Number(r.partner_count),
      myRole: ctx.actor.memberships.has(r.lead_organisation_id) ? 'lead' : 'partner',
      submittedAt: isoOrNull(r.submitted_at),
      deadline: iso(r.closes_at),
      admissibility: r.admissibility as ApplicationSummary['admissibility'],
      updatedAt: iso(r.updated_at),
    })),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}
