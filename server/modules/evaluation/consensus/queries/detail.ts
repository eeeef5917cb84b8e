import type { ConsensusDetail, ExpertConsensusView } from '../../../../../shared/contracts/evaluation-consensus.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { activeAssignment, loadCallForOperator } from '../../common/access.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import {
  type ConsensusApplication,
  criteriaOut,
  evaluationOut,
  expertsMayRead,
  loadApplication,
  panels,
  phaseOut,
  readPhases,
  readRecord,
  recordingOpen,
  scaleOf,
  statsFor,
  statsOutOf,
} from './context.ts'

const appOut = (a: ConsensusApplication) => ({ id: a.id, reference: a.reference, acronym: a.acronym, title: a.title })
const callOut = (a: ConsensusApplication) => ({
  id: a.call.id,
  code: a.call.code,
  title: a.call.title,
  timeZone: a.call.timeZone,
})

/** Moderators: the evaluations side by side (with names), the statistics and flags, and the record. */
export async function consensusDetail(
  ctx: CommandContext,
  callId: string,
  applicationId: string,
): Promise<ConsensusDetail> {
  await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.moderate')
  const app = await loadApplication(ctx.db, applicationId, callId)
  const [settings, phases, byApp, record] = await Promise.all([
    readEvaluationSettings(ctx.db, callId),
    readPhases(ctx.db, callId, ctx.clock.now()),
    panels(ctx.db, [applicationId]),
    readRecord(ctx.db, applicationId),
  ])
  const members = byApp.get(applicationId)?.members ?? []
  const stats = statsFor(app.call, members, settings.spreadThreshold)
  return {
    application: appOut(app),
    call: callOut(app),
    criteria: criteriaOut(app.call),
    scale: scaleOf(app.call),
    spreadThreshold: settings.spreadThreshold,
    phases: { individual: phaseOut(phases.individual), consensus: phaseOut(phases.consensus) },
    canRecord: recordingOpen(phases),
    submitted: members.filter((m) => m.evaluation?.status === 'submitted').length,
    expected: members.length,
    evaluations: members.map((m) => evaluationOut(m, { moderator: true, userId: ctx.actor.userId })),
    stats: statsOutOf(stats),
    record,
  }
}

/**
 * An expert with an active assignment to the application, from the consensus phase on (never while the
 * individual phase is running): the SUBMITTED evaluations of this application, as "Expert n", and the
 * statistics. Anyone without an active assignment: 404.
 */
export async function expertConsensusView(ctx: CommandContext, applicationId: string): Promise<ExpertConsensusView> {
  authorize(ctx.actor, 'evaluation.expert')
  if (!ctx.actor.userId) throw new DomainError('not_signed_in')
  const app = await loadApplication(ctx.db, applicationId)
  await activeAssignment(ctx.db, ctx.actor.userId, applicationId)
  const phases = await readPhases(ctx.db, app.callId, ctx.clock.now())
  if (!expertsMayRead(phases))
    throw new DomainError('evaluation_phase_closed', 'The other experts’ evaluations open with the consensus phase.')
  const [settings, byApp] = await Promise.all([
    readEvaluationSettings(ctx.db, app.callId),
    panels(ctx.db, [applicationId]),
  ])
  const panel = byApp.get(applicationId)
  const members = panel?.members ?? []
  const stats = statsFor(app.call, members, settings.spreadThreshold)
  return {
    application: appOut(app),
    call: callOut(app),
    criteria: criteriaOut(app.call),
    scale: scaleOf(app.call),
    spreadThreshold: settings.spreadThreshold,
    phases: { individual: phaseOut(phases.individual), consensus: phaseOut(phases.consensus) },
    expertNumber: panel?.numbers.get(ctx.actor.userId) ?? 0,
    evaluations: members
      .filter((m) => m.evaluation?.status === 'submitted')
      .map((m) => evaluationOut(m, { moderator: false, userId: ctx.actor.userId })),
    stats: statsOutOf(stats),
  }
}
