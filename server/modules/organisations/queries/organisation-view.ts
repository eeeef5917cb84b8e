import { sql } from 'kysely'
import type { Capability, OrganisationRole } from '../../../../shared/authz.ts'
import type { Organisation, OrganisationType } from '../../../../shared/contracts/organisations.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { abilitiesFor } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { identityVisible } from '../domain/disclosure.ts'
import { leaveAbility } from '../domain/membership-rules.ts'

/** The abilities every organisation in a response carries. */
const organisationAbilities = {
  update: 'organisation.update',
  'members.view': 'organisation.members.view',
  'members.manage': 'organisation.members.manage',
  'ownership.transfer': 'organisation.ownership.transfer',
  leave: 'organisation.leave',
} as const satisfies Record<string, Capability>

export const iso = (d: Date | string) => new Date(d).toISOString()

/**
 * The actor with its role in one organisation replaced by `role` (as read in this request's
 * transaction): memberships are loaded when the request starts, and a command may have changed them.
 */
export function withRole(actor: Actor, organisationId: string, role: OrganisationRole | null): Actor {
  if ((actor.memberships.get(organisationId) ?? null) === role) return actor
  const memberships = new Map(actor.memberships)
  if (role) memberships.set(organisationId, role)
  else memberships.delete(organisationId)
  return { ...actor, memberships }
}

/** Where an organisation's logo is served (through the disclosure rule); `v` changes with the bytes. */
export const logoUrl = (publicRef: string, sha256: string | null | undefined) =>
  sha256 ? `/api/v1/organisations/${publicRef}/logo?v=${sha256.slice(0, 12)}` : null

/**
 * Organisations with their member count, owner count and the viewer's role. These rows carry the
 * identity: only callers the disclosure rule lets see it get them (`toOrganisation` checks again).
 */
export function selectOrganisations(db: Queryable, viewerId: string | null) {
  const count = sql<string>`count(*)`
  return db
    .selectFrom('organisations as o')
    .leftJoin('files as logo', 'logo.id', 'o.logo_file_id')
    .select([
      'o.id',
      'o.legal_name',
      'o.short_name',
      'o.legal_form',
      'o.country',
      'o.registration_number',
      'o.website',
      'o.type',
      'o.description',
      'o.created_at',
      'o.updated_at',
      'o.public_ref',
      'o.visibility',
      'o.sme_status',
      'logo.sha256 as logo_sha256',
    ])
    .select((eb) => [
      eb
        .selectFrom('memberships as m')
        .select(count.as('n'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .as('member_count'),
      eb
        .selectFrom('memberships as m')
        .select(count.as('n'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .where('m.role', '=', 'owner')
        .as('owner_count'),
      eb
        .selectFrom('memberships as m')
        .select('m.role')
        .whereRef('m.organisation_id', '=', 'o.id')
        .where((w) => (viewerId === null ? sql<boolean>`false` : w('m.user_id', '=', viewerId)))
        .as('my_role'),
    ])
}

type OrganisationRow = Awaited<ReturnType<ReturnType<typeof selectOrganisations>['executeTakeFirstOrThrow']>>

/**
 * The identified shape of an organisation. Every read of this shape goes through here, and here the
 * disclosure rule is checked once more: a caller who may not see the identity gets a 404, never the
 * fields (the anonymised shape is the public profile: queries/public-profile.ts).
 */
export function toOrganisation(row: OrganisationRow, actor: Actor): Organisation {
  const myRole = (row.my_role ?? null) as OrganisationRole | null
  if (!identityVisible(withRole(actor, row.id, myRole), { id: row.id, visibility: row.visibility })) {
    throw new DomainError('organisation_not_found')
  }
  return identified(row, actor)
}

function identified(row: OrganisationRow, actor: Actor): Organisation {
  const myRole = (row.my_role ?? null) as OrganisationRole | null
  const ownerCount = Number(row.owner_count ?? 0)
  const viewer = withRole(actor, row.id, myRole)
  const abilities = abilitiesFor(viewer, organisationAbilities, { type: 'organisation', id: row.id })
  abilities.leave = leaveAbility(abilities.leave!, myRole, ownerCount)
  return {
    id: row.id,
    legalName: row.legal_name,
    shortName: row.short_name,
    legalForm: row.legal_form,
    country: row.country,
    registrationNumber: row.registration_number,
    website: row.website,
    type: row.type as OrganisationType,
    description: row.description,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    memberCount: Number(row.member_count ?? 0),
    myRole,
    publicRef: row.public_ref,
    visibility: row.visibility as Organisation['visibility'],
    smeStatus: (row.sme_status ?? null) as Organisation['smeStatus'],
    logoUrl: logoUrl(row.public_ref, row.logo_sha256),
    abilities,
  }
}

/** One organisation as `actor` sees it, read through `db` (the database or a command's transaction). */
export async function readOrganisation(db: Queryable, actor: Actor, id: string): Promise<Organisation> {
  const row = await selectOrganisations(db, actor.userId).where('o.id', '=', id).executeTakeFirst()
  if (!row) throw new DomainError('organisation_not_found')
  return toOrganisation(row, actor)
}

/**
 * Reads about an organisation's people (members, invitations) answer only to callers who may see its
 * identity; anyone else learns nothing, not even that it exists (404).
 */
export async function assertIdentityVisible(db: Queryable, actor: Actor, id: string): Promise<void> {
  const row = await db.selectFrom('organisations').select(['id', 'visibility']).where('id', '=', id).executeTakeFirst()
  if (!row || !identityVisible(actor, row)) throw new DomainError('organisation_not_found')
}
