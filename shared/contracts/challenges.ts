import { z } from 'zod'
import { challengeSolutions } from './catalogue.ts'
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

export const challengeDetailPageProps = z.object({
  programme: programmeRef,
  challenge: publicChallenge,
  /** "Solutions for this challenge" (solutions module, as anyone may see them). */
  solutions: challengeSolutions.default({ items: [], total: 0 }),
})
export type ChallengeDetailPageProps = z.infer<typeof challengeDetailPageProps>

/** A domain as the public catalogue shows it: its text, and what is published in it. */
export const publicDomain = domainRef.extend({
  description: localizedText,
  /** Published challenges in the domain. */
  challengeCount: z.number().int().min(0),
  /** The calls that hold published challenges of the domain, with how many each. */
  calls: z.array(callRef.extend({ challengeCount: z.number().int().min(0) })),
  /** The lowest and highest expected TRL over its published challenges (null when it has none). */
  trlMin: z.number().int().nullable(),
  trlMax: z.number().int().nullable(),
})
export type PublicDomain = z.infer<typeof publicDomain>
export const publicDomainList = z.object({ items: z.array(publicDomain) })

/** `/domains/:code?page=`: the domain and one page of its published challenges. */
export const domainPageQuery = z.object({
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
})
export const domainPageSize = 20

export const domainIndexPageProps = z.object({ programme: programmeRef, domains: z.array(publicDomain) })
export type DomainIndexPageProps = z.infer<typeof domainIndexPageProps>
export const domainPageProps = z.object({
  programme: programmeRef,
  domain: publicDomain,
  /** The other domains, to move across without going back. */
  otherDomains: z.array(domainRef),
  result: publicChallengePage,
})
export type DomainPageProps = z.infer<typeof domainPageProps>

/** The public "page not found" (404), with the way back into the catalogue. */
export const notFoundPageProps = z.object({ programme: programmeRef.nullable() })
export type NotFoundPageProps = z.infer<typeof notFoundPageProps>

/**
 * A challenge's history (operators): every saved version with what changed since the one before, and
 * the events between versions (publication, calls, linked use cases), newest first.
 */
export const historyFields = [
  'domain',
  'code',
  'slug',
  'language',
  'title',
  'summary',
  'problem',
  'expectedOutcome',
  'requirements',
  'testBed',
  'data',
  'validation',
  'trl',
  'tags',
] as const
export type HistoryField = (typeof historyFields)[number]
export const diffSegment = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })
export type DiffSegment = z.infer<typeof diffSegment>
export const fieldChange = z.object({
  field: z.enum(historyFields),
  /** The value before and after, as text (lists one item a line); null when empty or not recorded. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** Text fields: the word-by-word difference, in reading order. */
  segments: z.array(diffSegment).optional(),
  /** Lists (requirements, tags): the items that came and went. */
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
})
export type FieldChange = z.infer<typeof fieldChange>
export const historyKinds = [
  'created',
  'edited',
  'published',
  'unpublished',
  'call_linked',
  'call_unlinked',
  'use_cases_linked',
  'use_case_unlinked',
] as const
export type HistoryKind = (typeof historyKinds)[number]
export const historyEntry = z.object({
  kind: z.enum(historyKinds),
  at: isoDateTime,
  /** Who did it; `id` null for the system (seed, import). */
  actor: z.object({ id: uuid.nullable(), name: z.string() }),
  /** The version saved (created, edited) or current at the time (the other events). */
  version: z.number().int().nullable(),
  changes: z.array(fieldChange),
  /** What the event is about: call codes, use-case references. */
  subjects: z.array(z.string()),
})
export type HistoryEntry = z.infer<typeof historyEntry>
export const challengeHistoryQuery = pageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(100).default(20) })
export const challengeHistory = pageOf(historyEntry)
export type ChallengeHistory = z.infer<typeof challengeHistory>
