import type { z } from 'zod'
import type { CallQuestion, callAnswerInput } from '../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { asLocale, translate } from '../../../platform/i18n/index.ts'
import { toQuestion } from '../queries/list-questions.ts'
import { type CallRow, loadForManage } from './guard.ts'

/**
 * An operator publishes a question with its answer (after the last published one; it may be edited
 * and published again) or dismisses it. The person who asked is told by e-mail when it is published.
 */
export async function answerQuestion(
  ctx: CommandContext,
  callId: string,
  questionId: string,
  input: z.output<typeof callAnswerInput>,
): Promise<CallQuestion> {
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const c = await loadForManage(tx, ctx.actor, callId)
    const q = await tx
      .selectFrom('call_questions')
      .selectAll()
      .where('id', '=', questionId)
      .where('call_id', '=', c.id)
      .forUpdate()
      .executeTakeFirst()
    if (!q) throw new DomainError('call_question_not_found')
    if (input.status === 'published' && !input.answer) {
      throw fieldError('answer', 'required', 'A published question needs its answer.')
    }
    let position = q.position
    if (input.status === 'published' && position === null) {
      const last = await tx
        .selectFrom('call_questions')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('call_id', '=', c.id)
        .executeTakeFirst()
      position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1
    }
    const after = await tx
      .updateTable('call_questions')
      .set({
        answer: input.answer,
        status: input.status,
        position: input.status === 'published' ? position : null,
        answered_by: ctx.actor.userId,
        answered_at: now,
      })
      .where('id', '=', q.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: input.status === 'published' ? 'call.question_published' : 'call.question_dismissed',
      subjectType: 'call',
      subjectId: c.id,
      change: { questionId: q.id, from: q.status, answer: input.answer },
    })
    if (input.status === 'published' && q.status !== 'published' && q.asked_by) {
      await mailAsker(tx, ctx, c, q.asked_by, q.question, input.answer ?? '')
    }
    return toQuestion(after)
  })
}

async function mailAsker(tx: Tx, ctx: CommandContext, c: CallRow, userId: string, question: string, answer: string) {
  const u = await tx
    .selectFrom('users')
    .select(['email', 'locale', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!u || u.disabled_at !== null || userId === ctx.actor.userId) return
  const locale = asLocale(u.locale)
  const title = c.title as LocalizedText
  const vars = {
    code: c.code,
    title: title[locale] || title.en,
    question,
    answer,
    url: `${ctx.publicUrl}/calls/${encodeURIComponent(c.code)}#questions`,
  }
  await ctx.mailer.send(tx, {
    to: u.email,
    template: 'call_question_answered',
    subject: translate(locale, 'calls.mail.questionAnswered.subject', vars),
    text: `${translate(locale, 'calls.mail.questionAnswered.body', vars)}\n`,
  })
}
