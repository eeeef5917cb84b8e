import type { z } from 'zod'
import type { Call, callInput } from '../../../../shared/contracts/calls.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { toCall } from '../queries/call-view.ts'
import {
  asCodeConflict,
  checkChallenges,
  checkCode,
  instantsOrThrow,
  programmeFor,
  replaceChallenges,
} from './checks.ts'

export type CallCreate = z.output<typeof callInput>

/**
 * An operator sets up a call: a draft (invisible to all but the programme's operators) with its rules,
 * form and criteria as one validated configuration, its local opening and deadline converted to
 * instants in its zone, and the published challenges in scope.
 */
export async function createCall(ctx: CommandContext, input: CallCreate): Promise<Call> {
  authorize(ctx.actor, 'call.manage')
  const instants = instantsOrThrow({
    opensAtLocal: input.opensAtLocal,
    deadlineLocal: input.deadlineLocal,
    timeZone: input.timeZone,
    qaClosesAtLocal: input.config.timeline.qaClosesAt,
  })
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const programmeId = await programmeFor(tx, ctx.actor, input.programmeId)
    await checkCode(tx, programmeId, input.code)
    const challengeIds = await checkChallenges(tx, programmeId, input.challengeIds)
    const row = await tx
      .insertInto('calls')
      .values({
        programme_id: programmeId,
        code: input.code,
        title: JSON.stringify(input.title),
        summary: JSON.stringify(input.summary),
        opens_at: instants.opensAt,
        closes_at: instants.closesAt,
        time_zone: input.timeZone,
        config: JSON.stringify(input.config),
        config_version: 1,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        throw asCodeConflict(err, input.code)
      })
    await replaceChallenges(tx, row.id, challengeIds)
    await recordAudit(tx, ctx, {
      action: 'call.created',
      subjectType: 'call',
      subjectId: row.id,
      change: {
        ...input,
        programmeId,
        opensAt: instants.opensAt.toISOString(),
        closesAt: instants.closesAt.toISOString(),
      },
    })
    return toCall(tx, ctx.actor, row, now)
  })
}
