import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { CallSummary, Programme } from '../../../../shared/contracts/programmes.ts'
import type { Database } from '../../../platform/db/client.ts'

export function callStatus(opensAt: Date, closesAt: Date, now: Date): CallSummary['status'] {
  if (now < opensAt) return 'upcoming'
  if (now < closesAt) return 'open'
  return 'closed'
}

/** The programme with its partner clusters, domains and listed calls (public facts only, whoever asks). */
export async function getProgramme(db: Database, now: Date, slug?: string): Promise<Programme | null> {
  let q = db.selectFrom('programmes').selectAll()
  q = slug ? q.where('slug', '=', slug) : q.orderBy('created_at').limit(1)
  const p = await q.executeTakeFirst()
  if (!p) return null
  const [clusters, domains, calls] = await Promise.all([
    db
      .selectFrom('clusters as c')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select([
        'c.id',
        'c.organisation_id',
        'c.role',
        'c.description',
        'o.legal_name',
        'o.short_name',
        'o.country',
        'o.website',
      ])
      .where('c.programme_id', '=', p.id)
      .orderBy('c.position')
      .execute(),
    db.selectFrom('domains').selectAll().where('programme_id', '=', p.id).orderBy('position').execute(),
    // The listed calls only (the calls module's rule, `listedCallSql`): published and not cancelled. A
    // draft is for the programme's operators, in their own views (GET /api/v1/calls), never here.
    db
      .selectFrom('calls')
      .selectAll()
      .where('programme_id', '=', p.id)
      .where('published_at', 'is not', null)
      .where('cancelled_at', 'is', null)
      .orderBy('opens_at')
      .execute(),
  ])
  return {
    id: p.id,
    slug: p.slug,
    acronym: p.acronym,
    name: p.name,
    summary: p.summary as LocalizedText,
    description: p.description as LocalizedText,
    grantReference: p.grant_reference,
    website: p.website,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    timeZone: p.time_zone,
    requireOperatorTwoFactor: p.require_operator_two_factor,
    clusters: clusters.map((c) => ({
      id: c.id,
      organisationId: c.organisation_id,
      name: c.legal_name,
      shortName: c.short_name,
      country: c.country,
      website: c.website,
      role: c.role as 'coordinator' | 'partner' | 'platform',
      description: c.description as LocalizedText,
    })),
    domains: domains.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name as LocalizedText,
      description: d.description as LocalizedText,
    })),
    calls: calls.map((c) => {
      const opensAt = new Date(c.opens_at)
      const closesAt = new Date(c.closes_at)
      return {
        id: c.id,
        code: c.code,
        title: c.title as LocalizedText,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        timeZone: c.time_zone,
        status: callStatus(opensAt, closesAt, now),
      }
    }),
  }
}
