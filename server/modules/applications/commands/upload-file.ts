import type { z } from 'zod'
import { uploadContentTypes } from '../../../../shared/calls/form-checks.ts'
import type { fileUpload, UploadedFile } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import { storeFile } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { questionsOf } from '../domain/answers.ts'
import { requireVisible } from '../queries/application-view.ts'
import { configOf, loadApplication, loadPartners } from '../queries/rows.ts'
import { partnerIn, requireLead, requireOwnPart, requireWritable } from './guard.ts'

export type FileUpload = z.output<typeof fileUpload>

/**
 * Uploads a file for a file question: shared questions by the lead, partner-scope ones by that
 * partner's members. The type is read from the bytes (platform/files, kind `application_annex`) and
 * must be one the question accepts; the size is capped by the question. The file belongs to the
 * application once uploaded, and to the working copy once an answer points at it (answers save).
 * The application row is not locked: uploads are slow and do not change the working copy.
 */
export async function uploadFile(ctx: CommandContext, id: string, input: FileUpload): Promise<UploadedFile> {
  authorize(ctx.actor, 'application.manage')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const row = await loadApplication(tx, id)
    const partners = await loadPartners(tx, row)
    const access = requireVisible(ctx.actor, row, partners)
    const question = questionsOf(configOf(row).form).get(input.questionId)
    if (question?.type !== 'file') {
      throw fieldError('questionId', 'unknown_question', 'The form has no file question with this id.')
    }
    if (question.scope === 'shared') {
      if (input.partnerId !== null) throw fieldError('partnerId', 'wrong_scope', 'This question is answered once.')
      requireLead(access)
    } else {
      if (input.partnerId === null) throw fieldError('partnerId', 'required', 'Say whose part the file is for.')
      requireOwnPart(access, partnerIn(partners, input.partnerId))
    }
    requireWritable(row, now)
    const data = Buffer.from(input.data, 'base64')
    if (data.byteLength > question.maxBytes) {
      throw fieldError('data', 'file_too_large', `The file is larger than ${Math.floor(question.maxBytes / 1024)} KB.`)
    }
    const file = await storeFile(tx, {
      kind: 'application_annex',
      field: 'data',
      filename: input.filename,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      organisationId: row.lead_organisation_id,
      createdBy: ctx.actor.userId,
    })
    const accepted = question.accept.flatMap((a) => uploadContentTypes[a])
    if (!accepted.includes(file.contentType)) {
      throw new DomainError('validation_failed', 'This question does not accept this type of file.', {}, [
        { path: 'data', code: 'file_type', message: `Accepted: ${question.accept.join(', ')}.` },
      ])
    }
    await tx
      .insertInto('application_files')
      .values({
        application_id: id,
        file_id: file.id,
        question_id: input.questionId,
        partner_id: input.partnerId,
        created_at: now,
      })
      .execute()
    await recordAudit(tx, ctx, {
      action: 'application.file_uploaded',
      subjectType: 'application',
      subjectId: id,
      change: { fileId: file.id, questionId: input.questionId, partnerId: input.partnerId, ...file },
    })
    return {
      fileId: file.id,
      filename: file.filename,
      contentType: file.contentType,
      byteSize: file.byteSize,
      sha256: file.sha256,
    }
  })
}
