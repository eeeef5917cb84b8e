import { sql } from 'kysely'
import type { Capability, OrganisationRole } from '../../../../shared/authz.ts'
import type { Organisation, OrganisationType } from '../../../../shared/contracts/organisations.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { abilitiesFor } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
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

/** Organisations with their member count, owner count and the viewer's role. */
export function selectOrganisations(db: Queryable, viewerId: string | null) {
  const count = sql<string>`count(*)`
  return db
    .selectFrom('organisations as o')
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

export function toOrganisation(row: OrganisationRow, actor: Actor): Organisation {
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
    abilities,
  }
}

/** One organisation as `actor` sees it, read through `db` (the database or a command's transaction). */
export async function readOrganisation(db: Queryable, actor: Actor, id: string): Promise<Organisation> {
  const row = await selectOrganisations(db, actor.userId).where('o.id', '=', id).executeTakeFirst()
  if (!row) throw new DomainError('organisation_not_found')
  return toOrganisation(row, actor)
}
