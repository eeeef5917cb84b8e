import type { Consortium, ConsortiumCreate } from '../../../../../shared/contracts/consortia.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isListedCall } from '../../../calls/index.ts'
import { phaseAllowsForming } from '../domain/rules.ts'
import { phaseOf, readConsortium } from '../queries/view.ts'

/**
 * A member of an SME creates a consortium it leads, for a listed call that has not closed (announced or
 * open) and, when given, one of the call's challenges. The lead is not a member row: it is the
 * consortium's `lead_organisation_id`.
 */
export async function createConsortium(ctx: CommandContext, input: ConsortiumCreate): Promise<Consortium> {
  authorize(ctx.actor, 'consortium.manage')
  if (!(ctx.actor.kind === 'system' || ctx.actor.memberships.has(input.organisationId)))
    throw new DomainError('forbidden', 'Create a consortium for an organisation you belong to.', {
      reason: 'not_a_member',
    })
  const now = ctx.clock.now()
  const id = await inTransaction(ctx.db, async (tx) => {
    const org = await tx
      .selectFrom('organisations')
      .select(['id', 'type'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst()
    if (!org) throw new DomainError('organisation_not_found')
    if (org.type !== 'sme')
      throw new DomainError('consortium_lead_not_sme', 'A consortium is led by an SME.', { type: org.type })
    const call = await tx
      .selectFrom('calls')
      .select(['id', 'programme_id', 'published_at', 'cancelled_at', 'opens_at', 'closes_at'])
      .where('id', '=', input.callId)
      .executeTakeFirst()
    if (!call || !isListedCall(call)) throw new DomainError('call_not_found')
    const phase = phaseOf(call, now)
    if (!phaseAllowsForming(phase))
      throw new DomainError(
        'deadline_passed',
        'This call has closed: consortia are formed for open or announced calls.',
      )
    if (input.challengeId !== null) {
      const inCall = await tx
        .selectFrom('challenge_calls')
        .select('challenge_id')
        .where('call_id', '=', call.id)
        .where('challenge_id', '=', input.challengeId)
        .executeTakeFirst()
      if (!inCall) throw fieldError('challengeId', 'challenge_not_in_call', 'This challenge is not in the call.')
    }
    const created = await tx
      .insertInto('consortia')
      .values({
        programme_id: call.programme_id,
        call_id: call.id,
        challenge_id: input.challengeId,
        lead_organisation_id: input.organisationId,
        created_by: ctx.actor.userId,
        name: input.name,
        acronym: input.acronym,
        lead_role: input.role,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'consortium.created',
      subjectType: 'consortium',
      subjectId: created.id,
      change: {
        callId: call.id,
        challengeId: input.challengeId,
        leadOrganisationId: input.organisationId,
        name: input.name,
        acronym: input.acronym,
      },
    })
    return created.id
  })
  return readConsortium(ctx.db, ctx.actor, now, id)
}
