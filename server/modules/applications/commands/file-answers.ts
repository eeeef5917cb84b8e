import type { Answers, UploadedFile } from '../../../../shared/contracts/applications.ts'
import type { ApplicationForm } from '../../../../shared/contracts/call-form.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { DomainError, type FieldError } from '../../../platform/errors.ts'
import { type AnswerProblem, answerProblems, questionsOf } from '../domain/answers.ts'

const problemMessages: Record<AnswerProblem['code'] | 'file_not_found', string> = {
  unknown_question: 'The form has no such question.',
  wrong_scope: 'This question is answered elsewhere (shared answers or a partner’s part).',
  answer_invalid: 'This answer does not fit the question’s type.',
  file_not_found: 'Upload the file to this question first.',
}

/**
 * Checks answers before they are stored (field errors as problem+json, nothing written) and returns
 * them with every file answer rewritten from the stored files: a file answer may only point at a file
 * uploaded to this application for this question (and this partner), and its name, type, size and
 * SHA-256 are the server's, never the client's.
 */
export async function checkedAnswers(
  tx: Tx,
  p: { applicationId: string; partnerId: string | null; form: ApplicationForm; changes: Answers; path: string },
): Promise<Answers> {
  const scope = p.partnerId === null ? 'shared' : 'partner'
  const errors: FieldError[] = answerProblems(p.form, scope, p.changes).map((x) => ({
    path: `${p.path}.${x.questionId}`,
    code: x.code,
    message: problemMessages[x.code],
  }))
  if (errors.length) throw new DomainError('validation_failed', 'Some answers cannot be stored.', {}, errors)
  const questions = questionsOf(p.form)
  const out: Answers = { ...p.changes }
  const wanted = Object.entries(p.changes).filter(
    ([id, v]) => questions.get(id)?.type === 'file' && Array.isArray(v) && v.length > 0,
  )
  if (wanted.length === 0) return out
  const ids = wanted.flatMap(([, v]) => (v as UploadedFile[]).map((f) => f.fileId))
  const stored = await tx
    .selectFrom('application_files as af')
    .innerJoin('files as f', 'f.id', 'af.file_id')
    .select([
      'af.file_id',
      'af.question_id',
      'af.partner_id',
      'f.filename',
      'f.content_type',
      'f.byte_size',
      'f.sha256',
    ])
    .where('af.application_id', '=', p.applicationId)
    .where('af.file_id', 'in', ids)
    .execute()
  for (const [questionId, value] of wanted) {
    const files: UploadedFile[] = []
    for (const f of value as UploadedFile[]) {
      const s = stored.find(
        (x) => x.file_id === f.fileId && x.question_id === questionId && x.partner_id === p.partnerId,
      )
      if (!s) {
        errors.push({
          path: `${p.path}.${questionId}`,
          code: 'file_not_found',
          message: problemMessages.file_not_found,
        })
        break
      }
      if (files.some((x) => x.fileId === s.file_id)) continue
      files.push({
        fileId: s.file_id,
        filename: s.filename,
        contentType: s.content_type,
        byteSize: s.byte_size,
        sha256: s.sha256,
      })
    }
    out[questionId] = files
  }
  if (errors.length) throw new DomainError('validation_failed', 'Some answers cannot be stored.', {}, errors)
  return out
}
