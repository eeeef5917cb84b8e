import { z } from 'zod'
import { abilities, isoDateTime, pageOf, pageQuery, sortParam, uuid } from './common.ts'
import { taxonomyTerm } from './taxonomies.ts'

export const useCaseStatuses = [
  'draft',
  'submitted',
  'changes_requested',
  'resubmitted',
  'accepted',
  'promoted',
  'archived',
] as const
export type UseCaseStatus = (typeof useCaseStatuses)[number]
/** public: anyone signed in once accepted; programme: programme members; restricted: owner organisation and staff. */
export const confidentialities = ['public', 'programme', 'restricted'] as const
export type Confidentiality = (typeof confidentialities)[number]
/** Actions a person may ask for over HTTP; `promote` is done by the challenges module. */
export const useCaseActions = ['submit', 'resubmit', 'request_changes', 'accept', 'archive'] as const
export type UseCaseAction = (typeof useCaseActions)[number] | 'promote'

const text = z.string().trim().max(5000).default('')
/** The use-case template (DOMAIN.md §6); every field may stay empty while drafting. */
export const useCaseContent = z.object({
  contextAndThreat: text,
  problemStatement: text,
  stakeholders: text,
  owner: text,
  currentPractice: text,
  gaps: text,
  functionalRequirements: text,
  constraints: z
    .object({ legal: text, ethics: text, interoperability: text, price: text, maintainability: text })
    .default({ legal: '', ethics: '', interoperability: '', price: '', maintainability: '' }),
  successCriteria: text,
  testBed: text,
  dataAvailability: text,
  commitment: z
    .object({ validator: z.boolean().default(false), firstAdopter: z.boolean().default(false), notes: text })
    .default({ validator: false, firstAdopter: false, notes: '' }),
})
export type UseCaseContent = z.infer<typeof useCaseContent>

const trl = z.number().int().min(1).max(9).nullable()
const fields = {
  title: z.string().trim().min(3).max(200),
  domainId: uuid.nullable(),
  trlMin: trl,
  trlMax: trl,
  confidentiality: z.enum(confidentialities),
  content: useCaseContent,
  tags: z.array(uuid).max(30),
}
const trlOrder = (v: { trlMin?: number | null; trlMax?: number | null }) =>
  v.trlMin == null || v.trlMax == null || v.trlMin <= v.trlMax

export const useCaseInput = z
  .object({
    organisationId: uuid,
    ...fields,
    domainId: fields.domainId.default(null),
    trlMin: trl.default(null),
    trlMax: trl.default(null),
    confidentiality: fields.confidentiality.default('restricted'),
    content: useCaseContent.default(useCaseContent.parse({})),
    tags: fields.tags.default([]),
    /**
     * Captured at this workshop (during or after it): for its organisers and approved registrants,
     * while it is published. The use case belongs to the workshop's programme.
     */
    workshopId: uuid.nullable().default(null),
  })
  .refine(trlOrder, { path: ['trlMax'], message: 'trl_range' })

/** A save: the fields sent change, and `expectedRevision` must be the revision the author edited. */
export const useCasePatch = z
  .object({ expectedRevision: z.number().int().min(1), ...fields })
  .partial()
  .required({ expectedRevision: true })
  .refine(trlOrder, { path: ['trlMax'], message: 'trl_range' })

export const useCaseTransitionInput = z.object({
  action: z.enum(useCaseActions),
  reason: z.string().trim().max(5000).optional(),
})
export const useCaseCommentInput = z.object({ body: z.string().trim().min(1).max(5000) })

const person = z.object({ id: uuid, name: z.string() }).nullable()
export const useCaseSummary = z.object({
  id: uuid,
  reference: z.string(),
  title: z.string(),
  status: z.enum(useCaseStatuses),
  confidentiality: z.enum(confidentialities),
  organisation: z.object({ id: uuid, name: z.string() }),
  domainId: uuid.nullable(),
  trlMin: z.number().int().nullable(),
  trlMax: z.number().int().nullable(),
  revision: z.number().int(),
  tags: z.array(taxonomyTerm),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  decidedAt: isoDateTime.nullable(),
})
export type UseCaseSummary = z.infer<typeof useCaseSummary>

export const useCaseComment = z.object({ id: uuid, author: person, body: z.string(), createdAt: isoDateTime })
export type UseCaseComment = z.infer<typeof useCaseComment>
export const useCaseRevisionMeta = z.object({ revision: z.number().int(), author: person, createdAt: isoDateTime })
export const useCaseRevision = useCaseRevisionMeta.extend({
  title: z.string(),
  content: useCaseContent,
  domainId: uuid.nullable(),
  trlMin: z.number().int().nullable(),
  trlMax: z.number().int().nullable(),
  confidentiality: z.enum(confidentialities),
})
export type UseCaseRevision = z.infer<typeof useCaseRevision>
export const useCaseTransitionRecord = z.object({
  from: z.enum(useCaseStatuses),
  to: z.enum(useCaseStatuses),
  reason: z.string().nullable(),
  actor: person,
  createdAt: isoDateTime,
})

/** One use case; revisions, transitions and comments are shown to its authors and to staff only. */
export const useCase = useCaseSummary.extend({
  content: useCaseContent,
  /** The workshop it was captured at, if any. */
  capturedAt: z.object({ id: uuid, title: z.string() }).nullable(),
  revisions: z.array(useCaseRevisionMeta),
  transitions: z.array(useCaseTransitionRecord),
  comments: z.array(useCaseComment),
  abilities,
})
export type UseCase = z.infer<typeof useCase>

export const useCaseSortFields = ['updatedAt', 'createdAt', 'title', 'reference'] as const
export const useCaseListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(useCaseStatuses).optional(),
  domain: uuid.optional(),
  organisation: uuid.optional(),
  confidentiality: z.enum(confidentialities).optional(),
  /** Captured at this workshop. */
  workshop: uuid.optional(),
  sort: sortParam(useCaseSortFields, '-updatedAt'),
})
export const useCasePage = pageOf(useCaseSummary)
export const useCaseParams = z.object({ useCaseId: uuid })
export const useCaseRevisionParams = useCaseParams.extend({ revision: z.coerce.number().int().min(1) })
export const useCaseComments = z.object({ items: z.array(useCaseComment) })
