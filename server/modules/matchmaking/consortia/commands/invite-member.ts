import { randomBytes } from 'node:crypto'
import type { Consortium, ConsortiumInvite } from '../../../../../shared/contracts/consortia.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { sha256Hex } from '../../../../platform/signing/index.ts'
import { notify } from '../../../notifications/index.ts'
import { CONSORTIUM_INVITATION_TTL_MS } from '../domain/rules.ts'
import { findConsortium, requireForming, requireLead } from '../queries/rows.ts'
import { readConsortium } from '../queries/view.ts'
import { sendEmailInvitation, sideOf } from './notices.ts'
import { checkSource } from './source.ts'

/** Only the SHA-256 of an e-mail invitation's token is stored; the token travels in the mail only. */
export const hashConsortiumToken = (token: string) => sha256Hex(token)

/**
 * The lead invites a partner, while the consortium is forming:
 *  - by organisation: its owners and admins are notified and answer from the consortium's page; an
 *    organisation already invited or accepted is refused (`already_in_consortium`), so is the lead;
 *  - by e-mail: a single-use link valid 14 days; the invitee signs in (or up), picks its organisation
 *    and answers; a second invitation to an address with one pending is refused (`invitation_pending`).
 * `source`/`sourceRef` say where the partner was found and are checked (commands/source.ts).
 */
export async function inviteMember(ctx: CommandContext, id: string, input: ConsortiumInvite): Promise<Consortium> {
  authorize(ctx.actor, 'consortium.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const { row, members, access } = await findConsortium(tx, ctx.actor, id, true)
    requireLead(access)
    requireForming(row)
    const organisationId = input.organisationId ?? null
    const email = input.email?.trim().toLowerCase() ?? null
    const source = input.source ?? (organisationId ? 'direct' : 'email')
    const sourceRef = input.sourceRef ?? null
    if (organisationId !== null) {
      const org = await tx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst()
      if (!org) throw new DomainError('organisation_not_found')
      const inside =
        organisationId === row.lead_organisation_id ||
        members.some((m) => m.organisation_id === organisationId && (m.status === 'invited' || m.status === 'accepted'))
      if (inside) throw new DomainError('already_in_consortium', 'This organisation is already in the consortium.')
    } else {
      const pending = members.some(
        (m) =>
          m.status === 'invited' &&
          m.invited_email === email &&
          (m.token_expires_at === null || new Date(m.token_expires_at) > now),
      )
      if (pending) throw new DomainError('invitation_pending', 'An invitation to this address is still pending.')
    }
    await checkSource(tx, source, sourceRef, row.lead_organisation_id, organisationId)
    const token = email ? randomBytes(32).toString('base64url') : null
    const expiresAt = email ? new Date(now.getTime() + CONSORTIUM_INVITATION_TTL_MS) : null
    const member = await tx
      .insertInto('consortium_members')
      .values({
        consortium_id: id,
        organisation_id: organisationId,
        invited_email: email,
        role: input.role,
        message: input.message,
        invited_by: ctx.actor.userId,
        invited_at: now,
        source,
        source_ref: sourceRef,
        token_hash: token ? hashConsortiumToken(token) : null,
        token_expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx.updateTable('consortia').set({ updated_at: now }).where('id', '=', id).execute()
    if (email && token && expiresAt) {
      await sendEmailInvitation(tx, ctx, row, { to: email, token, role: input.role, message: input.message, expiresAt })
    } else if (organisationId) {
      await notify(tx, ctx, {
        kind: 'consortium_invitation',
        recipients: { userIds: await sideOf(tx, organisationId) },
        actorId: ctx.actor.userId,
        programmeId: row.programme_id,
        subject: { type: 'consortium', id },
        params: {
          organisation: row.lead_name,
          consortium: row.acronym || row.name,
          call: row.call_code,
        },
        link: `/app/consortia/${id}`,
      })
    }
    await recordAudit(tx, ctx, {
      action: 'consortium.member_invited',
      subjectType: 'consortium',
      subjectId: id,
      change: {
        memberId: member.id,
        organisationId,
        email,
        role: input.role,
        source,
        sourceRef,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    })
  })
  return readConsortium(ctx.db, ctx.actor, now, id)
}
