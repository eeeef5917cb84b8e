import type { Challenge } from '../../../../shared/contracts/challenges.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readChallenge } from './challenge-view.ts'

/** One challenge whatever its status (drafts included), as operators edit it. */
export async function getManagedChallenge(ctx: CommandContext, challengeId: string): Promise<Challenge> {
  authorize(ctx.actor, 'challenge.manage')
  return readChallenge(ctx.db, challengeId, ctx.actor)
}
