import type { z } from 'zod'
import type { CallQuestion, callQuestionInput } from '../../../../shared/contracts/calls.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { qaClosesAt, qaOpen, storedConfig } from '../queries/call-view.ts'
import { toQuestion } from '../queries/list-questions.ts'
import { iso, loadCall } from './guard.ts'

/**
 * A signed-in person asks a question about a published call, until the Q&A cut-off (the stated one,
 * else the deadline; exclusive): afterwards 409 `qa_closed`. It waits, pending, for the operators.
 */
export async function askQuestion(
  ctx: CommandContext,
  callId: string,
  input: z.output<typeof callQuestionInput>,
): Promise<CallQuestion> {
  authorize(ctx.actor, 'call.ask')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const c = await loadCall(tx, ctx.actor, callId)
    const config = storedConfig(c.config)
    if (!qaOpen(c, config, now)) {
      throw new DomainError('qa_closed', 'Questions about this call are closed.', {
        qaClosesAt: iso(qaClosesAt(c, config)),
      })
    }
    const asker = ctx.actor.userId
      ? await tx.selectFrom('users').select('locale').where('id', '=', ctx.actor.userId).executeTakeFirst()
      : undefined
    const row = await tx
      .insertInto('call_questions')
      .values({
        call_id: c.id,
        question: input.question,
        language: asker?.locale ?? 'en',
        status: 'pending',
        asked_by: ctx.actor.userId,
        asked_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'call.question_asked',
      subjectType: 'call',
      subjectId: c.id,
      change: { questionId: row.id, question: input.question },
    })
    return toQuestion(row)
  })
}
