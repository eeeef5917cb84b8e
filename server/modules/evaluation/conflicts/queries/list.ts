import type { ConflictList } from '../../../../../shared/contracts/experts.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForPool } from '../../experts/access.ts'
import { detectConflicts } from '../domain/rules.ts'
import { conflictSettingsOf, gatherCallFacts } from './facts.ts'

/**
 * For a call's operators: every expert × submitted application pair with a conflict, and why. Pairs
 * without conflict are not listed; the counts say how many were judged.
 */
export async function listCallConflicts(ctx: CommandContext, callId: string): Promise<ConflictList> {
  const call = await loadCallForPool(ctx.db, ctx.actor, callId, 'expert.pool.view')
  const settings = await conflictSettingsOf(ctx.db, callId)
  const facts = await gatherCallFacts(ctx.db, call)
  const pairs: ConflictList['pairs'] = []
  for (const e of facts.experts) {
    for (const a of facts.applications) {
      const reasons = detectConflicts(e, a, settings)
      if (reasons.length)
        pairs.push({
          userId: e.userId,
          expertName: e.name,
          applicationId: a.applicationId,
          applicationReference: a.reference,
          reasons,
        })
    }
  }
  return { settings, experts: facts.experts.length, applications: facts.applications.length, pairs }
}
