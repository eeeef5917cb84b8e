import { sql } from 'kysely'
import { instantToLocal } from '../../../../../shared/calls/time.ts'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { CallDashboard } from '../../../../../shared/contracts/screening.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { overTime } from '../domain/over-time.ts'
import { budgetTotalOf, type CallRow, loadCallAsStaff } from './call-access.ts'
import { snapCountry, snapIsSme, snapOrganisation, snapRequestedCents, submittedRevisions } from './partners-sql.ts'

/**
 * The statistics of a call in the shape SecurIT published them (DOMAIN.md §1.4): applications over time,
 * partners by country, applications by domain and challenge, the share of cross-border consortia, SMEs
 * per application, the budget requested against the call's budget and the admissibility decisions.
 * Everything about consortia counts the submitted applications only, as their current revision holds
 * them (the challenge, the lead and accepted partners with their facts and parts at submission): edits
 * of the working copy after a submission, and changes of profiles, do not move the figures until the
 * application is submitted again. A handful of grouped statements, one revision read per application.
 */
export async function callDashboard(ctx: CommandContext, callId: string): Promise<CallDashboard> {
  const call = await loadCallAsStaff(ctx.db, ctx.actor, callId, 'call.dashboard')
  return dashboardOf(ctx.db, call)
}

type Num = string | number | null

export async function dashboardOf(db: Queryable, call: CallRow): Promise<CallDashboard> {
  const id = call.id
  const subs = submittedRevisions(id)
  const [statuses, totals, perApp, countries, domains, challenges, firsts] = await Promise.all([
    sql<{ status: string; admissibility: string; n: Num }>`
      select status, admissibility, count(*) as n from applications where call_id = ${id}
      group by status, admissibility`.execute(db),
    sql<{ organisations: Num; smes: Num; countries: Num; requested: Num }>`
      with s as (${subs})
      select count(distinct ${snapOrganisation}) as organisations,
             count(distinct ${snapOrganisation}) filter (where ${snapIsSme}) as smes,
             count(distinct ${snapCountry}) as countries,
             coalesce(sum(${snapRequestedCents}), 0) as requested
      from s cross join lateral jsonb_array_elements(s.content -> 'partners') as sp(p)`.execute(db),
    sql<{ smes: Num; n: Num; cross_border: Num }>`
      with s as (${subs})
      select x.smes, count(*) as n, count(*) filter (where x.countries > 1) as cross_border
      from (
        select s.id,
               count(sp.p) filter (where ${snapIsSme}) as smes,
               count(distinct ${snapCountry}) as countries
        from s left join lateral jsonb_array_elements(s.content -> 'partners') as sp(p) on true
        group by s.id
      ) x
      group by x.smes order by x.smes`.execute(db),
    sql<{ country: string; n: Num }>`
      with s as (${subs})
      select ${snapCountry} as country, count(*) as n
      from s cross join lateral jsonb_array_elements(s.content -> 'partners') as sp(p)
      where ${snapCountry} is not null
      group by 1 order by count(*) desc, 1`.execute(db),
    sql<{ code: string | null; name: LocalizedText | null; position: number | null; n: Num }>`
      with s as (${subs})
      select d.code, d.name, d.position, count(s.id) as n
      from domains d
      left join challenges ch on ch.domain_id = d.id
      left join s on s.challenge_id = ch.id
      where d.programme_id = ${call.programme_id}
      group by d.id, d.code, d.name, d.position
      union all
      select null, null, null, count(*) from s where s.challenge_id is null
      having count(*) > 0
      order by 3 nulls last`.execute(db),
    sql<{ code: string | null; title: string | null; n: Num }>`
      with s as (${subs})
      select ch.code, ch.title, count(s.id) as n
      from challenges ch
      left join s on s.challenge_id = ch.id
      where ch.id in (select challenge_id from challenge_calls where call_id = ${id})
         or ch.id in (select challenge_id from s)
      group by ch.id, ch.code, ch.title
      union all
      select null, null, count(*) from s where s.challenge_id is null
      having count(*) > 0
      order by 1 nulls last`.execute(db),
    sql<{ first: Date | string }>`
      select (select r.submitted_at from application_revisions r
              where r.application_id = a.id order by r.revision limit 1) as first
      from applications a where a.call_id = ${id} and a.status = 'submitted'`.execute(db),
  ])

  const count = (status: string, adm?: string) =>
    statuses.rows
      .filter((r) => r.status === status && (adm === undefined || r.admissibility === adm))
      .reduce((s, r) => s + Number(r.n), 0)
  const submitted = count('submitted')
  const t = totals.rows[0]
  const smeSum = perApp.rows.reduce((s, r) => s + Number(r.smes) * Number(r.n), 0)
  const crossBorder = perApp.rows.reduce((s, r) => s + Number(r.cross_border), 0)
  const days = firsts.rows
    .filter((r) => r.first !== null)
    .map((r) => instantToLocal(new Date(r.first), call.time_zone).slice(0, 10))

  return {
    callId: id,
    submitted,
    drafts: count('draft'),
    withdrawn: count('withdrawn'),
    organisations: Number(t?.organisations ?? 0),
    smes: Number(t?.smes ?? 0),
    countries: Number(t?.countries ?? 0),
    crossBorderShare: submitted === 0 ? 0 : round(crossBorder / submitted, 4),
    averageSmesPerApplication: submitted === 0 ? 0 : round(smeSum / submitted, 2),
    requestedCents: Number(t?.requested ?? 0),
    budgetTotalCents: budgetTotalOf(call),
    overTime: overTime(days),
    byCountry: countries.rows.map((r) => ({ key: r.country, label: null, count: Number(r.n) })),
    byDomain: domains.rows.map((r) => ({ key: r.code ?? 'none', label: r.name, count: Number(r.n) })),
    byChallenge: challenges.rows.map((r) => ({
      key: r.code ?? 'none',
      label: r.title === null ? null : { en: r.title },
      count: Number(r.n),
    })),
    smesPerApplication: perApp.rows.map((r) => ({ smes: Number(r.smes), count: Number(r.n) })),
    admissibility: {
      pending: count('submitted', 'pending'),
      admissible: count('submitted', 'admissible'),
      inadmissible: count('submitted', 'inadmissible'),
    },
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
