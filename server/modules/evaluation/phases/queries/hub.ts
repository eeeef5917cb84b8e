import { sql } from 'kysely'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { HubCall } from '../../../../../shared/contracts/evaluation.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isProgrammeOperator } from '../../common/access.ts'
import { phaseKinds, phaseStatus } from '../../common/phases.ts'

/**
 * The operators' hub: the closed (published, not cancelled) calls of the programmes the caller runs,
 * newest deadline first, with what the evaluation has reached — admissible applications, approved
 * experts, active assignments, evaluations submitted out of those expected (one per active
 * assignment), final consensus records — and each phase's status now.
 */
export async function listEvaluationCalls(ctx: CommandContext): Promise<{ items: HubCall[]; serverNow: string }> {
  authorize(ctx.actor, 'evaluation.view')
  const now = ctx.clock.now()
  const programmes = ctx.actor.programmeRoles
    .filter((g) => g.effective && g.role === 'operator')
    .map((g) => g.programmeId)
  if (!programmes.length || ctx.actor.disabled) return { items: [], serverNow: now.toISOString() }
  const rows = await ctx.db
    .selectFrom('calls as c')
    .select((eb) => [
      'c.id',
      'c.code',
      'c.title',
      'c.closes_at',
      'c.time_zone',
      'c.programme_id',
      eb
        .selectFrom('applications as a')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('a.call_id', '=', 'c.id')
        .where('a.status', '=', 'submitted')
        .where('a.admissibility', '=', 'admissible')
        .as('admissible'),
      eb
        .selectFrom('expert_calls as e')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('e.call_id', '=', 'c.id')
        .where('e.status', '=', 'approved')
        .as('experts'),
      eb
        .selectFrom('evaluation_assignments as x')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('x.call_id', '=', 'c.id')
        .where('x.status', 'in', ['assigned', 'confirmed'])
        .as('assignments'),
      eb
        .selectFrom('evaluations as v')
        .innerJoin('evaluation_assignments as x', 'x.id', 'v.assignment_id')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('v.call_id', '=', 'c.id')
        .where('v.status', '=', 'submitted')
        .where('x.status', 'in', ['assigned', 'confirmed'])
        .as('submitted'),
      eb
        .selectFrom('consensus_records as r')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('r.call_id', '=', 'c.id')
        .where('r.status', '=', 'final')
        .as('consensus'),
    ])
    .where('c.programme_id', 'in', programmes)
    .where('c.published_at', 'is not', null)
    .where('c.cancelled_at', 'is', null)
    .where('c.closes_at', '<=', now)
    .orderBy('c.closes_at', 'desc')
    .orderBy('c.code')
    .execute()
  const visible = rows.filter((r) => isProgrammeOperator(ctx.actor, r.programme_id, 'evaluation.view'))
  const phases = visible.length
    ? await ctx.db
        .selectFrom('evaluation_phases')
        .select(['call_id', 'kind', 'starts_at', 'ends_at'])
        .where(
          'call_id',
          'in',
          visible.map((r) => r.id),
        )
        .execute()
    : []
  const statusOf = (callId: string, kind: string) => {
    const p = phases.find((x) => x.call_id === callId && x.kind === kind)
    return p ? phaseStatus(new Date(p.starts_at), new Date(p.ends_at), now) : 'unset'
  }
  return {
    serverNow: now.toISOString(),
    items: visible.map((r) => {
      const assignments = Number(r.assignments ?? 0)
      return {
        callId: r.id,
        code: r.code,
        title: r.title as LocalizedText,
        closesAt: new Date(r.closes_at).toISOString(),
        timeZone: r.time_zone,
        counts: {
          admissible: Number(r.admissible ?? 0),
          approvedExperts: Number(r.experts ?? 0),
          assignments,
          evaluationsSubmitted: Number(r.submitted ?? 0),
          evaluationsExpected: assignments,
          consensusFinal: Number(r.consensus ?? 0),
        },
        phases: Object.fromEntries(phaseKinds.map((k) => [k, statusOf(r.id, k)])) as HubCall['phases'],
      }
    }),
  }
}
