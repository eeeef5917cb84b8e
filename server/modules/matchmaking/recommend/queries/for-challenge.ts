/**
 * For a challenge: the solutions and the organisations that fit it, best first. Anyone signed in who
 * sees the challenge may ask (a published one: platform members and staff; a draft: its programme's
 * operators and cluster staff); what comes back follows the caller's own visibility and disclosure.
 */
import type { RecommendationList, RecommendationTarget } from '../../../../../shared/contracts/recommendations.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isPlatformMember } from '../../../organisations/domain/disclosure.ts'
import { trlFit } from '../domain/complement.ts'
import { loadChallenges } from '../store/documents.ts'
import { recommendationStore } from '../store/store.ts'
import { organisationItem, organisationListed, recommend, solutionItem, solutionListed } from './present.ts'

/** Weight of a solution's TRL fitting the challenge's range (text relevance is 0–1). */
export const TRL_WEIGHT = 0.15

function isStaffOf(ctx: CommandContext, programmeId: string): boolean {
  const a = ctx.actor
  return (
    a.kind === 'system' ||
    a.programmeRoles.some(
      (g) => g.effective && g.programmeId === programmeId && (g.role === 'operator' || g.role === 'cluster_staff'),
    )
  )
}

export async function recommendForChallenge(
  ctx: CommandContext,
  challengeId: string,
  target: RecommendationTarget,
  limit: number,
): Promise<RecommendationList> {
  const [challenge] = await loadChallenges(ctx.db, [challengeId])
  const sees =
    challenge &&
    (isStaffOf(ctx, challenge.data.programmeId) ||
      (challenge.data.status === 'published' && isPlatformMember(ctx.actor)))
  if (!challenge || !sees) throw new DomainError('not_found', 'No such challenge.')
  if (target !== 'solutions' && target !== 'organisations') {
    throw new DomainError('validation_failed', 'A challenge is matched with solutions or organisations.', {}, [
      { path: 'target', code: 'invalid_value', message: 'solutions or organisations' },
    ])
  }
  const store = recommendationStore(ctx.db)
  const query = {
    text: [challenge.fields?.title, challenge.fields?.text].filter(Boolean).join('\n'),
    lang: challenge.lang,
    tags: challenge.tags,
  }
  const window = { min: challenge.data.trlMin, max: challenge.data.trlMax }
  if (target === 'solutions') {
    const index = await store.index('solutions')
    const items = await recommend(
      ctx.db,
      index,
      query,
      {
        k: limit,
        where: solutionListed(ctx.actor),
        features: [{ name: 'trl', weight: TRL_WEIGHT, score: (doc) => trlFit(doc.data?.trl ?? null, window) }],
      },
      (doc) => solutionItem(ctx.actor, doc),
    )
    return { target, items }
  }
  const index = await store.index('organisations')
  const items = await recommend(ctx.db, index, query, { k: limit, where: organisationListed(ctx.actor) }, (doc) =>
    organisationItem(ctx.actor, doc),
  )
  return { target, items }
}
