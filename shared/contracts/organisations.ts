import { z } from 'zod'
import { organisationRoles } from '../authz.ts'
import { countryCodes } from '../countries.ts'
import { abilities, isoDateTime, pageOf, pageQuery, sortParam, uuid } from './common.ts'

export const organisationTypes = [
  'sme',
  'large_company',
  'public_authority',
  'infrastructure_operator',
  'integrator',
  'research_organisation',
  'cluster',
  'other',
] as const
export type OrganisationType = (typeof organisationTypes)[number]

const trimmed = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()

const description = z.string().trim().max(5000)

export const website = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { message: 'invalid_url' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional()

export const organisationInput = z.object({
  legalName: trimmed(200),
  shortName: optionalText(60),
  legalForm: optionalText(80),
  country: z.enum(countryCodes),
  registrationNumber: optionalText(40).refine((v) => v == null || /^[A-Za-z0-9 .\-/]{2,40}$/.test(v), {
    message: 'invalid_registration_number',
  }),
  website,
  type: z.enum(organisationTypes),
  description: description.default(''),
})
export type OrganisationInput = z.input<typeof organisationInput>

/** Only the fields sent change: no defaults here (a patch without `description` must not clear it). */
export const organisationPatch = organisationInput.extend({ description }).partial()

export const organisation = z.object({
  id: uuid,
  legalName: z.string(),
  shortName: z.string().nullable(),
  legalForm: z.string().nullable(),
  country: z.string(),
  registrationNumber: z.string().nullable(),
  website: z.string().nullable(),
  type: z.enum(organisationTypes),
  description: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  memberCount: z.number().int(),
  myRole: z.enum(organisationRoles).nullable(),
  /** The stable reference shown instead of the name where the identity is hidden (ORG-XXXXXXXX). */
  publicRef: z.string(),
  visibility: z.enum(['public', 'members', 'anonymous']),
  smeStatus: z.enum(['micro', 'small', 'medium', 'not_sme']).nullable(),
  /** Served through the disclosure rule (GET /api/v1/organisations/:ref/logo); null without a logo. */
  logoUrl: z.string().nullable(),
  abilities,
})
export type Organisation = z.infer<typeof organisation>

export const organisationSortFields = ['legalName', 'country', 'createdAt'] as const
export const organisationListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: z.enum(organisationTypes).optional(),
  country: z.enum(countryCodes).optional(),
  smeStatus: z.enum(['micro', 'small', 'medium', 'not_sme', 'unknown']).optional(),
  visibility: z.enum(['public', 'members', 'anonymous']).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  sort: sortParam(organisationSortFields, 'legalName'),
})
export const organisationPage = pageOf(organisation)

export const member = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role: z.enum(organisationRoles),
  joinedAt: isoDateTime,
  abilities,
})
export type Member = z.infer<typeof member>
export const memberList = z.object({ items: z.array(member) })

export const memberRolePatch = z.object({ role: z.enum(organisationRoles) })
export const ownershipTransfer = z.object({ userId: uuid })

export const invitationRoles = ['admin', 'member'] as const
export const invitationInput = z.object({
  // Trimmed and lower-cased before the format is checked (a pasted address often ends with a space).
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  role: z.enum(invitationRoles).default('member'),
})
export const invitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked'])
export const invitation = z.object({
  id: uuid,
  email: z.string(),
  role: z.enum(invitationRoles),
  status: invitationStatus,
  invitedBy: z.string().nullable(),
  expiresAt: isoDateTime,
  createdAt: isoDateTime,
})
export type Invitation = z.infer<typeof invitation>
export const invitationList = z.object({ items: z.array(invitation) })

/** What the person holding an invitation link sees before accepting. */
export const invitationPreview = z.object({
  organisation: z.object({ id: uuid, legalName: z.string(), country: z.string() }),
  email: z.string(),
  role: z.enum(invitationRoles),
  status: invitationStatus,
  expiresAt: isoDateTime,
})
export type InvitationPreview = z.infer<typeof invitationPreview>
