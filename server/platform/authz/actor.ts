import type { OrganisationRole, ProgrammeRole, TokenScope } from '../../../shared/authz.ts'

export interface ProgrammeRoleGrant {
  id: string
  programmeId: string
  role: ProgrammeRole
  clusterId: string | null
  /** False while the programme requires two-factor sign-in of operators and this person has none. */
  effective: boolean
}

/** Who is asking: resolved once per request (or built by a script) and passed to every command. */
export interface Actor {
  kind: 'anonymous' | 'user' | 'token' | 'system'
  userId: string | null
  /** Shown in the activity log: an email address, or 'system'. */
  label: string
  disabled: boolean
  twoFactorEnabled: boolean
  programmeRoles: ProgrammeRoleGrant[]
  /** organisationId → role, for the organisations this person belongs to. */
  memberships: Map<string, OrganisationRole>
  /** The scopes of the API token in use; null when signed in with a session. */
  scopes: ReadonlySet<TokenScope> | null
  tokenId: string | null
}

export const anonymousActor: Actor = Object.freeze({
  kind: 'anonymous',
  userId: null,
  label: 'anonymous',
  disabled: false,
  twoFactorEnabled: false,
  programmeRoles: [],
  memberships: new Map(),
  scopes: null,
  tokenId: null,
}) as Actor

/** The actor for seeds, migrations and jobs: it may do anything and is recorded as `system`. */
export const systemActor: Actor = Object.freeze({
  kind: 'system',
  userId: null,
  label: 'system',
  disabled: false,
  twoFactorEnabled: true,
  programmeRoles: [],
  memberships: new Map(),
  scopes: null,
  tokenId: null,
}) as Actor
