import { z } from 'zod'
import { isoDateTime, localizedText, pageOf, pageQuery, sortParam, uuid } from './common.ts'

/** A challenge is written in one language; its text is searched with that language's stemming. */
export const challengeLanguages = ['en', 'fr', 'nl'] as const
export const challengeStatuses = ['draft', 'published', 'unpublished'] as const
export type ChallengeStatus = (typeof challengeStatuses)[number]

/** `D1-C3`: the domain's code, then the challenge's number in it. */
export const challengeCodePattern = /^D\d{1,2}-C\d{1,3}$/
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const text = (max: number) => z.string().trim().min(1).max(max)
const trl = z.number().int().min(1).max(9)

export const challengeContent = z.object({
  problem: text(5000),
  expectedOutcome: text(5000),
  requirements: z.array(text(500)).min(1).max(30),
  /** What the end-user brings: a test bed or pilot site, data, and validation of the result. */
  endUserOffers: z.object({
    testBed: z.string().trim().max(2000).default(''),
    data: z.string().trim().max(2000).default(''),
    validation: z.string().trim().max(2000).default(''),
  }),
})
export type ChallengeContent = z.infer<typeof challengeContent>

export const challengeInput = z.object({
  domainId: uuid,
  code: z.string().trim().regex(challengeCodePattern, 'challenge_code_format'),
  /** Derived from the title when left out. */
  slug: z
    .string()
    .trim()
    .min(3)
    .max(80)
    .regex(slugPattern, 'slug_format')
    // `manage` is the operators' list under /api/v1/challenges/manage: no public challenge may take it.
    .refine((v) => v !== 'manage', 'slug_reserved')
    .optional(),
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().min(10).max(1000),
  content: challengeContent,
  trlMin: trl,
  trlMax: trl,
  language: z.enum(challengeLanguages).default('en'),
  tagIds: z.array(uuid).max(30).default([]),
})
export type ChallengeInput = z.output<typeof challengeInput>

/** Each save is a new version; `expectedVersion` is the version the editor started from. */
export const challengePatch = challengeInput
  .omit({ tagIds: true, language: true })
  .partial()
  .extend({
    expectedVersion: z.number().int().min(1),
    language: z.enum(challengeLanguages).optional(),
    tagIds: z.array(uuid).max(30).optional(),
  })
export type ChallengePatch = z.output<typeof challengePatch>

const domainRef = z.object({ id: uuid, code: z.string(), name: localizedText })
const callRef = z.object({ id: uuid, code: z.string(), title: localizedText })
const tagRef = z.object({ id: uuid, taxonomy: z.string(), code: z.string(), name: z.string() })

/** The operator's view of a challenge, whatever its status. */
export const challenge = z.object({
  id: uuid,
  code: z.string(),
  slug: z.string(),
  status: z.enum(challengeStatuses),
  version: z.number().int(),
  language: z.enum(challengeLanguages),
  title: z.string(),
  summary: z.string(),
  content: challengeContent,
  trlMin: z.number().int(),
  trlMax: z.number().int(),
  demo: z.boolean(),
  domain: domainRef,
  calls: z.array(callRef),
  tags: z.array(tagRef),
  useCaseIds: z.array(uuid),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  publishedAt: isoDateTime.nullable(),
})
export type Challenge = z.infer<typeof challenge>

/** The operators' list of challenges of every status (`GET /api/v1/challenges/manage`). */
export const managedChallengeSortFields = ['code', 'title', 'updatedAt'] as const
export const managedChallengeQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(challengeStatuses).optional(),
  domain: uuid.optional(),
  sort: sortParam(managedChallengeSortFields, 'code'),
})
export const managedChallengePage = pageOf(challenge)

export const challengeVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  content: challengeContent,
  trlMin: z.number().int(),
  trlMax: z.number().int(),
  domainId: uuid,
  authorId: uuid.nullable(),
  createdAt: isoDateTime,
})
export const challengeVersions = z.object({ items: z.array(challengeVersion) })

/** A published challenge as the public catalogue lists it. */
export const publicChallengeSummary = z.object({
  id: uuid,
  code: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.enum(challengeLanguages),
  trlMin: z.number().int(),
  trlMax: z.number().int(),
  domain: domainRef,
  calls: z.array(callRef),
  publishedAt: isoDateTime,
})
export type PublicChallengeSummary = z.infer<typeof publicChallengeSummary>

/** One published challenge; `askedBy` names only the end-users of linked public use cases. */
export const publicChallenge = publicChallengeSummary.extend({
  content: challengeContent,
  tags: z.array(tagRef),
  askedBy: z.array(z.object({ name: z.string(), country: z.string() })),
})
export type PublicChallenge = z.infer<typeof publicChallenge>

/** Empty form fields (`?q=&domain=`) mean "no filter", so the no-JavaScript search form can send them all. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optionalTrl = z.preprocess(blank, z.coerce.number().int().min(1).max(9).optional())

export const challengeSorts = ['relevance', 'code', 'title', '-publishedAt'] as const
export const challengeListQuery = pageQuery.extend({
  q: z.preprocess(blank, z.string().trim().max(200).optional()),
  domain: z.preprocess(blank, z.string().trim().max(10).optional()),
  call: z.preprocess(blank, z.string().trim().max(20).optional()),
  tag: z.preprocess(blank, uuid.optional()),
  trlMin: optionalTrl,
  trlMax: optionalTrl,
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
  /** Relevance when searching, the code otherwise. */
  sort: z.preprocess(blank, z.enum(challengeSorts).optional()),
})
export type ChallengeListQuery = z.output<typeof challengeListQuery>
export const publicChallengePage = pageOf(publicChallengeSummary)
export type PublicChallengePage = z.infer<typeof publicChallengePage>

/** The catalogue's filters as the search form shows them (strings, empty when unset). */
export const catalogueFilters = z.object({
  q: z.string(),
  domain: z.string(),
  call: z.string(),
  tag: z.string(),
  trlMin: z.string(),
  trlMax: z.string(),
})
export type CatalogueFilters = z.infer<typeof catalogueFilters>

const programmeRef = z.object({ acronym: z.string(), name: z.string() })

/** Props of the server-rendered catalogue pages (validated before rendering: only these fields reach HTML). */
export const challengeListPageProps = z.object({
  programme: programmeRef,
  domains: z.array(domainRef),
  calls: z.array(callRef),
  filters: catalogueFilters,
  result: publicChallengePage,
})
export type ChallengeListPageProps = z.infer<typeof challengeListPageProps>

export const challengeDetailPageProps = z.object({ programme: programmeRef, challenge: publicChallenge })
export type ChallengeDetailPageProps = z.infer<typeof challengeDetailPageProps>
