import type { UseCaseStatus } from '../../../../shared/contracts/use-cases.ts'
import { systemActor } from '../../../platform/authz/actor.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { transition } from '../domain/lifecycle.ts'
import { lockVisible } from '../queries/use-case-view.ts'
import { applyTransition } from './transition-use-case.ts'

/**
 * For the challenges module, inside its own transaction, after it has authorised the operator:
 * marks accepted use cases as promoted into a challenge (a transition record and an audit event each).
 * Already promoted ones are left as they are (merging into a second challenge); any other status is refused.
 */
export async function markPromoted(
  tx: Tx,
  ctx: Pick<CommandContext, 'actor' | 'clock' | 'requestId'>,
  useCaseIds: readonly string[],
): Promise<void> {
  for (const id of [...new Set(useCaseIds)].sort()) {
    const uc = await lockVisible(tx, systemActor, id)
    if (uc.status === 'promoted') continue
    const outcome = transition(uc.status as UseCaseStatus, 'promote', ['staff'])
    if (!outcome.ok) {
      throw new DomainError('use_case_transition_refused', `Use case ${uc.reference} is ${uc.status}, not accepted.`, {
        reason: 'wrong_status',
        useCaseId: id,
      })
    }
    await applyTransition(tx, ctx, uc, 'promote', outcome.to, null)
  }
}
