import type { EvaluationPhasesInput, EvaluationPhasesView } from '../../../../../shared/contracts/evaluation.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { phaseKinds, readPhases } from '../../common/phases.ts'
import { scheduleReminderSweep } from '../../scoring/commands/reminders.ts'
import { validatePhases } from '../domain/validate.ts'
import { phasesView } from '../queries/phases.ts'

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null

/**
 * Replaces the call's phases (operators): individual → consensus → panel, each after the one before,
 * the first after the call's deadline; a phase left out (null) is removed. Invalid dates are 400
 * `evaluation_phases_invalid` with the field errors. Schedules the experts' reminder sweep for 48 h
 * before the individual phase ends. Audited with the previous dates.
 */
export async function savePhases(
  ctx: CommandContext,
  callId: string,
  input: EvaluationPhasesInput,
): Promise<EvaluationPhasesView> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const call = await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.manage')
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute()
    const { phases, errors } = validatePhases(input, call.time_zone, new Date(call.closes_at))
    if (errors.length) throw new DomainError('evaluation_phases_invalid', 'The phases are not valid.', {}, errors)
    const before = await readPhases(tx, callId, now)
    for (const kind of phaseKinds) {
      const p = phases[kind]
      if (!p) {
        await tx.deleteFrom('evaluation_phases').where('call_id', '=', callId).where('kind', '=', kind).execute()
        continue
      }
      const values = { starts_at: p.startsAt, ends_at: p.endsAt, updated_at: now, updated_by: ctx.actor.userId }
      await tx
        .insertInto('evaluation_phases')
        .values({ call_id: callId, kind, ...values })
        .onConflict((oc) => oc.columns(['call_id', 'kind']).doUpdateSet(values))
        .execute()
    }
    if (phases.individual) await scheduleReminderSweep(tx, phases.individual.endsAt, now)
    const dates = (k: (typeof phaseKinds)[number], s: Date | null, e: Date | null) => [
      k,
      { startsAt: isoOrNull(s), endsAt: isoOrNull(e) },
    ]
    await recordAudit(tx, ctx, {
      action: 'evaluation.phases_saved',
      subjectType: 'call',
      subjectId: callId,
      change: {
        from: Object.fromEntries(phaseKinds.map((k) => dates(k, before[k].startsAt, before[k].endsAt))),
        to: Object.fromEntries(phaseKinds.map((k) => dates(k, phases[k]?.startsAt ?? null, phases[k]?.endsAt ?? null))),
      },
    })
    return phasesView(tx, call, now)
  })
}
