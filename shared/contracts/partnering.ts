import { z } from 'zod'
import { countryCodes } from '../countries.ts'
import { queryLanguages } from './catalogue.ts'
import { abilities, isoDateTime, localizedText, pageOf, pageQuery, uuid } from './common.ts'

/**
 * Partner search (issue 6 §4): organisations publish partnering posts — EEN-style offers and requests,
 * or a partner sought for a call — others express interest with a message, the owner accepts or
 * declines; on acceptance both sides see each other's contact and a message thread opens between the
 * two organisations. An anonymous post shows no identity of its organisation (no name, id or profile
 * reference) to anyone but its members and the programme's brokers, until an interest is accepted.
 */

export const partneringKinds = [
  'technology_offer',
  'technology_request',
  'business_offer',
  'business_request',
  'partner_sought_for_call',
] as const
export type PartneringKind = (typeof partneringKinds)[number]

export const partneringStatuses = ['draft', 'published', 'closed'] as const
export type PartneringStatus = (typeof partneringStatuses)[number]

export const interestStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const
export type InterestStatus = (typeof interestStatuses)[number]

/** Limits shared by the forms and the server. */
export const partneringLimits = {
  title: 200,
  description: 8000,
  expertise: 2000,
  tags: 20,
  countries: 60,
  message: 4000,
  /** How far ahead a post may expire, in days. */
  maxLifetimeDays: 366,
} as const

const country = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(countryCodes))
const text = (max: number) => z.string().trim().max(max)

export const partneringPostInput = z.object({
  organisationId: uuid,
  kind: z.enum(partneringKinds),
  title: text(partneringLimits.title).min(3),
  description: text(partneringLimits.description).min(20),
  expertiseOffered: text(partneringLimits.expertise).default(''),
  expertiseSought: text(partneringLimits.expertise).default(''),
  tags: z.array(uuid).max(partneringLimits.tags).default([]),
  countriesWanted: z.array(country).max(partneringLimits.countries).default([]),
  callId: uuid.nullable().default(null),
  challengeId: uuid.nullable().default(null),
  expiresAt: isoDateTime,
  anonymous: z.boolean().default(false),
})
export type PartneringPostInput = z.output<typeof partneringPostInput>

/** The fields sent are replaced; the organisation never changes. */
export const partneringPostPatch = z.object({
  kind: z.enum(partneringKinds).optional(),
  title: text(partneringLimits.title).min(3).optional(),
  description: text(partneringLimits.description).min(20).optional(),
  expertiseOffered: text(partneringLimits.expertise).optional(),
  expertiseSought: text(partneringLimits.expertise).optional(),
  tags: z.array(uuid).max(partneringLimits.tags).optional(),
  countriesWanted: z.array(country).max(partneringLimits.countries).optional(),
  callId: uuid.nullable().optional(),
  challengeId: uuid.nullable().optional(),
  expiresAt: isoDateTime.optional(),
  anonymous: z.boolean().optional(),
})
export type PartneringPostPatch = z.output<typeof partneringPostPatch>

/**
 * An organisation as the caller may see it. `disclosed` false: its country and type only — no name, no
 * id, no profile reference (the reference would lead to its profile).
 */
export const partneringOrganisation = z.object({
  disclosed: z.boolean(),
  id: uuid.nullable(),
  name: z.string().nullable(),
  country: z.string(),
  type: z.string(),
})
export type PartneringOrganisation = z.infer<typeof partneringOrganisation>

/** Who to talk to, shown to both sides of an accepted interest only. */
export const partneringContact = z.object({
  organisationId: uuid,
  organisationName: z.string(),
  country: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
})
export type PartneringContact = z.infer<typeof partneringContact>

export const partneringPost = z.object({
  id: uuid,
  reference: z.string(),
  kind: z.enum(partneringKinds),
  status: z.enum(partneringStatuses),
  title: z.string(),
  description: z.string(),
  expertiseOffered: z.string(),
  expertiseSought: z.string(),
  tags: z.array(z.object({ id: uuid, name: z.string(), taxonomyId: z.string() })),
  countriesWanted: z.array(z.string()),
  call: z.object({ id: uuid, code: z.string(), title: localizedText }).nullable(),
  challenge: z.object({ id: uuid, code: z.string(), slug: z.string(), title: z.string() }).nullable(),
  anonymous: z.boolean(),
  expiresAt: isoDateTime,
  /** Past its expiry: no longer listed, no new interests. */
  expired: z.boolean(),
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  organisation: partneringOrganisation,
  /** The caller's organisations are its authors. */
  mine: z.boolean(),
  /** Interests received, by status (authors and brokers only; null for others). */
  interestCounts: z.record(z.enum(interestStatuses), z.number().int()).nullable(),
  /** The caller's organisations' latest interest in it. */
  myInterest: z.object({ id: uuid, status: z.enum(interestStatuses) }).nullable(),
  abilities,
})
export type PartneringPost = z.infer<typeof partneringPost>

export const partneringSorts = ['relevance', 'newest', 'expiry', 'title'] as const
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional())

/** The marketplace: published, unexpired posts. */
export const partneringListQuery = pageQuery.extend({
  q: optional(z.string().trim().max(200)),
  lang: optional(z.enum(queryLanguages)),
  kind: optional(z.enum(partneringKinds)),
  call: optional(uuid),
  challenge: optional(uuid),
  /** The publisher's country. */
  country: optional(country),
  /** Posts that accept partners from this country (or name none). */
  wanted: optional(country),
  tag: optional(uuid),
  sort: optional(z.enum(partneringSorts)),
})
export type PartneringListQuery = z.output<typeof partneringListQuery>
export const partneringPage = pageOf(partneringPost)

/** The posts of the caller's organisations (every status). */
export const myPostsQuery = pageQuery.extend({
  organisationId: optional(uuid),
  status: optional(z.enum(partneringStatuses)),
})
export const postParams = z.object({ postId: uuid })
export const interestParams = z.object({ interestId: uuid })
export const threadParams = z.object({ threadId: uuid })

export const interestInput = z.object({
  organisationId: uuid,
  message: text(partneringLimits.message).min(10),
})
export const decisionInput = z.object({ message: text(partneringLimits.message).optional() })

export const interest = z.object({
  id: uuid,
  status: z.enum(interestStatuses),
  message: z.string(),
  decisionMessage: z.string().nullable(),
  createdAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  post: z.object({
    id: uuid,
    reference: z.string(),
    title: z.string(),
    kind: z.enum(partneringKinds),
    organisation: partneringOrganisation,
  }),
  /** The interested organisation, as the caller may see it. */
  from: partneringOrganisation,
  /** Both sides' contacts, once accepted (for the two parties and brokers). */
  contacts: z.object({ post: partneringContact, interested: partneringContact }).nullable(),
  threadId: uuid.nullable(),
  abilities,
})
export type Interest = z.infer<typeof interest>
export const interestList = z.object({ items: z.array(interest) })
export const myInterestsQuery = pageQuery.extend({
  organisationId: optional(uuid),
  status: optional(z.enum(interestStatuses)),
})
export const interestPage = pageOf(interest)

export const messageInput = z.object({ body: text(partneringLimits.message).min(1) })
export const message = z.object({
  id: uuid,
  seq: z.number().int(),
  body: z.string(),
  createdAt: isoDateTime,
  author: z.object({ id: uuid, name: z.string() }).nullable(),
  organisationId: uuid,
  /** Written by the caller. */
  mine: z.boolean(),
})
export type Message = z.infer<typeof message>

export const threadSummary = z.object({
  id: uuid,
  subject: z.string(),
  post: z.object({ id: uuid, reference: z.string() }).nullable(),
  /** The other organisation(s), named: a thread opens only after contacts are exchanged. */
  participants: z.array(z.object({ id: uuid, name: z.string(), country: z.string() })),
  lastMessageAt: isoDateTime.nullable(),
  lastMessage: z.string().nullable(),
  unread: z.number().int().min(0),
  createdAt: isoDateTime,
})
export type ThreadSummary = z.infer<typeof threadSummary>
export const threadList = z.object({ items: z.array(threadSummary) })
export const thread = threadSummary.extend({
  messages: z.array(message),
  /** True when older messages were left out (the newest 500 are sent). */
  truncated: z.boolean(),
})
export type Thread = z.infer<typeof thread>

export const partneringUnread = z.object({
  /** Unread messages across the caller's threads. */
  messages: z.number().int().min(0),
  threads: z.number().int().min(0),
  /** Pending interests in the posts of the caller's organisations. */
  pendingInterests: z.number().int().min(0),
})
export type PartneringUnread = z.infer<typeof partneringUnread>
