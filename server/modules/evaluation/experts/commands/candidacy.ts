import type { CallExpert, ExpertProfile } from '../../../../../shared/contracts/experts.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { isListedCall, loadCall } from '../../../calls/index.ts'
import { notify } from '../../../notifications/index.ts'
import { loadCallForPool, signedInUser } from '../access.ts'
import { readCallExpert } from '../queries/pool.ts'
import { readExpertProfile } from '../queries/profile.ts'

/**
 * A candidacy for one call. Created pending by the public call for experts (`application`) or by
 * accepting an invitation (`invitation`); the expert needs a profile first. Once per call (409).
 */
export async function createCandidacy(
  tx: Tx,
  ctx: CommandContext,
  p: {
    callId: string
    userId: string
    source: 'invitation' | 'application'
    motivation: string
    maxLoad?: number | undefined
  },
): Promise<void> {
  const profile = await tx
    .selectFrom('expert_profiles')
    .select('max_load')
    .where('user_id', '=', p.userId)
    .executeTakeFirst()
  if (!profile) throw new DomainError('expert_profile_not_found')
  const existing = await tx
    .selectFrom('expert_calls')
    .select('id')
    .where('call_id', '=', p.callId)
    .where('user_id', '=', p.userId)
    .executeTakeFirst()
  if (existing) throw new DomainError('expert_already_applied')
  const maxLoad = p.maxLoad ?? profile.max_load
  const row = await tx
    .insertInto('expert_calls')
    .values({
      call_id: p.callId,
      user_id: p.userId,
      source: p.source,
      max_load: maxLoad,
      motivation: p.motivation,
      applied_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(tx, ctx, {
    action: 'expert.candidacy_created',
    subjectType: 'expert_call',
    subjectId: row.id,
    change: { callId: p.callId, userId: p.userId, source: p.source, maxLoad },
  })
}

/** The public call for experts: a signed-in person with a profile applies to evaluate for a listed call. */
export async function applyAsExpert(
  ctx: CommandContext,
  callId: string,
  input: { motivation: string; maxLoad?: number | undefined },
): Promise<ExpertProfile> {
  authorize(ctx.actor, 'expert.apply')
  const userId = signedInUser(ctx.actor)
  await inTransaction(ctx.db, async (tx) => {
    const call = await loadCall(tx, ctx.actor, callId)
    if (!isListedCall(call)) throw new DomainError('call_not_found')
    await createCandidacy(tx, ctx, { callId, userId, source: 'application', ...input })
  })
  return readExpertProfile(ctx.db, userId)
}

/**
 * An operator approves (with the load for this call) or rejects a candidacy. Approval needs both
 * declarations signed and grants the programme's `expert` role when the person lacks it. The expert
 * is notified either way.
 */
export async function decideCandidacy(
  ctx: CommandContext,
  callId: string,
  userId: string,
  input: { status: 'approved' | 'rejected'; maxLoad?: number | undefined; note: string },
): Promise<CallExpert> {
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const call = await loadCallForPool(tx, ctx.actor, callId, 'expert.pool.manage')
    const row = await tx
      .selectFrom('expert_calls as e')
      .innerJoin('expert_profiles as p', 'p.user_id', 'e.user_id')
      .select(['e.id', 'e.status', 'e.max_load', 'p.code_of_conduct_at', 'p.confidentiality_at'])
      .where('e.call_id', '=', callId)
      .where('e.user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new DomainError('expert_not_found')
    if (input.status === 'approved' && (!row.code_of_conduct_at || !row.confidentiality_at))
      throw new DomainError('expert_declarations_missing')
    const maxLoad = input.maxLoad ?? row.max_load
    await tx
      .updateTable('expert_calls')
      .set({
        status: input.status,
        max_load: maxLoad,
        decided_at: now,
        decided_by: ctx.actor.userId,
        decision_note: input.note,
      })
      .where('id', '=', row.id)
      .execute()
    let granted = false
    if (input.status === 'approved') {
      const r = await tx
        .insertInto('programme_roles')
        .values({ programme_id: call.programme_id, user_id: userId, role: 'expert', granted_by: ctx.actor.userId })
        .onConflict((oc) => oc.columns(['programme_id', 'user_id', 'role']).doNothing())
        .returning('id')
        .executeTakeFirst()
      granted = !!r
    }
    await recordAudit(tx, ctx, {
      action: `expert.candidacy_${input.status}`,
      subjectType: 'expert_call',
      subjectId: row.id,
      change: {
        callId,
        userId,
        from: row.status,
        to: input.status,
        maxLoad,
        note: input.note,
        expertRoleGranted: granted,
      },
    })
    await notify(tx, ctx, {
      kind: input.status === 'approved' ? 'expert_approved' : 'expert_rejected',
      recipients: { userIds: [userId] },
      actorId: ctx.actor.userId,
      programmeId: call.programme_id,
      subject: { type: 'expert_call', id: row.id },
      params: { call: call.code, maxLoad: String(maxLoad) },
      link: '/app/expert',
    })
  })
  return readCallExpert(ctx.db, callId, userId)
}
