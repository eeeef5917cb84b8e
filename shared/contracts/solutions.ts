import { z } from 'zod'
import { countryCodes } from '../countries.ts'
import { abilities, isoDateTime, localizedText, pageOf, pageQuery, sortParam, uuid } from './common.ts'
import { taxonomyTerm } from './taxonomies.ts'
import { solutionTypes, trlStatus, trlWindow } from './trl.ts'

export { type SolutionType, solutionTypes } from './trl.ts'

/**
 * Solutions: what an organisation offers (issue 4, item 2). Members of the owning organisation write
 * them; who sees one is `visibleSolutions` on the server, whose name is shown is the disclosure rule.
 */
export const solutionStatuses = ['draft', 'published', 'archived'] as const
export type SolutionStatus = (typeof solutionStatuses)[number]
/** public: anyone; members: programme members; anonymous: listed for anyone, the owner's identity hidden. */
export const solutionVisibilities = ['public', 'members', 'anonymous'] as const
export type SolutionVisibility = (typeof solutionVisibilities)[number]
export const ipStatuses = ['proprietary', 'patented', 'patent_pending', 'open_source', 'licensed', 'other'] as const
export type IpStatus = (typeof ipStatuses)[number]
/** Who the solution is for (the catalogue's "target end-users"). */
export const targetUserGroups = [
  'municipalities',
  'critical_infrastructure',
  'first_responders',
  'law_enforcement',
  'private_security',
  'event_organisers',
  'transport_operators',
  'healthcare',
  'citizens',
  'other',
] as const
export type TargetUserGroup = (typeof targetUserGroups)[number]
/** The kind of client of a reference or deployment. */
export const referenceClientTypes = [
  'public_authority',
  'infrastructure_operator',
  'law_enforcement',
  'emergency_service',
  'private_company',
  'research_organisation',
  'other',
] as const
/** The languages a solution's text may be declared in (PostgreSQL text-search configurations exist for each). */
export const solutionLanguages = ['en', 'fr', 'nl', 'de', 'es', 'it'] as const
export type SolutionLanguage = (typeof solutionLanguages)[number]

export const solutionNameMax = 160
export const pitchMax = 160

export const solutionReference = z.object({
  clientType: z.enum(referenceClientTypes),
  country: z.enum(countryCodes),
  year: z.number().int().min(1980).max(2100),
  description: z.string().trim().min(1).max(500),
})
export type SolutionReference = z.infer<typeof solutionReference>

const text = (max: number) => z.string().trim().max(max).default('')
export const solutionContent = z.object({
  description: text(10_000),
  problem: text(5_000),
  targetUsers: z.array(z.enum(targetUserGroups)).max(targetUserGroups.length).default([]),
  /** References and deployments. */
  references: z.array(solutionReference).max(30).default([]),
})
export type SolutionContent = z.infer<typeof solutionContent>

const fields = {
  name: z.string().trim().min(2).max(solutionNameMax),
  pitch: z.string().trim().min(1).max(pitchMax),
  type: z.enum(solutionTypes),
  visibility: z.enum(solutionVisibilities),
  ipStatus: z.enum(ipStatuses),
  targetTrl: z.number().int().min(1).max(9).nullable(),
  /** The text's language; null to let the server detect it. */
  language: z.enum(solutionLanguages).nullable(),
  content: solutionContent,
  domainIds: z.array(uuid).max(10),
  /** Published challenges of the programme only. */
  challengeIds: z.array(uuid).max(30),
  tags: z.array(uuid).max(30),
}

export const solutionInput = z.object({
  organisationId: uuid,
  ...fields,
  visibility: fields.visibility.default('public'),
  ipStatus: fields.ipStatus.default('proprietary'),
  targetTrl: fields.targetTrl.default(null),
  language: fields.language.default(null),
  content: solutionContent.default(solutionContent.parse({})),
  domainIds: fields.domainIds.default([]),
  challengeIds: fields.challengeIds.default([]),
  tags: fields.tags.default([]),
  /** Drafts are seen by the organisation's members only. */
  status: z.enum(['draft', 'published']).default('draft'),
})
export type SolutionInput = z.input<typeof solutionInput>

/** A save: the fields sent change; `expectedRevision` must be the revision the author started from. */
export const solutionPatch = z
  .object({ expectedRevision: z.number().int().min(1), ...fields })
  .partial()
  .required({ expectedRevision: true })

export const solutionActions = ['publish', 'unpublish', 'archive', 'restore'] as const
export type SolutionAction = (typeof solutionActions)[number]
export const solutionTransitionInput = z.object({
  action: z.enum(solutionActions),
  expectedRevision: z.number().int().min(1),
})

/**
 * The owner as the caller may see it. When its identity is hidden (anonymous profile or anonymous
 * solution), only the country is given, and the profile's public reference only when the profile itself
 * is anonymous (never for an anonymous solution of a public profile: the reference would name it).
 */
export const solutionOwner = z.object({
  disclosed: z.boolean(),
  id: uuid.nullable(),
  name: z.string().nullable(),
  country: z.string(),
  publicRef: z.string().nullable(),
})
export type SolutionOwner = z.infer<typeof solutionOwner>

export const mediaKinds = ['image', 'datasheet'] as const
export type MediaKind = (typeof mediaKinds)[number]
export const mediaLimits = { image: 12, datasheet: 4 } as const
export const solutionMedia = z.object({
  id: uuid,
  kind: z.enum(mediaKinds),
  caption: z.string().nullable(),
  position: z.number().int(),
  contentType: z.string(),
  byteSize: z.number().int(),
  /** The download name: neutral (reference-based) when the owner's identity is hidden from the caller. */
  filename: z.string(),
  url: z.string(),
})
export type SolutionMedia = z.infer<typeof solutionMedia>

const base64 = (maxBytes: number) =>
  z
    .string()
    .min(1)
    .max(Math.ceil((maxBytes * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
export const mediaUploadInput = z.object({
  kind: z.enum(mediaKinds),
  filename: z.string().trim().min(1).max(200),
  /** The bytes, base64: images PNG/JPEG/WebP ≤ 2 MB, datasheets PDF ≤ 10 MB (the type is read from the content). */
  data: base64(10 * 1024 * 1024),
  caption: z.string().trim().max(300).nullable().default(null),
})
export const mediaBodyLimit = 15 * 1024 * 1024
export const mediaPatch = z.object({
  caption: z.string().trim().max(300).nullable().optional(),
  /** The new position among the media of the same kind (0-based); the others shift. */
  position: z.number().int().min(0).max(50).optional(),
})

export const solutionSummary = z.object({
  id: uuid,
  reference: z.string(),
  name: z.string(),
  pitch: z.string(),
  status: z.enum(solutionStatuses),
  visibility: z.enum(solutionVisibilities),
  type: z.enum(solutionTypes),
  language: z.string(),
  /** The effective TRL (latest review, else the self-assessment), null before any completed assessment. */
  assessedTrl: z.number().int().nullable(),
  targetTrl: z.number().int().nullable(),
  /** Whether the effective TRL lies in the programme's window (null: not assessed yet). */
  fitsProgrammeWindow: z.boolean().nullable(),
  /** The programme's window: its latest published call's, else 5–8. */
  programmeTrlWindow: trlWindow,
  revision: z.number().int(),
  owner: solutionOwner,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type SolutionSummary = z.infer<typeof solutionSummary>

const person = z.object({ id: uuid, name: z.string() }).nullable()
export const solutionRevisionMeta = z.object({ revision: z.number().int(), author: person, createdAt: isoDateTime })

export const solution = solutionSummary.extend({
  content: solutionContent,
  languageDeclared: z.boolean(),
  ipStatus: z.enum(ipStatuses),
  domains: z.array(z.object({ id: uuid, code: z.string(), name: localizedText })),
  challenges: z.array(
    z.object({
      id: uuid,
      code: z.string(),
      slug: z.string(),
      title: z.string(),
      trlMin: z.number().int(),
      trlMax: z.number().int(),
    }),
  ),
  tags: z.array(taxonomyTerm),
  media: z.array(solutionMedia),
  /** Saved revisions (members of the owning organisation and programme staff). */
  revisions: z.array(solutionRevisionMeta),
  trl: trlStatus,
  abilities,
})
export type Solution = z.infer<typeof solution>

/** What a revision holds: the whole solution as saved. */
export const solutionSnapshot = z.object({
  status: z.enum(solutionStatuses),
  visibility: z.enum(solutionVisibilities),
  type: z.enum(solutionTypes),
  name: z.string(),
  pitch: z.string(),
  content: solutionContent,
  language: z.string(),
  languageDeclared: z.boolean(),
  ipStatus: z.enum(ipStatuses),
  targetTrl: z.number().int().nullable(),
  domainIds: z.array(uuid),
  challengeIds: z.array(uuid),
  tagIds: z.array(uuid),
})
export type SolutionSnapshot = z.infer<typeof solutionSnapshot>
export const solutionRevision = solutionRevisionMeta.extend({ snapshot: solutionSnapshot })

export const solutionSortFields = ['updatedAt', 'name', 'reference', 'assessedTrl'] as const
export const solutionListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(solutionStatuses).optional(),
  type: z.enum(solutionTypes).optional(),
  sort: sortParam(solutionSortFields, '-updatedAt'),
})
export const solutionPage = pageOf(solutionSummary)
export const solutionParams = z.object({ solutionId: uuid })
export const organisationSolutionsParams = z.object({ organisationId: uuid })
export const solutionRevisionParams = solutionParams.extend({ revision: z.coerce.number().int().min(1) })
export const mediaParams = solutionParams.extend({ mediaId: uuid })
export const assessmentParams = solutionParams.extend({ assessmentId: uuid })
export const evidenceParams = assessmentParams.extend({ fileId: uuid })
export const questionnaireParams = z.object({ type: z.enum(solutionTypes) })
