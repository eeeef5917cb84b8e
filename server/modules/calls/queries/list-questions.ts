import type { CallQuestion } from '../../../../shared/contracts/calls.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { iso, loadCall } from '../commands/guard.ts'
import { isCallManager } from '../domain/abilities.ts'

type QuestionRow = {
  id: string
  question: string
  answer: string | null
  language: string
  status: string
  asked_at: Date | string
  answered_at: Date | string | null
}

export function toQuestion(q: QuestionRow): CallQuestion {
  return {
    id: q.id,
    question: q.question,
    answer: q.answer,
    language: q.language,
    status: q.status as CallQuestion['status'],
    askedAt: iso(q.asked_at),
    answeredAt: q.answered_at ? iso(q.answered_at) : null,
  }
}

/**
 * The questions about a call `actor` may read: the published ones (with their answers) for everyone;
 * the caller's own pending ones too; every question for the programme's operators. Published first, in
 * the order they were published, then the rest by the time they were asked. Who asked is never shown.
 */
export async function questionsFor(db: Queryable, actor: Actor, call: { id: string; programme_id: string }) {
  const all = isCallManager(actor, call.programme_id)
  const rows = await db
    .selectFrom('call_questions')
    .select(['id', 'question', 'answer', 'language', 'status', 'asked_at', 'answered_at'])
    .where('call_id', '=', call.id)
    .$if(!all, (q) =>
      q.where((eb) =>
        eb.or([
          eb('status', '=', 'published'),
          ...(actor.userId ? [eb.and([eb('asked_by', '=', actor.userId), eb('status', '=', 'pending')])] : []),
        ]),
      ),
    )
    .orderBy((eb) => eb.case().when('status', '=', 'published').then(0).else(1).end())
    .orderBy('position')
    .orderBy('asked_at')
    .orderBy('id')
    .execute()
  return rows.map(toQuestion)
}

export async function listQuestions(ctx: CommandContext, callId: string): Promise<{ items: CallQuestion[] }> {
  authorize(ctx.actor, 'call.view')
  const c = await loadCall(ctx.db, ctx.actor, callId)
  return { items: await questionsFor(ctx.db, ctx.actor, c) }
}
