import { instantToLocal } from '../../../../../shared/calls/time.ts'
import type { EvaluationPhasesView, PhaseView } from '../../../../../shared/contracts/evaluation.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { type PhaseStates, type PhaseWindow, phaseKinds, readPhases } from '../../common/phases.ts'

export function phaseViewOf(p: PhaseWindow, timeZone: string): PhaseView {
  return {
    kind: p.kind,
    startsAt: p.startsAt?.toISOString() ?? null,
    endsAt: p.endsAt?.toISOString() ?? null,
    localStartsAt: p.startsAt ? instantToLocal(p.startsAt, timeZone) : null,
    localEndsAt: p.endsAt ? instantToLocal(p.endsAt, timeZone) : null,
    status: p.status,
  }
}

export function phaseViews(states: PhaseStates, timeZone: string): PhaseView[] {
  return phaseKinds.map((k) => phaseViewOf(states[k], timeZone))
}

export async function phasesView(
  db: Queryable,
  call: { id: string; time_zone: string; closes_at: Date | string },
  now: Date,
): Promise<EvaluationPhasesView> {
  const closesAt = new Date(call.closes_at)
  return {
    callId: call.id,
    timeZone: call.time_zone,
    closesAt: closesAt.toISOString(),
    localClosesAt: instantToLocal(closesAt, call.time_zone),
    serverNow: now.toISOString(),
    phases: phaseViews(await readPhases(db, call.id, now), call.time_zone),
  }
}

/** The call's evaluation phases with their dates (ISO and on the call's wall clock) and status now. */
export async function getPhases(ctx: CommandContext, callId: string): Promise<EvaluationPhasesView> {
  const call = await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  return phasesView(ctx.db, call, ctx.clock.now())
}
