import type {
  Consortium,
  ConsortiumAccept,
  ConsortiumInvitation,
  ConsortiumMember,
} from '../../../../../shared/contracts/consortia.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { notify } from '../../../notifications/index.ts'
import { findByToken, getInvitation } from '../queries/invitation.ts'
import {
  type ConsortiumRow,
  findConsortium,
  loadMembers,
  type MemberRow,
  requireForming,
  selectConsortium,
  selectMembers,
} from '../queries/rows.ts'
import { memberView, readConsortium } from '../queries/view.ts'
import { sideOf } from './notices.ts'

type Decision = { kind: 'accept'; input: ConsortiumAccept } | { kind: 'decline' }

/** An invitation is answered once, while it is valid. */
function requirePending(m: MemberRow, now: Date): void {
  if (m.status !== 'invited')
    throw new DomainError('invitation_used', 'This invitation has already been answered or was withdrawn.')
  if (m.token_expires_at !== null && new Date(m.token_expires_at).getTime() <= now.getTime())
    throw new DomainError('invitation_expired', 'This invitation has expired: ask the lead for a new one.')
}

/**
 * The answer, on the locked consortium. Accepting names the organisation: an invitation by
 * organisation is answered by that organisation's members; an e-mail invitation by a member of the
 * organisation they choose (403 `not_a_member` otherwise), which must not already be in the consortium
 * (`already_in_consortium`). The role given replaces the one proposed. The lead's side is notified.
 */
async function answer(
  tx: Tx,
  ctx: CommandContext,
  row: ConsortiumRow,
  members: MemberRow[],
  member: MemberRow,
  d: Decision,
) {
  const now = ctx.clock.now()
  requirePending(member, now)
  requireForming(row)
  let organisationId = member.organisation_id
  if (d.kind === 'accept') {
    const chosen = d.input.organisationId ?? null
    if (organisationId !== null && chosen !== null && chosen !== organisationId)
      throw fieldError('organisationId', 'invalid', 'This invitation is for another organisation.')
    organisationId ??= chosen
    if (organisationId === null) throw fieldError('organisationId', 'required', 'Choose your organisation.')
  }
  if (organisationId !== null && !(ctx.actor.kind === 'system' || ctx.actor.memberships.has(organisationId)))
    throw new DomainError('forbidden', 'Answer for an organisation you belong to.', { reason: 'not_a_member' })
  if (d.kind === 'accept' && member.organisation_id === null) {
    const inside =
      organisationId === row.lead_organisation_id ||
      members.some(
        (m) =>
          m.id !== member.id &&
          m.organisation_id === organisationId &&
          (m.status === 'invited' || m.status === 'accepted'),
      )
    if (inside) throw new DomainError('already_in_consortium', 'This organisation is already in the consortium.')
  }
  const status = d.kind === 'accept' ? 'accepted' : 'declined'
  const role = d.kind === 'accept' && d.input.role !== '' ? d.input.role : member.role
  await tx
    .updateTable('consortium_members')
    .set({
      status,
      organisation_id: d.kind === 'accept' ? organisationId : member.organisation_id,
      role,
      decided_at: now,
      decided_by: ctx.actor.userId,
    })
    .where('id', '=', member.id)
    .execute()
  await tx.updateTable('consortia').set({ updated_at: now }).where('id', '=', row.id).execute()
  const org =
    d.kind === 'accept' && organisationId
      ? await tx.selectFrom('organisations').select('legal_name').where('id', '=', organisationId).executeTakeFirst()
      : undefined
  await notify(tx, ctx, {
    kind: d.kind === 'accept' ? 'consortium_invitation_accepted' : 'consortium_invitation_declined',
    recipients: { userIds: await sideOf(tx, row.lead_organisation_id, [member.invited_by]) },
    actorId: ctx.actor.userId,
    programmeId: row.programme_id,
    subject: { type: 'consortium', id: row.id },
    // A decline names no one: an organisation that did not join has not shown itself.
    params: { consortium: row.acronym || row.name, organisation: org?.legal_name ?? '' },
    link: `/app/consortia/${row.id}`,
  })
  await recordAudit(tx, ctx, {
    action: `consortium.invitation_${status}`,
    subjectType: 'consortium',
    subjectId: row.id,
    change: {
      memberId: member.id,
      organisationId: d.kind === 'accept' ? organisationId : member.organisation_id,
      role,
    },
  })
}

/**
 * Members of an invited organisation accept (with their role: the consortium is answered) or decline
 * (the member row is answered: a declined organisation no longer sees the consortium).
 */
export async function answerMember(
  ctx: CommandContext,
  consortiumId: string,
  memberId: string,
  d: Decision & { kind: 'accept' },
): Promise<Consortium>
export async function answerMember(
  ctx: CommandContext,
  consortiumId: string,
  memberId: string,
  d: Decision & { kind: 'decline' },
): Promise<ConsortiumMember>
export async function answerMember(
  ctx: CommandContext,
  consortiumId: string,
  memberId: string,
  d: Decision,
): Promise<Consortium | ConsortiumMember> {
  authorize(ctx.actor, 'consortium.manage')
  const now = ctx.clock.now()
  const insider = await inTransaction(ctx.db, async (tx) => {
    const { row, members, access } = await findConsortium(tx, ctx.actor, consortiumId, true)
    const member = members.find((m) => m.id === memberId)
    if (!member || !(access.lead || access.broker || access.ownMemberIds.includes(member.id)))
      throw new DomainError('consortium_member_not_found')
    if (member.organisation_id === null)
      throw new DomainError('forbidden', 'An invitation by e-mail is answered through its link.', {
        reason: 'not_a_member',
      })
    await answer(tx, ctx, row, members, member, d)
    return access.lead || access.broker
  })
  if (d.kind === 'accept') return readConsortium(ctx.db, ctx.actor, now, consortiumId)
  const [row] = await selectMembers(ctx.db).where('m.id', '=', memberId).execute()
  return memberView(ctx.actor, row!, insider)
}

/** Whoever holds an e-mail invitation's link answers it, once signed in. */
export async function answerByToken(
  ctx: CommandContext,
  token: string,
  d: Decision & { kind: 'accept' },
): Promise<Consortium>
export async function answerByToken(
  ctx: CommandContext,
  token: string,
  d: Decision & { kind: 'decline' },
): Promise<ConsortiumInvitation>
export async function answerByToken(
  ctx: CommandContext,
  token: string,
  d: Decision,
): Promise<Consortium | ConsortiumInvitation> {
  authorize(ctx.actor, 'consortium.manage')
  const now = ctx.clock.now()
  const consortiumId = await inTransaction(ctx.db, async (tx) => {
    const invitation = await findByToken(tx, token)
    await tx.selectFrom('consortia').select('id').where('id', '=', invitation.consortium_id).forUpdate().execute()
    const row = await selectConsortium(tx).where('k.id', '=', invitation.consortium_id).executeTakeFirstOrThrow()
    const members = await loadMembers(tx, row.id)
    await answer(tx, ctx, row, members, members.find((m) => m.id === invitation.id)!, d)
    return row.id
  })
  if (d.kind === 'decline') return getInvitation(ctx, token)
  return readConsortium(ctx.db, ctx.actor, now, consortiumId)
}
