import type { z } from 'zod'
import type {
  UseCase,
  UseCaseAction,
  UseCaseContent,
  UseCaseStatus,
  useCaseTransitionInput,
} from '../../../../shared/contracts/use-cases.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize, can } from '../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { missingForSubmission } from '../domain/completeness.ts'
import { transition } from '../domain/lifecycle.ts'
import { partiesOf } from '../domain/parties.ts'
import { readUseCase } from '../queries/get-use-case.ts'
import { lockVisible } from '../queries/use-case-view.ts'
import { actorName, authoringSide, loadUseCaseRef, notifyParties } from './notify-parties.ts'

export type UseCaseTransitionInput = z.output<typeof useCaseTransitionInput>
type Row = Awaited<ReturnType<typeof lockVisible>>

/** Applies a move the lifecycle allowed: status, dates, the transition record, the audit event. */
export async function applyTransition(
  tx: Tx,
  ctx: Pick<CommandContext, 'actor' | 'clock' | 'requestId'>,
  uc: Row,
  action: UseCaseAction,
  to: UseCaseStatus,
  reason: string | null,
): Promise<void> {
  const now = ctx.clock.now()
  const dates =
    action === 'submit' || action === 'resubmit'
      ? { submitted_at: now }
      : action === 'accept' || action === 'request_changes'
        ? { decided_at: now }
        : {}
  await tx
    .updateTable('use_cases')
    .set({ status: to, updated_at: now, ...dates })
    .where('id', '=', uc.id)
    .execute()
  await tx
    .insertInto('use_case_transitions')
    .values({
      use_case_id: uc.id,
      from_status: uc.status,
      to_status: to,
      reason,
      actor_id: ctx.actor.userId,
      created_at: now,
    })
    .execute()
  await recordAudit(tx, ctx, {
    action: `use_case.${action}`,
    subjectType: 'use_case',
    subjectId: uc.id,
    change: { from: uc.status, to, reason, revision: uc.revision },
  })
}

/**
 * Submit, resubmit, request changes, accept or archive, as the lifecycle table allows. A change request
 * and an acceptance notify the authoring side (notify-parties.ts).
 */
export async function transitionUseCase(
  ctx: CommandContext,
  id: string,
  input: UseCaseTransitionInput,
): Promise<UseCase> {
  authorize(ctx.actor, 'use_case.update')
  const reason = input.reason?.trim() || null
  return inTransaction(ctx.db, async (tx) => {
    const uc = await lockVisible(tx, ctx.actor, id)
    const parties = partiesOf(ctx.actor, uc).filter((p) => p === 'author' || can(ctx.actor, 'use_case.review').allowed)
    const outcome = transition(uc.status as UseCaseStatus, input.action, parties, reason)
    if (!outcome.ok) {
      if (outcome.refusal === 'reason_required') throw fieldError('reason', 'required', 'Say what should change.')
      if (outcome.refusal === 'wrong_status') {
        throw new DomainError('use_case_transition_refused', `Cannot ${input.action} a ${uc.status} use case.`, {
          reason: 'wrong_status',
        })
      }
      const staffAction = input.action === 'accept' || input.action === 'request_changes'
      throw new DomainError('forbidden', `Not allowed: ${input.action}`, {
        reason: staffAction ? 'missing_role' : 'not_the_author',
      })
    }
    if (input.action === 'submit' || input.action === 'resubmit') {
      const missing = missingForSubmission({ ...uc, content: uc.content as Partial<UseCaseContent> })
      if (missing.length > 0) {
        throw new DomainError('use_case_incomplete', 'Complete the use case before submitting it.', {}, missing)
      }
    }
    await applyTransition(tx, ctx, uc, input.action, outcome.to, reason)
    if (input.action === 'request_changes' || input.action === 'accept') {
      const ref = await loadUseCaseRef(tx, id)
      await notifyParties(
        tx,
        ctx,
        ref,
        input.action === 'accept' ? 'use_case_accepted' : 'use_case_changes_requested',
        await authoringSide(tx, ref),
        { userId: ctx.actor.userId, name: await actorName(tx, ctx.actor.userId) },
        reason ? { reason } : {},
        'author',
      )
    }
    return readUseCase(tx, ctx.actor, id)
  })
}
