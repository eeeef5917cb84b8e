import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { MyAssignments } from '../../../../../shared/contracts/evaluation.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { readPhases } from '../../common/phases.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { phaseViews } from '../../phases/queries/phases.ts'
import { completedCount, type Scores } from '../domain/form.ts'
import { abstractOf, identifyingNames, mapStrings, type RevisionForExpert, scrubText } from '../domain/redact.ts'

const iso = (d: Date | string) => new Date(d).toISOString()
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * The caller's active assignments (assigned or confirmed), grouped by call (earliest deadline first):
 * title and abstract of the submitted revision (names hidden in anonymised mode), the individual
 * phase's end as the deadline, each phase's status, and the progress of the caller's own evaluation.
 * Nothing about other experts.
 */
export async function listMyAssignments(ctx: CommandContext): Promise<MyAssignments> {
  authorize(ctx.actor, 'evaluation.expert')
  const userId = ctx.actor.userId
  if (!userId) throw new DomainError('not_signed_in')
  const now = ctx.clock.now()
  const rows = await ctx.db
    .selectFrom('evaluation_assignments as x')
    .innerJoin('applications as a', 'a.id', 'x.application_id')
    .innerJoin('calls as c', 'c.id', 'x.call_id')
    .leftJoin('application_revisions as r', (j) =>
      j.onRef('r.application_id', '=', 'a.id').onRef('r.revision', '=', 'a.submitted_revision'),
    )
    .leftJoin('evaluations as v', 'v.assignment_id', 'x.id')
    .select([
      'x.id',
      'x.application_id',
      'x.status',
      'x.confirmed_at',
      'x.call_id',
      'a.reference',
      'r.content',
      'c.code',
      'c.title as call_title',
      'c.time_zone',
      'c.config',
      'v.id as evaluation_id',
      'v.status as evaluation_status',
      'v.scores',
      'v.submitted_at',
    ])
    .where('x.user_id', '=', userId)
    .where('x.status', 'in', ['assigned', 'confirmed'])
    .where('a.status', '=', 'submitted')
    .orderBy('a.reference')
    .execute()
  const byCall = new Map<string, typeof rows>()
  for (const r of rows) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), r])
  const calls: MyAssignments['calls'] = []
  for (const [callId, items] of byCall) {
    const first = items[0]!
    const config = callConfigOf(first.config)
    const criterionIds = config.evaluation.criteria.map((c) => c.id)
    const [settings, phases] = await Promise.all([
      readEvaluationSettings(ctx.db, callId),
      readPhases(ctx.db, callId, now),
    ])
    calls.push({
      callId,
      code: first.code,
      title: first.call_title as LocalizedText,
      timeZone: first.time_zone,
      anonymised: settings.anonymised,
      criteriaCount: criterionIds.length,
      deadline: phases.individual.endsAt?.toISOString() ?? null,
      phases: phaseViews(phases, first.time_zone),
      assignments: items.map((r) => {
        const content = json<RevisionForExpert | null>(r.content)
        const app = content?.application ?? { acronym: '', title: '' }
        const scrub = (s: string) =>
          settings.anonymised && content
            ? String(mapStrings(s, (x) => scrubText(x, identifyingNames(content.partners))))
            : s
        return {
          id: r.id,
          applicationId: r.application_id,
          reference: r.reference,
          acronym: scrub(app.acronym),
          title: scrub(app.title),
          abstract: scrub(content ? abstractOf(config.form, content.answers) : ''),
          status: r.status as 'assigned' | 'confirmed',
          confirmedAt: r.confirmed_at ? iso(r.confirmed_at) : null,
          evaluation: {
            id: r.evaluation_id,
            status: (r.evaluation_status ?? 'none') as 'none' | 'draft' | 'submitted',
            completed: r.scores ? completedCount(r.scores as Scores, criterionIds, settings.commentMinLength) : 0,
            submittedAt: r.submitted_at ? iso(r.submitted_at) : null,
          },
        }
      }),
    })
  }
  calls.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.code.localeCompare(b.code))
  return { calls, serverNow: now.toISOString() }
}
