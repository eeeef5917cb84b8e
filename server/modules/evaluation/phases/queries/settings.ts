import type { EvaluationSettingsView } from '../../../../../shared/contracts/evaluation.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { readEvaluationSettings } from '../../common/settings.ts'

/** Whether the call has an assignment (any but removed): the panel rules are then locked. */
export async function hasAssignments(db: Queryable, callId: string): Promise<boolean> {
  const r = await db
    .selectFrom('evaluation_assignments')
    .select('id')
    .where('call_id', '=', callId)
    .where('status', '!=', 'removed')
    .limit(1)
    .executeTakeFirst()
  return !!r
}

export async function settingsView(
  db: Queryable,
  call: { id: string; config: unknown },
): Promise<EvaluationSettingsView> {
  const s = await readEvaluationSettings(db, call.id)
  const ev = callConfigOf(call.config).evaluation
  return {
    callId: call.id,
    expertsPerApplication: s.expertsPerApplication,
    practitionerRequired: s.practitionerRequired,
    onePerCountry: s.onePerCountry,
    excludeApplicantCountries: s.excludeApplicantCountries,
    anonymised: s.anonymised,
    spreadThreshold: s.spreadThreshold,
    commentMinLength: s.commentMinLength,
    tieBreaks: s.tieBreaks.map((t) =>
      t.criterionId ? { rule: t.rule, criterionId: t.criterionId } : { rule: t.rule },
    ),
    bidWeight: s.bidWeight,
    redressWindowDays: s.redressWindowDays,
    redressHandlingWorkingDays: s.redressHandlingWorkingDays,
    redressHolidays: s.redressHolidays,
    stored: s.stored,
    locked: await hasAssignments(db, call.id),
    criteria: ev.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      weight: c.weight,
      threshold: c.threshold,
    })),
    scale: { min: ev.scaleMin, max: ev.scaleMax, step: ev.scaleStep },
    totalThreshold: ev.totalThreshold,
  }
}

/** The call's evaluation settings (defaults until stored) with its criteria and scale, for its operators. */
export async function getSettings(ctx: CommandContext, callId: string): Promise<EvaluationSettingsView> {
  const call = await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  return settingsView(ctx.db, call)
}
