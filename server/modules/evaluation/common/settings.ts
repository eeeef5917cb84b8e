import { sql } from 'kysely'
import type { Queryable } from '../../../platform/db/client.ts'

export const tieBreakRules = [
  'uncovered_challenge',
  'criterion',
  'more_smes',
  'more_countries',
  'earlier_submission',
] as const
export type TieBreakRule = (typeof tieBreakRules)[number]
/** One ordered tie-break rule; `criterion` without `criterionId` means "each criterion in the call's order". */
export interface TieBreak {
  rule: TieBreakRule
  criterionId?: string
}

/** A call's evaluation settings (`evaluation_settings`; defaults when the call has no row). */
export interface EvaluationSettingsRow {
  callId: string
  expertsPerApplication: number
  practitionerRequired: boolean
  onePerCountry: boolean
  excludeApplicantCountries: boolean
  anonymised: boolean
  spreadThreshold: number
  commentMinLength: number
  tieBreaks: TieBreak[]
  bidWeight: number
  redressWindowDays: number
  redressHandlingWorkingDays: number
  /** Local days (`YYYY-MM-DD`, in order) that are not working days for the redress due date. */
  redressHolidays: string[]
  /** False when these are the defaults (no row stored yet). */
  stored: boolean
}

export const defaultTieBreaks: TieBreak[] = [
  { rule: 'uncovered_challenge' },
  { rule: 'criterion' },
  { rule: 'more_smes' },
  { rule: 'more_countries' },
  { rule: 'earlier_submission' },
]

export function defaultSettings(callId: string): EvaluationSettingsRow {
  return {
    callId,
    expertsPerApplication: 3,
    practitionerRequired: true,
    onePerCountry: true,
    excludeApplicantCountries: false,
    anonymised: false,
    spreadThreshold: 1.5,
    commentMinLength: 100,
    tieBreaks: defaultTieBreaks,
    bidWeight: 0.3,
    redressWindowDays: 5,
    redressHandlingWorkingDays: 15,
    redressHolidays: [],
    stored: false,
  }
}

export async function readEvaluationSettings(db: Queryable, callId: string): Promise<EvaluationSettingsRow> {
  const row = await db
    .selectFrom('evaluation_settings')
    .selectAll()
    // A `date[]` comes back as strings from PGlite but as Dates from node-postgres: read it as text.
    .select(sql<string[]>`redress_holidays::text[]`.as('holidays'))
    .where('call_id', '=', callId)
    .executeTakeFirst()
  if (!row) return defaultSettings(callId)
  return {
    callId,
    expertsPerApplication: row.experts_per_application,
    practitionerRequired: row.practitioner_required,
    onePerCountry: row.one_per_country,
    excludeApplicantCountries: row.exclude_applicant_countries,
    anonymised: row.anonymised,
    spreadThreshold: Number(row.spread_threshold),
    commentMinLength: row.comment_min_length,
    tieBreaks: row.tie_breaks as unknown as TieBreak[],
    bidWeight: Number(row.bid_weight),
    redressWindowDays: row.redress_window_days,
    redressHandlingWorkingDays: row.redress_handling_working_days,
    redressHolidays: row.holidays,
    stored: true,
  }
}

/** The days a redress list keeps: each once, in calendar order (`YYYY-MM-DD` sorts as text). */
export function normaliseHolidays(days: readonly string[]): string[] {
  return [...new Set(days)].sort()
}
