import { z } from 'zod'
import { countryCodes } from '../countries.ts'
import { abilities, isoDateTime, uuid } from './common.ts'
import { organisationTypes } from './organisations.ts'

/**
 * The applicant profile of an organisation (issue 4, item 1): figures for the SME check under EU
 * Recommendation 2003/361, partner and linked enterprises, region, expertise tags, logo and the
 * visibility of its identity; and the public profile everyone may see (identity only when the
 * disclosure rule allows: server/modules/organisations/domain/disclosure.ts).
 *
 * Money is in integer euro cents; headcount in annual work units (AWU, two decimals at most);
 * shares in percent (two decimals at most).
 */

export const smeStatuses = ['micro', 'small', 'medium', 'not_sme'] as const
export type SmeStatus = (typeof smeStatuses)[number]
export const smeClasses = ['micro', 'small', 'medium'] as const
export type SmeClass = (typeof smeClasses)[number]
export const profileVisibilities = ['public', 'members', 'anonymous'] as const
export type ProfileVisibility = (typeof profileVisibilities)[number]
export const relationKinds = ['partner', 'linked'] as const
export type RelationKind = (typeof relationKinds)[number]
/** The languages a description may be declared in (PostgreSQL text-search configurations). */
export const descriptionLanguages = ['en', 'fr', 'nl', 'de', 'es', 'it'] as const
export type DescriptionLanguage = (typeof descriptionLanguages)[number]
export const smeFigureFields = ['headcount', 'annualTurnover', 'balanceSheet'] as const
export type SmeFigureField = (typeof smeFigureFields)[number]

/** 10 000 000 000 € in cents: far above any SME, low enough for exact arithmetic everywhere. */
export const maxMoneyCents = 1_000_000_000_000
const hundredths = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6
const cents = z.number().int('whole_cents').min(0).max(maxMoneyCents)
const awu = z.number().min(0).max(10_000_000).refine(hundredths, { message: 'two_decimals' })
const percent = z.number().min(0).max(100).refine(hundredths, { message: 'two_decimals' })

// ---------------------------------------------------------------------------------------------
// The SME check's reasoning, stored with the status and rendered in words by the UI.

const figures = z.object({
  headcount: z.number().nullable(),
  annualTurnoverCents: z.number().nullable(),
  balanceSheetCents: z.number().nullable(),
})
export const smeRelationOutcome = z.object({
  /** Index in the declared list (names are not repeated here: the explanation carries no identity). */
  position: z.number().int(),
  declared: z.enum(relationKinds),
  /** How the relation counts: in full (linked), in proportion (partner), or not at all. */
  counted: z.enum(['linked', 'partner', 'ignored']),
  /** majority: share above 50 %; control: declared linked below that (control by other means);
   * share: 25–50 %; below_threshold: under 25 %, the enterprise stays autonomous towards it. */
  reason: z.enum(['majority', 'control', 'share', 'below_threshold']),
  sharePercent: z.number(),
  /** The percentage of the related enterprise's figures added: 100, the share, or 0. */
  factorPercent: z.number(),
  contribution: figures,
})
export type SmeRelationOutcome = z.infer<typeof smeRelationOutcome>
export const smeThresholdTest = z.object({
  class: z.enum(smeClasses),
  staffLimit: z.number(),
  turnoverLimitCents: z.number(),
  balanceSheetLimitCents: z.number(),
  /** Staff strictly below the limit. */
  staffPassed: z.boolean(),
  /** Turnover at most the ceiling. */
  turnoverPassed: z.boolean(),
  /** Balance-sheet total at most the ceiling. */
  balanceSheetPassed: z.boolean(),
  /** Staff passed, and at least one of the two financial ceilings. */
  passed: z.boolean(),
})
export type SmeThresholdTest = z.infer<typeof smeThresholdTest>
export const smeExplanation = z.object({
  rule: z.literal('EU 2003/361'),
  status: z.enum(smeStatuses).nullable(),
  decidedBy: z.enum(['public_body', 'thresholds', 'missing_data']),
  /** The enterprise's own figures that are still missing (status unknown until given). */
  missing: z.array(z.enum(smeFigureFields)),
  publicBodyControl: z.boolean(),
  own: figures,
  relations: z.array(smeRelationOutcome),
  /** Own figures plus each relation's contribution; null while figures are missing. */
  aggregated: figures.nullable(),
  tests: z.array(smeThresholdTest),
})
export type SmeExplanation = z.infer<typeof smeExplanation>

// ---------------------------------------------------------------------------------------------
// Applicant profile (members of the organisation and brokers)

export const relationInput = z.object({
  relation: z.enum(relationKinds),
  name: z.string().trim().min(1).max(200),
  country: z.enum(countryCodes),
  sharePercent: percent,
  headcount: awu,
  annualTurnoverCents: cents,
  balanceSheetCents: cents,
})
export type RelationInput = z.input<typeof relationInput>
export const relationsInput = z.object({ items: z.array(relationInput).max(50) })

const year = (min: number) => z.number().int().min(min).max(2100)
export const applicantProfileInput = z.object({
  headcount: awu.nullable(),
  annualTurnoverCents: cents.nullable(),
  balanceSheetCents: cents.nullable(),
  /** The year the figures are for (the last closed accounting year). */
  financialYear: year(1900).nullable(),
  foundedYear: year(1800).nullable(),
  region: z
    .string()
    .trim()
    .max(100)
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  /** 25 % or more of the capital or voting rights held, directly or indirectly, by public bodies. */
  publicBodyControl: z.boolean(),
  visibility: z.enum(profileVisibilities),
  description: z.string().trim().max(5000),
  /** The description's language; `auto` detects it from the text. */
  descriptionLanguage: z.enum(['auto', ...descriptionLanguages]),
  tagIds: z.array(uuid).max(30),
})
export type ApplicantProfileInput = z.input<typeof applicantProfileInput>

export const profileTag = z.object({ id: uuid, taxonomyId: z.string(), code: z.string(), name: z.string() })
export type ProfileTag = z.infer<typeof profileTag>
export const relation = relationInput.extend({ id: uuid })
export type Relation = z.infer<typeof relation>
export const logoInfo = z.object({
  url: z.string(),
  filename: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
})
export type LogoInfo = z.infer<typeof logoInfo>

export const applicantProfile = z.object({
  organisationId: uuid,
  publicRef: z.string(),
  type: z.enum(organisationTypes),
  country: z.string(),
  headcount: z.number().nullable(),
  annualTurnoverCents: z.number().nullable(),
  balanceSheetCents: z.number().nullable(),
  financialYear: z.number().int().nullable(),
  foundedYear: z.number().int().nullable(),
  region: z.string().nullable(),
  publicBodyControl: z.boolean(),
  visibility: z.enum(profileVisibilities),
  description: z.string(),
  language: z.string(),
  languageDeclared: z.boolean(),
  tags: z.array(profileTag),
  relations: z.array(relation),
  sme: z.object({
    status: z.enum(smeStatuses).nullable(),
    explanation: smeExplanation.nullable(),
    checkedAt: isoDateTime.nullable(),
  }),
  logo: logoInfo.nullable(),
  abilities,
})
export type ApplicantProfile = z.infer<typeof applicantProfile>

/** A logo upload: the bytes as base64 (the type is read from them; PNG, JPEG or WebP up to 1 MB). */
export const logoMaxBytes = 1024 * 1024
export const logoBodyLimit = 3 * 1024 * 1024
export const logoInput = z.object({
  filename: z.string().trim().min(1).max(200),
  data: z
    .string()
    .min(1)
    .max(Math.ceil((2 * logoMaxBytes * 4) / 3) + 8)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
})

// ---------------------------------------------------------------------------------------------
// Public profile: what anyone may see. `identity` is null when the disclosure rule hides it.

export const profileIdentity = z.object({
  name: z.string(),
  shortName: z.string().nullable(),
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  region: z.string().nullable(),
  foundedYear: z.number().int().nullable(),
})
export const publicProfile = z.object({
  publicRef: z.string(),
  type: z.enum(organisationTypes),
  country: z.string(),
  smeStatus: z.enum(smeStatuses).nullable(),
  description: z.string(),
  language: z.string(),
  tags: z.array(profileTag),
  solutionCount: z.number().int(),
  identity: profileIdentity.nullable(),
})
export type PublicProfile = z.infer<typeof publicProfile>
export const publicProfileParams = z.object({ ref: z.string().regex(/^ORG-[0-9A-F]{8}$/) })
/** A logo by the organisation's id or public reference. */
export const logoParams = z.object({
  ref: z.string().regex(/^(ORG-[0-9A-F]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i),
})

export const profileSolution = z.object({
  reference: z.string(),
  name: z.string(),
  pitch: z.string(),
  type: z.string(),
  assessedTrl: z.number().int().nullable(),
})
export type ProfileSolution = z.infer<typeof profileSolution>

/** The server-rendered public page /organisations/:publicRef. */
export const organisationProfilePageProps = z.object({
  programme: z.object({ acronym: z.string(), name: z.string() }).nullable(),
  profile: publicProfile,
  solutions: z.array(profileSolution),
})
export type OrganisationProfilePageProps = z.infer<typeof organisationProfilePageProps>
