import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { ConsortiumInvitation } from '../../../../../shared/contracts/consortia.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { sha256Hex } from '../../../../platform/signing/index.ts'

/** The member row an e-mail invitation's token was sent for (404 `invitation_not_found` otherwise). */
export async function findByToken(db: Queryable, token: string) {
  const row = await db
    .selectFrom('consortium_members as m')
    .innerJoin('consortia as k', 'k.id', 'm.consortium_id')
    .innerJoin('calls as c', 'c.id', 'k.call_id')
    .innerJoin('organisations as lo', 'lo.id', 'k.lead_organisation_id')
    .leftJoin('challenges as ch', 'ch.id', 'k.challenge_id')
    .select([
      'm.id',
      'm.consortium_id',
      'm.status',
      'm.role',
      'm.message',
      'm.token_expires_at',
      'k.name',
      'k.acronym',
      'c.code as call_code',
      'c.title as call_title',
      'ch.title as challenge_title',
      'lo.legal_name as lead_name',
    ])
    .where('m.token_hash', '=', sha256Hex(token))
    .executeTakeFirst()
  if (!row) throw new DomainError('invitation_not_found', 'No such invitation.')
  return row
}

/**
 * What the link shows a signed-in person before answering: the consortium's name, its lead, call and
 * challenge, the role and the message — whoever holds the link (the lead chose the address). The
 * consortium itself stays hidden until the invitation is accepted.
 */
export async function getInvitation(ctx: CommandContext, token: string): Promise<ConsortiumInvitation> {
  authorize(ctx.actor, 'consortium.view')
  const row = await findByToken(ctx.db, token)
  const now = ctx.clock.now()
  return {
    consortiumId: row.consortium_id,
    name: row.name,
    acronym: row.acronym,
    leadOrganisation: row.lead_name,
    call: { code: row.call_code, title: row.call_title as LocalizedText },
    challenge: row.challenge_title,
    role: row.role,
    message: row.message,
    status: row.status as ConsortiumInvitation['status'],
    expiresAt: row.token_expires_at ? new Date(row.token_expires_at).toISOString() : null,
    expired: row.token_expires_at !== null && new Date(row.token_expires_at) <= now,
  }
}
