import { z } from 'zod'
import { organisationRoles, programmeRoles, tokenScopes } from '../authz.ts'
import { abilities, isoDateTime, locale, uuid } from './common.ts'

/** Password length, the same for the server (better-auth) and the forms. */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

export const programmeRoleGrant = z.object({
  id: uuid,
  programmeId: uuid,
  role: z.enum(programmeRoles),
  clusterId: uuid.nullable(),
  clusterName: z.string().nullable(),
  /** False when the programme requires two-factor sign-in for operators and this person has none yet. */
  effective: z.boolean(),
})

export const me = z.object({
  user: z.object({
    id: uuid,
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    locale,
    twoFactorEnabled: z.boolean(),
    createdAt: isoDateTime,
  }),
  programmeRoles: z.array(programmeRoleGrant),
  memberships: z.array(
    z.object({
      organisation: z.object({ id: uuid, legalName: z.string(), shortName: z.string().nullable() }),
      role: z.enum(organisationRoles),
    }),
  ),
  /** The caller's abilities on programme-wide capabilities (navigation shows what is allowed). */
  abilities,
  /** True when the programme requires two-factor sign-in of this person and it is not set up yet. */
  twoFactorRequired: z.boolean(),
})
export type Me = z.infer<typeof me>

export const profilePatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  locale: locale.optional(),
})

export const apiToken = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(tokenScopes)),
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
})
export type ApiToken = z.infer<typeof apiToken>
export const apiTokenList = z.object({ items: z.array(apiToken) })
export const apiTokenInput = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(tokenScopes)).min(1),
  expiresInDays: z.number().int().min(1).max(365).nullable().default(90),
})
/** Returned once, at creation: the secret is never shown again. */
export const apiTokenCreated = apiToken.extend({ token: z.string() })
