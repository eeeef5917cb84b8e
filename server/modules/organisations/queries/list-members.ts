import type { OrganisationRole } from '../../../../shared/authz.ts'
import type { Member } from '../../../../shared/contracts/organisations.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize, can } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { memberAbilities } from '../domain/membership-rules.ts'
import { byRoleDescending, countOwners } from '../domain/roles.ts'
import { assertIdentityVisible, iso, withRole } from './organisation-view.ts'

/** Members of an organisation (owners first, then by name) with what `actor` may do to each. */
export async function readMembers(db: Queryable, actor: Actor, organisationId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.role', 'm.created_at', 'u.name', 'u.email'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.name')
    .orderBy('u.email')
    .execute()
  const roles = rows.map((r) => r.role as OrganisationRole)
  const ownerCount = countOwners(roles)
  const myRole = (rows.find((r) => r.user_id === actor.userId)?.role ?? null) as OrganisationRole | null
  const viewer = withRole(actor, organisationId, myRole)
  const subject = { type: 'organisation', id: organisationId } as const
  const manage = can(viewer, 'organisation.members.manage', subject)
  const mayManageOwners = can(viewer, 'organisation.ownership.transfer', subject).allowed
  return rows
    .map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      role: r.role as OrganisationRole,
      joinedAt: iso(r.created_at),
      abilities: memberAbilities({ manage, mayManageOwners, role: r.role as OrganisationRole, ownerCount }),
    }))
    .sort((a, b) => byRoleDescending(a.role, b.role))
}

export async function listMembers(ctx: CommandContext, organisationId: string): Promise<{ items: Member[] }> {
  authorize(ctx.actor, 'organisation.members.view', { type: 'organisation', id: organisationId })
  await assertIdentityVisible(ctx.db, ctx.actor, organisationId)
  return { items: await readMembers(ctx.db, ctx.actor, organisationId) }
}
