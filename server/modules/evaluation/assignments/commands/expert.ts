import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { notify } from '../../../notifications/index.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { signedInUser } from '../../experts/access.ts'
import { computeAffinities, pairKey } from '../domain/affinity.ts'
import { explanationOf } from '../domain/explanation.ts'
import { chooseReplacement } from '../domain/replacement.ts'
import { loadBids, loadCallApplications, loadPool, termNames } from '../queries/inputs.ts'
import { activePairs, callConflicts } from '../queries/problem.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

/** The signed-in expert's own active assignment; anything else is a 404, as for an unknown one. */
async function ownActive(tx: Tx, userId: string, assignmentId: string) {
  const a = await tx
    .selectFrom('evaluation_assignments as x')
    .innerJoin('calls as c', 'c.id', 'x.call_id')
    .select([
      'x.id',
      'x.call_id',
      'x.application_id',
      'x.user_id',
      'x.status',
      'x.confirmed_at',
      'c.programme_id',
      'c.code',
    ])
    .where('x.id', '=', assignmentId)
    .where('x.user_id', '=', userId)
    .where('x.status', 'in', ['assigned', 'confirmed'])
    .forUpdate()
    .executeTakeFirst()
  if (!a) throw new DomainError('assignment_not_found')
  return a
}

/** The assigned expert confirms "no conflict of interest" (idempotent once confirmed). */
export async function confirmAssignment(ctx: CommandContext, assignmentId: string) {
  authorize(ctx.actor, 'evaluation.expert')
  const userId = signedInUser(ctx.actor)
  return inTransaction(ctx.db, async (tx) => {
    const a = await ownActive(tx, userId, assignmentId)
    if (a.status === 'confirmed' && a.confirmed_at)
      return { id: a.id, status: 'confirmed' as const, confirmedAt: iso(a.confirmed_at) }
    const now = ctx.clock.now()
    await tx
      .updateTable('evaluation_assignments')
      .set({ status: 'confirmed', confirmed_at: now })
      .where('id', '=', a.id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.assignment_confirmed',
      subjectType: 'evaluation_assignment',
      subjectId: a.id,
      change: { callId: a.call_id, applicationId: a.application_id, userId },
    })
    return { id: a.id, status: 'confirmed' as const, confirmedAt: iso(now) }
  })
}

/**
 * The assigned expert declares a conflict and recuses themself (before submitting an evaluation): the
 * conflict is recorded (a declared one in expert_conflicts), the pair marked recused, and the best
 * eligible replacement assigned (source `reassignment`); without one, the call's operators are notified.
 * The expert is not told who replaced them.
 */
export async function recuseAssignment(ctx: CommandContext, assignmentId: string, reason: string) {
  authorize(ctx.actor, 'evaluation.expert')
  const userId = signedInUser(ctx.actor)
  return inTransaction(ctx.db, async (tx) => {
    const a = await ownActive(tx, userId, assignmentId)
    const submitted = await tx
      .selectFrom('evaluations')
      .select('id')
      .where('assignment_id', '=', a.id)
      .where('status', '=', 'submitted')
      .executeTakeFirst()
    if (submitted)
      throw new DomainError('evaluation_submitted', 'You have already submitted your evaluation of this application.')
    const now = ctx.clock.now()
    const open = await tx
      .selectFrom('expert_conflicts')
      .select('id')
      .where('application_id', '=', a.application_id)
      .where('user_id', '=', userId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst()
    const conflict =
      open ??
      (await tx
        .insertInto('expert_conflicts')
        .values({ application_id: a.application_id, user_id: userId, reason, declared_by: userId, declared_at: now })
        .returning('id')
        .executeTakeFirstOrThrow())
    await tx
      .updateTable('evaluation_assignments')
      .set({ status: 'recused', recused_at: now, recusal_reason: reason, locked: false })
      .where('id', '=', a.id)
      .execute()
    const replacement = await reassign(tx, ctx, { id: a.call_id, programme_id: a.programme_id }, a.application_id)
    await recordAudit(tx, ctx, {
      action: 'evaluation.assignment_recused',
      subjectType: 'evaluation_assignment',
      subjectId: a.id,
      change: {
        callId: a.call_id,
        applicationId: a.application_id,
        userId,
        reason,
        conflictId: conflict.id,
        replacementId: replacement?.id ?? null,
      },
    })
    if (!replacement) {
      const operators = await tx
        .selectFrom('programme_roles')
        .select('user_id')
        .where('programme_id', '=', a.programme_id)
        .where('role', '=', 'operator')
        .execute()
      const app = await tx
        .selectFrom('applications')
        .select(['reference', 'acronym'])
        .where('id', '=', a.application_id)
        .executeTakeFirstOrThrow()
      await notify(tx, ctx, {
        kind: 'assignment_replacement_needed',
        recipients: { userIds: operators.map((o) => o.user_id) },
        actorId: userId,
        programmeId: a.programme_id,
        subject: { type: 'application', id: a.application_id },
        params: { call: a.code, reference: app.reference, acronym: app.acronym },
        link: `/app/evaluation/${a.call_id}/assignment`,
      })
    }
    return { id: a.id, status: 'recused' as const, replaced: replacement !== null }
  })
}

/**
 * Assigns the best eligible expert to an application whose panel lost one (see domain/replacement.ts);
 * null when nobody fits.
 */
async function reassign(
  tx: Tx,
  ctx: CommandContext,
  call: { id: string; programme_id: string },
  applicationId: string,
): Promise<{ id: string; userId: string } | null> {
  const settings = await readEvaluationSettings(tx, call.id)
  const apps = await loadCallApplications(tx, call.id)
  const app = apps.find((x) => x.applicationId === applicationId)
  if (!app) return null
  const pool = await loadPool(tx, call.id)
  const conflicts = await callConflicts(tx, call)
  const active = await activePairs(tx, call.id)
  const panelIds = new Set(active.filter((p) => p.application_id === applicationId).map((p) => p.user_id))
  const load = new Map<string, number>()
  for (const p of active) load.set(p.user_id, (load.get(p.user_id) ?? 0) + 1)
  const eligible = pool.filter(
    (e) => e.available && !panelIds.has(e.userId) && !conflicts.has(pairKey(applicationId, e.userId)),
  )
  if (eligible.length === 0) return null
  const affinity = computeAffinities(apps, eligible, await loadBids(tx, call.id), settings.bidWeight)
  const chosen = chooseReplacement(
    eligible.map((e) => ({
      ...e,
      load: load.get(e.userId) ?? 0,
      affinity: affinity.get(pairKey(applicationId, e.userId))?.affinity ?? 0,
    })),
    pool.filter((e) => panelIds.has(e.userId)),
    app.countries,
    settings,
  )
  if (!chosen) return null
  const pa = affinity.get(pairKey(applicationId, chosen.userId))
  const names = await termNames(tx, pa?.tags ?? [])
  const now = ctx.clock.now()
  const row = await tx
    .insertInto('evaluation_assignments')
    .values({
      call_id: call.id,
      application_id: applicationId,
      user_id: chosen.userId,
      affinity: chosen.affinity,
      explanation: JSON.stringify(explanationOf('reassignment', pa, settings.bidWeight, names)),
      source: 'reassignment',
      status: 'assigned',
      created_at: now,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(tx, ctx, {
    action: 'evaluation.assignment_reassigned',
    subjectType: 'evaluation_assignment',
    subjectId: row.id,
    change: { callId: call.id, applicationId, userId: chosen.userId, affinity: chosen.affinity },
  })
  return { id: row.id, userId: chosen.userId }
}
