import type {
  DecisionReason,
  EvaluationResult,
  RedressView,
} from '../../../../../shared/contracts/evaluation-decisions.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { redressWindowEnd } from '../../redress/domain/dates.ts'
import { type ConsensusScores, consensusSummary } from '../domain/summary.ts'
import { type ApplicantApplication, iso, isoOrNull, loadForApplicant } from './rows.ts'

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/** The application's decision once notified; before that (or without one) 404 `decision_not_found`. */
export async function loadNotifiedDecision(db: Queryable, applicationId: string, lock = false) {
  let q = db.selectFrom('evaluation_decisions').selectAll().where('application_id', '=', applicationId)
  if (lock) q = q.forUpdate()
  const d = await q.executeTakeFirst()
  if (!d || d.notified_at === null) throw new DomainError('decision_not_found')
  return d
}

export async function redressOf(db: Queryable, applicationId: string): Promise<RedressView[]> {
  const rows = await db
    .selectFrom('redress_requests')
    .select(['id', 'status', 'grounds', 'filed_at', 'due_at', 'outcome', 'handled_at'])
    .where('application_id', '=', applicationId)
    .orderBy('filed_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    status: r.status as RedressView['status'],
    grounds: r.grounds,
    filedAt: iso(r.filed_at),
    dueAt: iso(r.due_at),
    outcome: r.outcome,
    handledAt: isoOrNull(r.handled_at),
  }))
}

/**
 * The evaluation result of an application as its members read it (and as the PDF and the e-mail carry
 * it): the decision, the consensus summary, the grant answer and the redress requests. `lead` says
 * whether the reader may answer the grant offer.
 */
export async function buildResult(db: Queryable, app: ApplicantApplication, now: Date): Promise<EvaluationResult> {
  const d = await loadNotifiedDecision(db, app.id)
  const consensus = await db
    .selectFrom('consensus_records')
    .select(['scores', 'overall_comment'])
    .where('application_id', '=', app.id)
    .executeTakeFirst()
  const settings = await readEvaluationSettings(db, app.call.id)
  const evaluation = app.call.config.evaluation
  const summary = consensusSummary(
    evaluation,
    consensus ? { scores: json<ConsensusScores>(consensus.scores), overallComment: consensus.overall_comment } : null,
  )
  const notifiedAt = new Date(d.notified_at!)
  const windowEnd = redressWindowEnd(notifiedAt, settings.redressWindowDays, app.call.timeZone)
  const requests = await redressOf(db, app.id)
  const windowOpen = now.getTime() <= windowEnd.getTime()
  const requestedCents = Number(d.requested_cents)
  const grantedCents = d.granted_cents === null ? null : Number(d.granted_cents)
  return {
    applicationId: app.id,
    reference: app.reference,
    acronym: app.acronym,
    title: app.title,
    call: { id: app.call.id, code: app.call.code, title: app.call.title, timeZone: app.call.timeZone },
    outcome: d.outcome as EvaluationResult['outcome'],
    rank: d.rank,
    reserveRank: d.reserve_rank,
    requestedCents,
    grantedCents,
    adjustmentReason: d.adjustment_reason,
    reason: json<DecisionReason>(d.reason),
    scale: { min: evaluation.scaleMin, max: evaluation.scaleMax },
    criteria: summary.criteria,
    overallComment: summary.overallComment,
    total: summary.total,
    maxTotal: summary.maxTotal,
    notifiedAt: notifiedAt.toISOString(),
    promotedAt: isoOrNull(d.promoted_at),
    response: d.response as EvaluationResult['response'],
    respondedAt: isoOrNull(d.responded_at),
    canRespond: app.lead && d.outcome === 'funded' && d.response === null,
    cutToAccept: d.outcome === 'funded' && grantedCents !== null && grantedCents < requestedCents,
    redress: {
      windowEndsAt: windowEnd.toISOString(),
      windowOpen,
      canFile: windowOpen && !requests.some((r) => r.status === 'open'),
      handlingWorkingDays: settings.redressHandlingWorkingDays,
      requests,
    },
  }
}

/** GET /applications/:id/evaluation-result: members of the applicant organisations, once notified. */
export async function readEvaluationResult(ctx: CommandContext, applicationId: string): Promise<EvaluationResult> {
  authorize(ctx.actor, 'evaluation.result.view')
  const app = await loadForApplicant(ctx.db, ctx.actor, applicationId)
  return buildResult(ctx.db, app, ctx.clock.now())
}
