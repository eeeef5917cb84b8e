import type { z } from 'zod'
import { semanticQuestion } from '../../../../shared/calls/form-checks.ts'
import type { Answers, Application, answersSave } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { type AnswerMeta, mergeAnswers } from '../domain/answers.ts'
import { readApplication } from '../queries/application-view.ts'
import { configOf } from '../queries/rows.ts'
import { actorName } from './actor-name.ts'
import { checkedAnswers } from './file-answers.ts'
import { lockAsLead, requireWritable } from './guard.ts'

export type AnswersSave = z.output<typeof answersSave>

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * The lead saves some shared answers (autosave). Field-level merge against `baseVersion`: a question
 * someone else saved after that version, with another value than the one sent, is a conflict; any
 * conflict answers 409 `application_edit_conflict` with `conflicts` (yours, theirs, by whom, when) and
 * writes NOTHING. Otherwise every changed answer is written, the version moves on by one and each
 * changed question's meta records this version, the author and the time. The challenge, when sent,
 * is taken as it is (last save wins). The acronym and title columns follow the questions that carry
 * those meanings.
 */
export async function saveAnswers(ctx: CommandContext, id: string, input: AnswersSave): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockAsLead(tx, ctx, id)
    requireWritable(row, now)
    if (input.baseVersion > row.version) {
      throw fieldError('baseVersion', 'version_unknown', `This application is at version ${row.version}.`)
    }
    const config = configOf(row)
    const changes = await checkedAnswers(tx, {
      applicationId: id,
      partnerId: null,
      form: config.form,
      changes: input.changes,
      path: 'changes',
    })
    const stored = json<Answers>(row.answers)
    const meta = json<AnswerMeta>(row.answer_meta)
    const { changed, conflicts } = mergeAnswers({ stored, meta, baseVersion: input.baseVersion, changes })
    if (conflicts.length > 0) {
      throw new DomainError(
        'application_edit_conflict',
        'Someone else changed some of these answers since you loaded them: nothing was saved.',
        { conflicts, currentVersion: row.version },
      )
    }
    let challengeId = row.challenge_id
    if (input.challengeId !== undefined && input.challengeId !== row.challenge_id) {
      const inCall =
        input.challengeId === null ||
        (await tx
          .selectFrom('challenge_calls')
          .select('challenge_id')
          .where('call_id', '=', row.call_id)
          .where('challenge_id', '=', input.challengeId)
          .executeTakeFirst()) !== undefined
      if (!inCall) throw fieldError('challengeId', 'challenge_not_in_call', 'This challenge is not in the call.')
      challengeId = input.challengeId
    }
    if (changed.length === 0 && challengeId === row.challenge_id) return
    const version = row.version + 1
    const by = await actorName(tx, ctx)
    const nextAnswers: Answers = { ...stored }
    const nextMeta: AnswerMeta = { ...meta }
    for (const q of changed) {
      nextAnswers[q] = changes[q] ?? null
      nextMeta[q] = { version, by, at: now.toISOString() }
    }
    const text = (semantic: 'acronym' | 'title', fallback: string, max: number) => {
      const q = semanticQuestion(config.form, semantic)?.question.id
      if (!q || !changed.includes(q)) return fallback
      const v = nextAnswers[q]
      return typeof v === 'string' ? v.trim().slice(0, max) : ''
    }
    const acronym = text('acronym', row.acronym, 30)
    const title = text('title', row.title, 300)
    await tx
      .updateTable('applications')
      .set({
        answers: JSON.stringify(nextAnswers),
        answer_meta: JSON.stringify(nextMeta),
        challenge_id: challengeId,
        acronym,
        title,
        version,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'application.answers_saved',
      subjectType: 'application',
      subjectId: id,
      change: {
        version,
        questions: changed,
        ...(challengeId !== row.challenge_id ? { challengeId } : {}),
      },
    })
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
