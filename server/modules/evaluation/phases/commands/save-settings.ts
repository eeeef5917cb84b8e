import type { EvaluationSettingsInput, EvaluationSettingsView } from '../../../../../shared/contracts/evaluation.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError, type FieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { normaliseHolidays, readEvaluationSettings } from '../../common/settings.ts'
import { hasAssignments, settingsView } from '../queries/settings.ts'

/** What the assignment was computed with: frozen once the call has an assignment. */
const lockedFields = [
  'expertsPerApplication',
  'practitionerRequired',
  'onePerCountry',
  'excludeApplicantCountries',
] as const

/** Field errors of the tie-break list: a criterion rule must name one of the call's criteria; no repeats. */
export function tieBreakErrors(tieBreaks: EvaluationSettingsInput['tieBreaks'], criterionIds: string[]): FieldError[] {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  tieBreaks.forEach((t, i) => {
    if (t.rule !== 'criterion' && t.criterionId !== undefined)
      errors.push({
        path: `tieBreaks.${i}.criterionId`,
        code: 'not_allowed',
        message: 'Only a criterion rule names a criterion.',
      })
    if (t.rule === 'criterion' && t.criterionId !== undefined && !criterionIds.includes(t.criterionId))
      errors.push({
        path: `tieBreaks.${i}.criterionId`,
        code: 'unknown_criterion',
        message: 'Not a criterion of the call.',
      })
    const key = `${t.rule}:${t.criterionId ?? ''}`
    if (seen.has(key))
      errors.push({ path: `tieBreaks.${i}.rule`, code: 'duplicate', message: 'This rule is already in the list.' })
    seen.add(key)
  })
  return errors
}

/**
 * Replaces the call's evaluation settings (operators). Experts per application and the panel rules are
 * what the assignment was computed with: once an assignment exists, changing them is 409
 * `evaluation_settings_locked` (the other settings stay editable). The public holidays are kept once each
 * and in order; they count for redress requests filed from then on (a request's due date is fixed when it
 * is filed). Audited with the previous values.
 */
export async function saveSettings(
  ctx: CommandContext,
  callId: string,
  input: EvaluationSettingsInput,
): Promise<EvaluationSettingsView> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const call = await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.manage')
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute()
    const criteria = callConfigOf(call.config).evaluation.criteria.map((c) => c.id)
    const errors = tieBreakErrors(input.tieBreaks, criteria)
    if (errors.length) throw new DomainError('validation_failed', 'The tie-break rules are not valid.', {}, errors)
    const before = await readEvaluationSettings(tx, callId)
    const changed = lockedFields.filter((f) => before[f] !== input[f])
    if (changed.length && (await hasAssignments(tx, callId)))
      throw new DomainError(
        'evaluation_settings_locked',
        'The call has assignments: experts per application and the panel rules no longer change.',
        { fields: changed },
        changed.map((f) => ({ path: f, code: 'locked', message: 'Locked once an assignment exists.' })),
      )
    const redressHolidays = normaliseHolidays(input.redressHolidays)
    const values = {
      experts_per_application: input.expertsPerApplication,
      practitioner_required: input.practitionerRequired,
      one_per_country: input.onePerCountry,
      exclude_applicant_countries: input.excludeApplicantCountries,
      anonymised: input.anonymised,
      spread_threshold: String(input.spreadThreshold),
      comment_min_length: input.commentMinLength,
      tie_breaks: JSON.stringify(input.tieBreaks),
      bid_weight: String(input.bidWeight),
      redress_window_days: input.redressWindowDays,
      redress_handling_working_days: input.redressHandlingWorkingDays,
      redress_holidays: redressHolidays,
      updated_at: now,
      updated_by: ctx.actor.userId,
    }
    await tx
      .insertInto('evaluation_settings')
      .values({ call_id: callId, ...values })
      .onConflict((oc) => oc.column('call_id').doUpdateSet(values))
      .execute()
    const { stored: _s, callId: _c, ...from } = before
    await recordAudit(tx, ctx, {
      action: 'evaluation.settings_saved',
      subjectType: 'call',
      subjectId: callId,
      change: { from, to: { ...input, redressHolidays } },
    })
    return settingsView(tx, call)
  })
}
