import { z } from 'zod'
import { isoDateTime, pageOf, pageQuery, uuid } from './common.ts'

/**
 * The expert pool and conflicts of interest (issue 7 §1–2): a person's expert profile (expertise, tags,
 * countries, languages, organisations with years, kind, CV, declarations, availability and load),
 * invitations by e-mail and the public call for experts, per-call approval by operators, conflicts
 * detected from the programme's data with their reasons, and conflicts declared by hand.
 */

export const expertKinds = ['technical', 'practitioner', 'business'] as const
export type ExpertKind = (typeof expertKinds)[number]
export const expertCallStatuses = ['pending', 'approved', 'rejected'] as const
export type ExpertCallStatus = (typeof expertCallStatuses)[number]
export const conflictRules = [
  'own_organisation',
  'linked_enterprise',
  'co_participation',
  'cluster_support',
  'same_country',
  'declared',
] as const

const text = (max: number) => z.string().trim().max(max)
const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase())
const year = z.number().int().min(1900).max(2100)

export const expertOrganisation = z.object({
  /** A platform organisation, or null when given by name only. */
  organisationId: uuid.nullable().default(null),
  name: text(200).min(1),
  country: country.nullable().default(null),
  fromYear: year.nullable().default(null),
  /** Null: works there now. */
  toYear: year.nullable().default(null),
})

export const expertProfileInput = z.object({
  expertise: text(5000),
  tagIds: z.array(uuid).max(50).default([]),
  countries: z.array(country).max(30).default([]),
  languages: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z]{2}$/),
    )
    .max(30)
    .default([]),
  kind: z.enum(expertKinds),
  organisations: z.array(expertOrganisation).max(30).default([]),
  available: z.boolean().default(true),
  maxLoad: z.number().int().min(0).max(200).default(10),
})
export type ExpertProfileInput = z.infer<typeof expertProfileInput>

export const expertDeclarations = z.object({
  codeOfConduct: z.literal(true).optional(),
  confidentiality: z.literal(true).optional(),
})

export const cvUpload = z.object({
  filename: z.string().trim().min(1).max(200),
  /** The bytes, base64: PDF or office document ≤ 10 MB (the type is read from the content). */
  data: z
    .string()
    .min(1)
    .max(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
})
export const cvBodyLimit = 15 * 1024 * 1024

export const expertProfile = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  expertise: z.string(),
  tagIds: z.array(uuid),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  kind: z.enum(expertKinds),
  organisations: z.array(
    z.object({
      organisationId: uuid.nullable(),
      name: z.string(),
      country: z.string().nullable(),
      fromYear: z.number().nullable(),
      toYear: z.number().nullable(),
    }),
  ),
  cv: z.object({ filename: z.string(), contentType: z.string(), byteSize: z.number() }).nullable(),
  codeOfConductAt: isoDateTime.nullable(),
  confidentialityAt: isoDateTime.nullable(),
  available: z.boolean(),
  maxLoad: z.number().int(),
  calls: z.array(
    z.object({ callId: uuid, callCode: z.string(), status: z.enum(expertCallStatuses), maxLoad: z.number().int() }),
  ),
})
export type ExpertProfile = z.infer<typeof expertProfile>

export const callParams = z.object({ callId: uuid })
export const callExpertParams = z.object({ callId: uuid, userId: uuid })
export const tokenParams = z.object({ token: z.string().min(16).max(200) })
export const applicationParams = z.object({ applicationId: uuid })
export const conflictParams = z.object({ conflictId: uuid })

export const expertApply = z.object({
  motivation: text(2000).default(''),
  maxLoad: z.number().int().min(0).max(200).optional(),
})
export const expertInvite = z.object({ email: z.email().max(320), message: text(2000).default('') })
export const expertInvitationSent = z.object({ id: uuid, email: z.string(), expiresAt: isoDateTime })
export const expertDecision = z.object({
  status: z.enum(['approved', 'rejected']),
  maxLoad: z.number().int().min(0).max(200).optional(),
  note: text(2000).default(''),
})

export const callExpert = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  kind: z.enum(expertKinds),
  expertise: z.string(),
  countries: z.array(z.string()),
  source: z.enum(['invitation', 'application']),
  status: z.enum(expertCallStatuses),
  maxLoad: z.number().int(),
  motivation: z.string(),
  declarationsComplete: z.boolean(),
  appliedAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
})
export type CallExpert = z.infer<typeof callExpert>
export const callExpertPage = pageOf(callExpert)
export const callExpertQuery = pageQuery.extend({
  q: z.string().trim().max(200).default(''),
  status: z.enum(expertCallStatuses).optional(),
})

export const conflictSettings = z.object({ clusterRule: z.boolean(), sameCountryRule: z.boolean() })

export const conflictDeclare = z.object({
  /** Operators name the expert; an expert declares for themself (omit). */
  userId: uuid.optional(),
  reason: text(2000).min(3),
})
export const declaredConflict = z.object({
  id: uuid,
  applicationId: uuid,
  userId: uuid,
  reason: z.string(),
  declaredAt: isoDateTime,
})

export const conflictReason = z.object({
  rule: z.enum(conflictRules),
  partnerId: uuid.nullable(),
  partnerName: z.string().nullable(),
  via: z.string(),
  reference: z.string().nullable(),
})
export const conflictPair = z.object({
  userId: uuid,
  expertName: z.string(),
  applicationId: uuid,
  applicationReference: z.string(),
  reasons: z.array(conflictReason),
})
export const conflictList = z.object({
  settings: conflictSettings,
  experts: z.number().int(),
  applications: z.number().int(),
  pairs: z.array(conflictPair),
})
export type ConflictList = z.infer<typeof conflictList>
