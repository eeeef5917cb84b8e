import type { Invitation } from '../../../../shared/contracts/organisations.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { invitationStatus } from '../domain/invitations.ts'
import { assertIdentityVisible, iso } from './organisation-view.ts'

/** Invitations with the inviter's name; the token hash is never selected. */
export function selectInvitations(db: Queryable) {
  return db
    .selectFrom('invitations as i')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .select([
      'i.id',
      'i.organisation_id',
      'i.email',
      'i.role',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'i.created_at',
      'inviter.name as inviter_name',
    ])
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof selectInvitations>['executeTakeFirstOrThrow']>>

export function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Invitation['role'],
    status: invitationStatus(
      { acceptedAt: row.accepted_at, revokedAt: row.revoked_at, expiresAt: row.expires_at },
      now,
    ),
    invitedBy: row.inviter_name ?? null,
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
  }
}

export async function readInvitation(db: Queryable, id: string, now: Date): Promise<Invitation> {
  return toInvitation(await selectInvitations(db).where('i.id', '=', id).executeTakeFirstOrThrow(), now)
}

/** An organisation's invitations, newest first, with their status at the clock's time. */
export async function listInvitations(ctx: CommandContext, organisationId: string): Promise<{ items: Invitation[] }> {
  authorize(ctx.actor, 'organisation.members.view', { type: 'organisation', id: organisationId })
  await assertIdentityVisible(ctx.db, ctx.actor, organisationId)
  const rows = await selectInvitations(ctx.db)
    .where('i.organisation_id', '=', organisationId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .execute()
  const now = ctx.clock.now()
  return { items: rows.map((r) => toInvitation(r, now)) }
}
