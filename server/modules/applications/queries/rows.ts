import { type RawBuilder, sql } from 'kysely'
import {
  type PartnerFacts,
  type PartnerPart,
  partnerPart,
  smeCategories,
} from '../../../../shared/contracts/applications.ts'
import { type CallConfig, callConfig } from '../../../../shared/contracts/calls.ts'
import { countryCodes } from '../../../../shared/countries.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'

/** An application with the facts of its call and challenge that every use case needs. */
export function selectApplication(db: Queryable) {
  return db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .leftJoin('challenges as ch', 'ch.id', 'a.challenge_id')
    .selectAll('a')
    .select([
      'c.code as call_code',
      'c.title as call_title',
      'c.programme_id',
      'c.opens_at',
      'c.closes_at',
      'c.time_zone',
      'c.config as call_config',
      'c.config_version',
      'c.published_at',
      'c.cancelled_at',
      'c.screened_at',
      'c.updated_at as call_updated_at',
      'ch.trl_min as challenge_trl_min',
      'ch.trl_max as challenge_trl_max',
      sql<string[]>`(select coalesce(json_agg(cc.challenge_id order by cc.challenge_id), '[]'::json)
        from challenge_calls cc where cc.call_id = c.id)`.as('call_challenge_ids'),
      // The published version applicants see (what a receipt names); 1 until the opening freezes it.
      sql<number>`(select coalesce(max(cv.version), 1) from call_versions cv where cv.call_id = c.id)`.as(
        'published_call_version',
      ),
    ])
}
export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof selectApplication>['executeTakeFirstOrThrow']>>

/**
 * One application by id (404 `application_not_found` when there is none). `lock` takes the row FOR
 * UPDATE: every write of the working copy holds it, so writes of one application are serialised and
 * `version` moves one step at a time.
 */
export async function loadApplication(db: Queryable, id: string, lock = false): Promise<ApplicationRow> {
  let q = selectApplication(db).where('a.id', '=', id)
  if (lock) q = q.forUpdate('a')
  const row = await q.executeTakeFirst()
  if (!row) throw new DomainError('application_not_found')
  return row
}

// The configuration is parsed with its contract once per call and configuration version.
const configs = new Map<string, CallConfig>()

/** The call's configuration (rules, budget, form…), defaults filled in. */
export function configOf(row: Pick<ApplicationRow, 'call_id' | 'config_version' | 'call_updated_at' | 'call_config'>) {
  const key = `${row.call_id}:${row.config_version}:${new Date(row.call_updated_at).getTime()}`
  let config = configs.get(key)
  if (!config) {
    config = callConfig.parse(row.call_config)
    if (configs.size > 200) configs.clear()
    configs.set(key, config)
  }
  return config
}

export interface PartnerRow {
  id: string
  application_id: string
  organisation_id: string | null
  role: 'lead' | 'partner'
  status: 'invited' | 'accepted' | 'declined' | 'removed'
  invited_email: string | null
  invited_name: string | null
  token_expires_at: Date | null
  part: unknown
  part_version: number
  part_updated_at: Date | null
  confirmed_version: number | null
  confirmed_at: Date | null
  position: number
  legal_name: string | null
  country: string | null
  type: string | null
  sme_status: string | null
  linked: boolean | null
  other_applications: string[] | null
}

/** Applications of the call an organisation is "in" for the one-per-organisation rule. */
export const LIVE_STATUSES = ['draft', 'submitted'] as const

/**
 * Whether the organisation `alias` is linked to a programme partner: it is a cluster organisation of
 * the programme, or declares a partner or linked enterprise whose name is the legal or short name of
 * one (trimmed, case-insensitive). Shared by the applications and the consortia (one rule).
 */
export function linkedSql(alias: string, programmeId: string) {
  const id = sql.ref(`${alias}.id`)
  return sql<boolean>`(${id} is not null and exists (
    select 1 from clusters k join organisations ko on ko.id = k.organisation_id
    where k.programme_id = ${programmeId}
      and (k.organisation_id = ${id} or exists (
        select 1 from organisation_relations r
        where r.organisation_id = ${id}
          and lower(btrim(r.name)) in (lower(btrim(ko.legal_name)), lower(btrim(coalesce(ko.short_name, ''))))
      ))
  ))`
}

/**
 * References of the applications of `callId` in one of `statuses` where the organisation `alias` is the
 * lead or an accepted partner, other than `excludeApplicationId` (an SQL expression; null excludes none).
 */
export function otherApplicationsSql(
  alias: string,
  callId: string,
  // biome-ignore lint/suspicious/noExplicitAny: any SQL expression (a column or a parameter)
  excludeApplicationId: RawBuilder<any>,
  statuses: readonly string[] = LIVE_STATUSES,
) {
  const id = sql.ref(`${alias}.id`)
  return sql<string[]>`(select coalesce(json_agg(a2.reference order by a2.reference), '[]'::json)
    from application_partners p2 join applications a2 on a2.id = p2.application_id
    where ${id} is not null and p2.organisation_id = ${id} and p2.status = 'accepted'
      and a2.call_id = ${callId} and a2.id is distinct from ${excludeApplicationId}
      and a2.status in (${sql.join(statuses.map((s) => sql`${s}`))}))`
}

/**
 * The consortium (lead first, in invitation order) with each organisation's facts for the rules, in
 * one statement:
 *  - country, type and SME status (computed from the applicant profile) of the organisation;
 *  - `linked`: the organisation is a programme partner (a cluster organisation of the call's programme)
 *    or declares a partner or linked enterprise (organisation_relations) whose name is the legal or
 *    short name of one, compared trimmed and case-insensitively. A name match is what the profile
 *    allows; operators confirm at screening;
 *  - `other_applications`: references of the OTHER applications of the same call, in one of
 *    `statuses`, where the organisation is the lead or an accepted partner.
 */
export async function loadPartners(
  db: Queryable,
  app: { id: string; call_id: string; programme_id: string },
  statuses: readonly string[] = LIVE_STATUSES,
): Promise<PartnerRow[]> {
  const result = await sql<PartnerRow>`
    select p.id, p.application_id, p.organisation_id, p.role, p.status, p.invited_email, p.invited_name,
      p.token_expires_at, p.part, p.part_version, p.part_updated_at, p.confirmed_version, p.confirmed_at,
      p.position, o.legal_name, o.country, o.type, o.sme_status,
      ${linkedSql('o', app.programme_id)} as linked,
      ${otherApplicationsSql('o', app.call_id, sql`p.application_id`, statuses)} as other_applications
    from application_partners p
    left join organisations o on o.id = p.organisation_id
    where p.application_id = ${app.id}
    order by p.position`.execute(db)
  return result.rows
}

const countries: readonly string[] = countryCodes
const smes: readonly string[] = smeCategories

export function factsOf(p: PartnerRow): PartnerFacts {
  return {
    organisationId: p.organisation_id,
    legalName: p.legal_name,
    country: p.country && countries.includes(p.country) ? (p.country as PartnerFacts['country']) : null,
    type: p.type,
    smeStatus: p.sme_status && smes.includes(p.sme_status) ? (p.sme_status as PartnerFacts['smeStatus']) : null,
    linkedToProgrammePartner: p.linked === true,
    otherApplications: p.other_applications ?? [],
  }
}

/** A stored part read with its contract (an empty part gets every default). */
export function partOf(p: Pick<PartnerRow, 'part'>): PartnerPart {
  const raw = typeof p.part === 'string' ? (JSON.parse(p.part) as unknown) : p.part
  const parsed = partnerPart.safeParse(raw ?? {})
  return parsed.success ? parsed.data : partnerPart.parse({})
}

/** The partners that count: the lead and those that accepted. */
export function countingPartners<T extends Pick<PartnerRow, 'status'>>(partners: readonly T[]): T[] {
  return partners.filter((p) => p.status === 'accepted')
}
