import type { ConsensusRecord, ConsensusScore } from '../../../../../shared/contracts/evaluation-consensus.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError, type FieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { type ConsensusIssue, consensusIssues, criterionStats } from '../domain/stats.ts'
import {
  type ConsensusApplication,
  loadApplication,
  panels,
  readPhases,
  readRecord,
  recordingOpen,
  scaleOf,
  submittedScores,
} from '../queries/context.ts'

interface RecordInput {
  version: number
  scores: Record<string, { score: number | null; comment: string; justification: string }>
  overallComment: string
  minorityView: string
}

/** The operator's call and the application, locked, inside a window where recording is open. */
async function open(tx: Tx, ctx: CommandContext, callId: string, applicationId: string) {
  await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.moderate')
  const app = await loadApplication(tx, applicationId, callId, true)
  const phases = await readPhases(tx, callId, ctx.clock.now())
  if (!recordingOpen(phases))
    throw new DomainError(
      'evaluation_phase_closed',
      'Consensus is recorded once the individual phase has closed and until the consensus phase closes.',
      { individual: phases.individual.status, consensus: phases.consensus.status },
    )
  const current = await tx
    .selectFrom('consensus_records')
    .select(['status', 'version'])
    .where('application_id', '=', applicationId)
    .forUpdate()
    .executeTakeFirst()
  return { app, current }
}

async function means(tx: Tx, app: ConsensusApplication) {
  const byApp = await panels(tx, [app.id])
  const members = byApp.get(app.id)?.members ?? []
  const scores = submittedScores(members)
  const out: Record<string, number | null> = {}
  for (const c of app.call.evaluation.criteria) out[c.id] = criterionStats(c.id, scores, 0).mean
  return { means: out, members }
}

function fail(issues: ConsensusIssue[]): never {
  const fieldErrors: FieldError[] = issues.map((i) => ({
    path: `scores.${i.criterionId}.${i.field}`,
    code: i.code,
    message: i.code,
  }))
  const justify = issues.filter((i) => i.code === 'consensus_justification_required').map((i) => i.criterionId)
  const others = issues.filter((i) => i.code !== 'consensus_justification_required')
  if (others.some((i) => i.code === 'invalid_value'))
    throw new DomainError('validation_failed', 'Scores must be on the call’s scale.', {}, fieldErrors)
  if (others.length)
    throw new DomainError(
      'consensus_incomplete',
      'Every criterion needs a consensus score and comment.',
      { criterionIds: [...new Set(others.map((i) => i.criterionId))] },
      fieldErrors,
    )
  throw new DomainError(
    'consensus_justification_required',
    'Justify every consensus score that departs from the mean of the individual scores.',
    { criterionIds: justify },
    fieldErrors,
  )
}

const criteriaRefs = (app: ConsensusApplication) =>
  app.call.evaluation.criteria.map((c) => ({ id: c.id, weight: c.weight }))

/**
 * Saves the moderator's consensus as a draft (creating it at version 1). Optimistic: `version` is the
 * version read (0 before the first save); scores must be on the scale and any score departing from the
 * mean of the submitted individual scores carries a justification. A final record is 409 `consensus_final`.
 */
export async function saveConsensus(
  ctx: CommandContext,
  callId: string,
  applicationId: string,
  input: RecordInput,
): Promise<ConsensusRecord> {
  await inTransaction(ctx.db, async (tx) => {
    const { app, current } = await open(tx, ctx, callId, applicationId)
    if (current?.status === 'final') throw new DomainError('consensus_final')
    if ((current?.version ?? 0) !== input.version)
      throw new DomainError('consensus_stale', undefined, { version: current?.version ?? 0 })
    const known = new Set(app.call.evaluation.criteria.map((c) => c.id))
    const unknown = Object.keys(input.scores).filter((k) => !known.has(k))
    if (unknown.length)
      throw new DomainError(
        'validation_failed',
        'Unknown criterion.',
        {},
        unknown.map((k) => ({ path: `scores.${k}`, code: 'invalid_value', message: 'unknown criterion' })),
      )
    const { means: m } = await means(tx, app)
    const issues = consensusIssues(criteriaRefs(app), input.scores, m, scaleOf(app.call), false)
    if (issues.length) fail(issues)
    const scores: Record<string, ConsensusScore> = {}
    for (const c of app.call.evaluation.criteria) {
      const s = input.scores[c.id]
      scores[c.id] = { score: s?.score ?? null, comment: s?.comment ?? '', justification: s?.justification ?? '' }
    }
    const now = ctx.clock.now()
    const values = {
      scores: JSON.stringify(scores),
      overall_comment: input.overallComment,
      minority_view: input.minorityView,
      recorded_by: ctx.actor.userId,
      recorded_at: now,
    }
    const version = (current?.version ?? 0) + 1
    if (current)
      await tx
        .updateTable('consensus_records')
        .set({ ...values, version })
        .where('application_id', '=', applicationId)
        .execute()
    else
      await tx
        .insertInto('consensus_records')
        .values({ application_id: applicationId, call_id: callId, status: 'draft', version, ...values })
        .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.consensus_saved',
      subjectType: 'application',
      subjectId: applicationId,
      change: { version, scores, overallComment: input.overallComment, minorityView: input.minorityView },
    })
  })
  return (await readRecord(ctx.db, applicationId)) as ConsensusRecord
}

/**
 * Makes the consensus final: every criterion scored and commented (400 `consensus_incomplete`), every
 * departure justified (400 `consensus_justification_required`), every active assignment's evaluation
 * submitted (409 `consensus_evaluations_missing`).
 */
export async function finaliseConsensus(
  ctx: CommandContext,
  callId: string,
  applicationId: string,
  input: { version: number },
): Promise<ConsensusRecord> {
  await inTransaction(ctx.db, async (tx) => {
    const { app, current } = await open(tx, ctx, callId, applicationId)
    if (!current) throw new DomainError('consensus_not_found')
    if (current.status === 'final') throw new DomainError('consensus_final')
    if (current.version !== input.version)
      throw new DomainError('consensus_stale', undefined, { version: current.version })
    const { means: m, members } = await means(tx, app)
    const missing = members.filter((x) => x.evaluation?.status !== 'submitted')
    if (members.length === 0 || missing.length)
      throw new DomainError('consensus_evaluations_missing', undefined, {
        submitted: members.length - missing.length,
        expected: members.length,
      })
    const row = await tx
      .selectFrom('consensus_records')
      .select('scores')
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow()
    const scores = row.scores as Record<string, ConsensusScore>
    const issues = consensusIssues(criteriaRefs(app), scores, m, scaleOf(app.call), true)
    if (issues.length) fail(issues)
    const now = ctx.clock.now()
    const version = current.version + 1
    await tx
      .updateTable('consensus_records')
      .set({ status: 'final', version, finalised_at: now, finalised_by: ctx.actor.userId })
      .where('application_id', '=', applicationId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.consensus_finalised',
      subjectType: 'application',
      subjectId: applicationId,
      change: { version, scores },
    })
  })
  return (await readRecord(ctx.db, applicationId)) as ConsensusRecord
}

/** A moderator reopens a final consensus (back to draft) while recording is open; a draft stays as it is. */
export async function reopenConsensus(
  ctx: CommandContext,
  callId: string,
  applicationId: string,
  input: { version: number },
): Promise<ConsensusRecord> {
  await inTransaction(ctx.db, async (tx) => {
    const { current } = await open(tx, ctx, callId, applicationId)
    if (!current) throw new DomainError('consensus_not_found')
    if (current.version !== input.version)
      throw new DomainError('consensus_stale', undefined, { version: current.version })
    if (current.status !== 'final') return // already a draft: nothing to do
    const version = current.version + 1
    await tx
      .updateTable('consensus_records')
      .set({ status: 'draft', version, finalised_at: null, finalised_by: null })
      .where('application_id', '=', applicationId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.consensus_reopened',
      subjectType: 'application',
      subjectId: applicationId,
      change: { version },
    })
  })
  return (await readRecord(ctx.db, applicationId)) as ConsensusRecord
}
