import type { TrlReview, TrlStatus, TrlWindow } from '../../../../shared/contracts/trl.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { isOwnerMember, seesTrail } from '../domain/abilities.ts'
import { effectiveTrl, fitsWindow } from '../domain/trl/index.ts'
import { iso } from './solution-view.ts'

export interface ChallengeRange {
  id: string
  code: string
  title: string
  trl_min: number
  trl_max: number
}

/** The reviews of these assessments, newest first; reviewer names only for those who see the trail. */
export async function reviewsOf(db: Queryable, assessmentIds: string[], showNames: boolean) {
  const out = new Map<string, TrlReview[]>(assessmentIds.map((id) => [id, []]))
  if (assessmentIds.length === 0) return out
  const rows = await db
    .selectFrom('trl_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewer_id')
    .select(['r.id', 'r.assessment_id', 'r.decision', 'r.level', 'r.reason', 'r.reviewer_id', 'u.name', 'r.created_at'])
    .where('r.assessment_id', 'in', assessmentIds)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
  for (const r of rows) {
    out.get(r.assessment_id)!.push({
      id: r.id,
      decision: r.decision as TrlReview['decision'],
      level: r.level,
      reason: r.reason,
      reviewer: showNames && r.reviewer_id && r.name !== null ? { id: r.reviewer_id, name: r.name } : null,
      createdAt: iso(r.created_at),
    })
  }
  return out
}

/**
 * Where a solution stands on the TRL scale for this caller: the latest completed self-assessment, its
 * latest review, the effective level (the review's, else the self-assessed one), the badge against
 * `window` (the programme's, queries/trl-window.ts), the fit with each challenge it addresses, and the
 * open draft (members only).
 */
export async function trlStatusFor(
  db: Queryable,
  actor: Actor,
  s: { id: string; organisation_id: string },
  challenges: ChallengeRange[],
  window: TrlWindow,
): Promise<TrlStatus> {
  const [latest, draft] = await Promise.all([
    db
      .selectFrom('trl_assessments')
      .select(['id', 'result_level', 'confidence', 'completed_at'])
      .where('solution_id', '=', s.id)
      .where('status', '=', 'completed')
      .orderBy('completed_at', 'desc')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    isOwnerMember(actor, s.organisation_id)
      ? db
          .selectFrom('trl_assessments')
          .select(['id', 'updated_at'])
          .where('solution_id', '=', s.id)
          .where('status', '=', 'draft')
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined,
  ])
  const review = latest
    ? ((await reviewsOf(db, [latest.id], seesTrail(actor, s.organisation_id))).get(latest.id)?.[0] ?? null)
    : null
  const effective = latest ? effectiveTrl(latest.result_level ?? 0, review?.level ?? null) : null
  return {
    selfAssessed: latest
      ? {
          assessmentId: latest.id,
          level: latest.result_level ?? 0,
          confidence: latest.confidence,
          completedAt: iso(latest.completed_at ?? new Date()),
        }
      : null,
    review,
    effective,
    trlFit: { window: { ...window }, fits: fitsWindow(effective, window) },
    challenges: challenges.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      trlMin: c.trl_min,
      trlMax: c.trl_max,
      fits: fitsWindow(effective, { min: c.trl_min, max: c.trl_max }),
    })),
    draft: draft ? { id: draft.id, updatedAt: iso(draft.updated_at) } : null,
  }
}
