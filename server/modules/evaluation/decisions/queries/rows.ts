import type { CallConfig } from '../../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { DecisionItem, DecisionReason } from '../../../../../shared/contracts/evaluation-decisions.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { callConfigOf } from '../../../calls/index.ts'

export const iso = (d: Date | string) => new Date(d).toISOString()
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d))
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/** The adopted scenario's result as the selection writes it (INTERFACES §C); only what decisions read. */
export interface ScenarioResult {
  budgetCents: number
  spentCents: number
  selected: { applicationId: string; rank: number; grantedCents: number }[]
  reserve: { applicationId: string; rank: number; reserveRank: number }[]
  out: { applicationId: string; rank: number | null }[]
  explanations: Record<string, DecisionReason>
}

export interface AdoptedScenario {
  id: string
  name: string
  adoptedAt: string | null
  result: ScenarioResult
}

/** The call's adopted scenario (at most one per call), or null. */
export async function loadAdoptedScenario(db: Queryable, callId: string): Promise<AdoptedScenario | null> {
  const row = await db
    .selectFrom('selection_scenarios')
    .select(['id', 'name', 'adopted_at', 'result'])
    .where('call_id', '=', callId)
    .where('status', '=', 'adopted')
    .executeTakeFirst()
  if (!row) return null
  const r = json<Partial<ScenarioResult>>(row.result)
  return {
    id: row.id,
    name: row.name,
    adoptedAt: isoOrNull(row.adopted_at),
    result: {
      budgetCents: Number(r.budgetCents ?? 0),
      spentCents: Number(r.spentCents ?? 0),
      selected: r.selected ?? [],
      reserve: r.reserve ?? [],
      out: r.out ?? [],
      explanations: r.explanations ?? {},
    },
  }
}

/** The decisions of a call with what the operators' table shows, funded first, then reserve order, then rank. */
export async function listDecisions(db: Queryable, callId: string): Promise<DecisionItem[]> {
  const rows = await db
    .selectFrom('evaluation_decisions as d')
    .innerJoin('applications as a', 'a.id', 'd.application_id')
    .innerJoin('organisations as o', 'o.id', 'a.lead_organisation_id')
    .select([
      'd.application_id',
      'a.reference',
      'a.acronym',
      'o.legal_name',
      'd.outcome',
      'd.rank',
      'd.reserve_rank',
      'd.requested_cents',
      'd.granted_cents',
      'd.adjustment_reason',
      'd.reason',
      'd.decided_at',
      'd.notified_at',
      'd.response',
      'd.responded_at',
      'd.promoted_at',
    ])
    .where('d.call_id', '=', callId)
    .execute()
  const order = { funded: 0, reserve: 1, rejected: 2 } as Record<string, number>
  return rows
    .map((r) => ({
      applicationId: r.application_id,
      reference: r.reference,
      acronym: r.acronym,
      leadOrganisation: r.legal_name,
      outcome: r.outcome as DecisionItem['outcome'],
      rank: r.rank,
      reserveRank: r.reserve_rank,
      requestedCents: Number(r.requested_cents),
      grantedCents: r.granted_cents === null ? null : Number(r.granted_cents),
      adjustmentReason: r.adjustment_reason,
      reason: json<DecisionReason>(r.reason),
      decidedAt: iso(r.decided_at),
      notifiedAt: isoOrNull(r.notified_at),
      response: r.response as DecisionItem['response'],
      respondedAt: isoOrNull(r.responded_at),
      promotedAt: isoOrNull(r.promoted_at),
    }))
    .sort(
      (a, b) =>
        (order[a.outcome] ?? 3) - (order[b.outcome] ?? 3) ||
        (a.reserveRank ?? 0) - (b.reserveRank ?? 0) ||
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.reference.localeCompare(b.reference),
    )
}

export interface ApplicantApplication {
  id: string
  reference: string
  acronym: string
  title: string
  leadOrganisationId: string
  call: {
    id: string
    code: string
    title: LocalizedText
    timeZone: string
    programmeId: string
    config: CallConfig
  }
  /** Organisations of the consortium: the lead and the partners that accepted. */
  organisationIds: string[]
  /** The caller belongs to the lead organisation (answers the grant offer). */
  lead: boolean
}

/** An application with its call and consortium organisations (no access check: callers check). */
export async function loadApplicationRecord(db: Queryable, applicationId: string): Promise<ApplicantApplication> {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select([
      'a.id',
      'a.reference',
      'a.acronym',
      'a.title',
      'a.lead_organisation_id',
      'c.id as call_id',
      'c.code',
      'c.title as call_title',
      'c.time_zone',
      'c.programme_id',
      'c.config',
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
  if (!row) throw new DomainError('application_not_found')
  const partners = await db
    .selectFrom('application_partners')
    .select('organisation_id')
    .where('application_id', '=', applicationId)
    .where('status', '=', 'accepted')
    .where('organisation_id', 'is not', null)
    .execute()
  const organisationIds = [
    ...new Set([row.lead_organisation_id, ...partners.map((p) => p.organisation_id).filter((o): o is string => !!o)]),
  ]
  return {
    id: row.id,
    reference: row.reference,
    acronym: row.acronym,
    title: row.title,
    leadOrganisationId: row.lead_organisation_id,
    call: {
      id: row.call_id,
      code: row.code,
      title: json<LocalizedText>(row.call_title),
      timeZone: row.time_zone,
      programmeId: row.programme_id,
      config: callConfigOf(json(row.config)),
    },
    organisationIds,
    lead: false,
  }
}

/**
 * An application for a member of one of its organisations (the lead or an accepted partner). Anyone
 * else — operators included: they have their own pages — gets 404 `application_not_found`.
 */
export async function loadForApplicant(
  db: Queryable,
  actor: Actor,
  applicationId: string,
): Promise<ApplicantApplication> {
  const app = await loadApplicationRecord(db, applicationId)
  const member = (orgId: string) => actor.kind === 'system' || actor.memberships.has(orgId)
  if (actor.disabled || !app.organisationIds.some(member)) throw new DomainError('application_not_found')
  return { ...app, lead: member(app.leadOrganisationId) }
}

/** The members (people) of the organisations of an application: who is notified of its result. */
export async function memberUserIds(db: Queryable, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return []
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .distinct()
    .where('organisation_id', 'in', organisationIds)
    .execute()
  return rows.map((r) => r.user_id)
}
