import { z } from 'zod'
import { uuid } from './common.ts'

/**
 * Recommendations (issue 6 §1): ranked solutions, organisations, challenges, calls and partners, each
 * with a score and an explanation a person understands — the words both texts share (as each wrote
 * them), the taxonomy tags they share, and complementarity facts (`code` + `params`, translated in
 * shared/i18n under `recommend.fact.*`). An anonymous organisation or a solution whose owner is hidden
 * comes without identity: `name`/`id` of the organisation are null, and `anonymous` is true.
 */

export const recommendationTargets = ['solutions', 'organisations', 'challenges', 'calls'] as const
export type RecommendationTarget = (typeof recommendationTargets)[number]

export const recommendationFactCodes = [
  'adds_country',
  'adds_end_user',
  'adds_sme',
  'expertise_missing',
  'trl_fits',
  'trl_outside',
  'call_closes',
] as const
export type RecommendationFactCode = (typeof recommendationFactCodes)[number]

export const recommendationFact = z.object({
  code: z.enum(recommendationFactCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
})
export type RecommendationFact = z.infer<typeof recommendationFact>

export const recommendationExplanation = z.object({
  /** Text relevance relative to the best match, 0–1. */
  text: z.number(),
  /** Share of the query's tags the item has, weighted by rarity, 0–1. */
  tags: z.number(),
  /** Shared words, most telling first: as the query wrote it and as the item wrote it. */
  words: z.array(z.object({ word: z.string(), itemWord: z.string(), weight: z.number() })),
  sharedTags: z.array(z.object({ id: z.string(), name: z.string() })),
  facts: z.array(recommendationFact),
})
export type RecommendationExplanation = z.infer<typeof recommendationExplanation>

/** Who is behind an organisation or a solution, as far as the caller may know. */
export const recommendedOrganisation = z.object({
  /** Null when the identity is hidden from the caller. */
  id: uuid.nullable(),
  name: z.string().nullable(),
  /** The profile's public reference (ORG-…); null for the owner of an anonymous solution. */
  publicRef: z.string().nullable(),
  anonymous: z.boolean(),
  country: z.string().nullable(),
  type: z.string().nullable(),
  smeStatus: z.string().nullable(),
})
export type RecommendedOrganisation = z.infer<typeof recommendedOrganisation>

export const recommendation = z.object({
  kind: z.enum(['solution', 'organisation', 'challenge', 'call']),
  /** The solution, challenge or call id; for an organisation its id, null when anonymous. */
  id: z.string().nullable(),
  /** SOL-…, ORG-…, the challenge's or the call's code. */
  reference: z.string().nullable(),
  /** The solution's name, the challenge's title, the call's title (English); an organisation's name or null. */
  title: z.string().nullable(),
  /** A solution's pitch; a challenge's slug (for links); a call's closing time. */
  detail: z.string().nullable(),
  organisation: recommendedOrganisation.nullable(),
  trl: z.number().int().nullable(),
  /** 0–1 for the best text match, plus tag and complementarity shares. */
  score: z.number(),
  explanation: recommendationExplanation,
})
export type Recommendation = z.infer<typeof recommendation>

export const recommendationList = z.object({
  target: z.enum(recommendationTargets),
  items: z.array(recommendation),
})
export type RecommendationList = z.infer<typeof recommendationList>

export const recommendationQuery = z.object({
  target: z.enum(recommendationTargets),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

export const partnerSuggestionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

/** What the consortium still needs, as the suggestions read the call's rules. */
export const consortiumNeeds = z.object({
  countries: z.object({ have: z.number().int(), need: z.number().int() }).nullable(),
  smes: z.object({ have: z.number().int(), need: z.number().int() }).nullable(),
  endUser: z.boolean(),
  eligibleCountries: z.array(z.string()),
  /** Words of the application the consortium's profiles already cover (left out of the query). */
  coveredWords: z.number().int(),
})
export type ConsortiumNeeds = z.infer<typeof consortiumNeeds>

export const partnerSuggestions = z.object({
  needs: consortiumNeeds,
  items: z.array(recommendation),
})
export type PartnerSuggestions = z.infer<typeof partnerSuggestions>

export const challengeRecParams = z.object({ challengeId: uuid })
export const solutionRecParams = z.object({ solutionId: uuid })
export const organisationRecParams = z.object({ organisationId: uuid })
export const applicationRecParams = z.object({ applicationId: uuid })
