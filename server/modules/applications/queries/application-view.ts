import { sql } from 'kysely'
import { callPhase, instantToLocal, isLate, localToInstant } from '../../../../shared/calls/time.ts'
import type {
  Answers,
  Application,
  ApplicationPartner,
  ApplicationStatus,
  EligibilityView,
  RevisionSummary,
  SignedReceipt,
} from '../../../../shared/contracts/applications.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { applicationAbilities } from '../domain/abilities.ts'
import { type Access, accessOf } from '../domain/access.ts'
import { writeRefusal } from '../domain/gate.ts'
import { isReady, readinessOf } from '../domain/readiness.ts'
import {
  type ApplicationRow,
  configOf,
  factsOf,
  loadPartners,
  type PartnerRow,
  partOf,
  selectApplication,
} from './rows.ts'

export const iso = (d: Date | string) => new Date(d).toISOString()
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d))

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/** The partner rows as the contract (and the rules engine) see them; declined and removed ones included. */
export function toPartners(partners: readonly PartnerRow[], access: Access | null): ApplicationPartner[] {
  return partners.map((p) => ({
    id: p.id,
    role: p.role,
    status: p.status,
    invitedEmail: p.invited_email,
    invitedName: p.invited_name,
    facts: factsOf(p),
    part: partOf(p),
    partVersion: p.part_version,
    partUpdatedAt: isoOrNull(p.part_updated_at),
    confirmedVersion: p.confirmed_version,
    confirmedAt: isoOrNull(p.confirmed_at),
    mine: access?.ownPartnerIds.includes(p.id) ?? false,
  }))
}

/** The call's schedule as the contract states it. */
export function scheduleOf(row: ApplicationRow) {
  const qa = configOf(row).timeline.qaClosesAt
  const qaInstant = qa ? localToInstant(qa, row.time_zone) : null
  return {
    opensAt: iso(row.opens_at),
    deadline: iso(row.closes_at),
    timeZone: row.time_zone,
    opensAtLocal: instantToLocal(new Date(row.opens_at), row.time_zone),
    deadlineLocal: instantToLocal(new Date(row.closes_at), row.time_zone),
    qaClosesAt: qaInstant && 'instant' in qaInstant ? qaInstant.instant.toISOString() : null,
  }
}

export function phaseOf(row: ApplicationRow, now: Date) {
  return callPhase(
    { publishedAt: row.published_at, cancelledAt: row.cancelled_at, opensAt: row.opens_at, closesAt: row.closes_at },
    now,
  )
}

export function refusalOf(row: ApplicationRow, now: Date) {
  return writeRefusal(
    { publishedAt: row.published_at, cancelledAt: row.cancelled_at, opensAt: row.opens_at, closesAt: row.closes_at },
    row.status as ApplicationStatus,
    now,
  )
}

/** 404 unless the caller is in the consortium or staff of the programme. */
export function requireVisible(actor: Actor, row: ApplicationRow, partners: readonly PartnerRow[]): Access {
  const access = accessOf(actor, row, partners)
  if (!access.visible) throw new DomainError('application_not_found')
  return access
}

interface RevisionRow {
  revision: number
  digest: string
  submitted_at: string
  submitted_by_name: string | null
  receipt: unknown
  working_version: string | null
}

/** The application with its revisions (the current one's receipt only), in one statement. */
export async function loadApplicationView(db: Queryable, id: string) {
  const row = await selectApplication(db)
    .select(
      sql<RevisionRow[]>`(select coalesce(json_agg(json_build_object(
          'revision', r.revision, 'digest', r.digest, 'submitted_at', r.submitted_at,
          'submitted_by_name', u.name,
          'receipt', case when r.revision = a.submitted_revision then r.receipt end,
          'working_version', r.content->'application'->>'version') order by r.revision), '[]'::json)
        from application_revisions r left join users u on u.id = r.submitted_by
        where r.application_id = a.id)`.as('revisions'),
    )
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new DomainError('application_not_found')
  return row
}

/** Eligibility results are the screening's (subfolder `screening/`); shown once screened. */
export type EligibilityReader = (db: Queryable, actor: Actor, row: ApplicationRow) => Promise<EligibilityView | null>
let eligibilityReader: EligibilityReader | null = null
/** The screening part of the module plugs its reader in here (called from index.ts). */
export function setEligibilityReader(reader: EligibilityReader): void {
  eligibilityReader = reader
}

/**
 * The application as the caller sees it: answers, the consortium with each organisation's facts, the
 * readiness list from the shared engine, revisions and the latest receipt, and the abilities with
 * their reasons. Two statements: the application (with its call and revisions) and the consortium.
 */
export async function readApplication(db: Queryable, actor: Actor, now: Date, id: string): Promise<Application> {
  const row = await loadApplicationView(db, id)
  const partnerRows = await loadPartners(db, row)
  const access = requireVisible(actor, row, partnerRows)
  const config = configOf(row)
  const partners = toPartners(partnerRows, access)
  const answers = json<Answers>(row.answers)
  const readiness = readinessOf({
    config,
    challengeId: row.challenge_id,
    challengeTrl:
      row.challenge_id === null ? null : { min: row.challenge_trl_min ?? null, max: row.challenge_trl_max ?? null },
    challengeIds: json<string[]>(row.call_challenge_ids),
    answers,
    partners,
  })
  const revisionRows = json<RevisionRow[]>(row.revisions)
  // Nothing to show before the call is screened or an admissibility decided: no query.
  const screened = row.screened_at !== null || row.admissibility !== 'pending'
  const eligibility = eligibilityReader && screened ? await eligibilityReader(db, actor, row) : null
  const status = row.status as ApplicationStatus
  const revisions: RevisionSummary[] = revisionRows.map((r) => ({
    revision: r.revision,
    digest: r.digest,
    submittedAt: iso(r.submitted_at),
    submittedBy: r.submitted_by_name ?? null,
    current: status === 'submitted' && r.revision === row.submitted_revision,
  }))
  const latest = revisionRows.find((r) => r.revision === row.submitted_revision)
  const changedSinceSubmission =
    status === 'submitted' && latest !== undefined && Number(latest.working_version) !== row.version
  return {
    id: row.id,
    reference: row.reference,
    call: {
      id: row.call_id,
      code: row.call_code,
      title: json<LocalizedText>(row.call_title),
      phase: phaseOf(row, now),
      schedule: scheduleOf(row),
      version: row.config_version,
    },
    challengeId: row.challenge_id,
    leadOrganisationId: row.lead_organisation_id,
    acronym: row.acronym,
    title: row.title,
    status,
    answers,
    answerMeta: json<Application['answerMeta']>(row.answer_meta),
    version: row.version,
    partners,
    readiness,
    submittedRevision: row.submitted_revision,
    submittedAt: isoOrNull(row.submitted_at),
    changedSinceSubmission,
    revisions,
    latestReceipt: latest?.receipt ? json<SignedReceipt>(latest.receipt) : null,
    eligibility,
    serverNow: now.toISOString(),
    abilities: applicationAbilities(actor, access, {
      refusal: refusalOf(row, now),
      status,
      late: isLate(row.closes_at, now),
      ready: isReady(readiness),
    }),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}
