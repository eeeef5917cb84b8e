/**
 * For a solution or an organisation: the challenges and the open calls that fit it, best first. Only
 * the organisation's own members (and the programme's brokers) ask for their profile; anyone else who
 * may see the object gets 403, and 404 when they may not see it at all.
 *
 * Calls: the listed ones (calls module's rule: published, not cancelled) that have not closed. TRL fit
 * compares the solution's level (assessed, else its target) with the call's window
 * (`trlWindowOfCallConfig`), or with the challenge's range; for an organisation, its best published
 * solution's level.
 */
import type {
  RecommendationFact,
  RecommendationList,
  RecommendationTarget,
} from '../../../../../shared/contracts/recommendations.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isBroker, listedFor } from '../../../organisations/domain/disclosure.ts'
import { programmeTrlWindow, trlWindowOfCallConfig } from '../../../solutions/index.ts'
import type { EngineQuery, IndexedDocument } from '../../engine/index.ts'
import { trlFit } from '../domain/complement.ts'
import { type CallData, loadOrganisations, loadSolutions } from '../store/documents.ts'
import { recommendationStore } from '../store/store.ts'
import { TRL_WEIGHT } from './for-challenge.ts'
import { challengeItem, publishedChallenge, recommend, solutionListed } from './present.ts'

interface Profile {
  query: EngineQuery
  trl: number | null
}

function requireOwner(
  ctx: CommandContext,
  organisationId: string,
  visible: boolean,
  notFound: 'solution_not_found' | 'organisation_not_found',
): void {
  if (ctx.actor.kind === 'system' || ctx.actor.memberships.has(organisationId) || isBroker(ctx.actor)) return
  if (!visible) throw new DomainError(notFound)
  throw new DomainError('forbidden', 'Only members of the organisation see what fits its profile.', {
    reason: 'not_a_member',
  })
}

export async function solutionProfile(ctx: CommandContext, solutionId: string): Promise<Profile> {
  const [s] = await loadSolutions(ctx.db, { ids: [solutionId] })
  if (!s) throw new DomainError('solution_not_found')
  requireOwner(ctx, s.data.organisationId, solutionListed(ctx.actor)(s), 'solution_not_found')
  return {
    query: { text: `${s.fields?.title ?? ''}\n${s.fields?.text ?? ''}`, lang: s.lang, tags: s.tags },
    trl: s.data.trl,
  }
}

export async function organisationProfile(ctx: CommandContext, organisationId: string): Promise<Profile> {
  const [o] = await loadOrganisations(ctx.db, [organisationId])
  if (!o) throw new DomainError('organisation_not_found')
  requireOwner(ctx, organisationId, listedFor(ctx.actor, o.data.visibility), 'organisation_not_found')
  const solutions = (await loadSolutions(ctx.db, { organisationIds: [organisationId] })).filter(
    (s) => s.data.status === 'published',
  )
  const levels = solutions.flatMap((s) => (s.data.trl === null ? [] : [s.data.trl]))
  return {
    query: {
      text: [o.text ?? '', ...solutions.map((s) => s.fields?.title ?? '')].join('\n'),
      lang: o.lang,
      tags: [...new Set([...(o.tags ?? []), ...solutions.flatMap((s) => s.tags ?? [])])],
    },
    trl: levels.length ? Math.max(...levels) : null,
  }
}

const callWindow = (doc: IndexedDocument<CallData>) => (doc.data ? trlWindowOfCallConfig(doc.data.config) : null)

export async function recommendForProfile(
  ctx: CommandContext,
  profile: Profile,
  target: RecommendationTarget,
  limit: number,
): Promise<RecommendationList> {
  const store = recommendationStore(ctx.db)
  if (target === 'challenges') {
    const index = await store.index('challenges')
    const programmeWindow = await programmeTrlWindow(ctx.db)
    const items = await recommend(
      ctx.db,
      index,
      profile.query,
      {
        k: limit,
        where: publishedChallenge(null),
        features: [
          {
            name: 'trl',
            weight: TRL_WEIGHT,
            score: (doc) =>
              trlFit(profile.trl, doc.data ? { min: doc.data.trlMin, max: doc.data.trlMax } : programmeWindow),
          },
        ],
      },
      challengeItem,
    )
    return { target, items }
  }
  if (target === 'calls') {
    const index = await store.index('calls')
    const now = ctx.clock.now().getTime()
    const items = await recommend(
      ctx.db,
      index,
      profile.query,
      {
        k: limit,
        where: (doc) => !!doc.data && doc.data.listed && Date.parse(doc.data.closesAt) > now,
        features: [{ name: 'trl', weight: TRL_WEIGHT, score: (doc) => trlFit(profile.trl, callWindow(doc)) }],
      },
      (doc) => ({
        kind: 'call',
        id: doc.id,
        reference: doc.data!.code,
        title: doc.data!.title.en ?? doc.data!.code,
        detail: doc.data!.closesAt,
        organisation: null,
        trl: null,
      }),
      (r): RecommendationFact[] => {
        const closesAt = index.get(r.id)?.data?.closesAt
        return closesAt ? [{ code: 'call_closes', params: { closesAt } }] : []
      },
    )
    return { target, items }
  }
  throw new DomainError('validation_failed', 'A profile is matched with challenges or calls.', {}, [
    { path: 'target', code: 'invalid_value', message: 'challenges or calls' },
  ])
}
