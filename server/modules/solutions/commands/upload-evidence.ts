import type { z } from 'zod'
import type { evidenceUploadInput, StoredEvidence } from '../../../../shared/contracts/trl.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { storeFile } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { decodeBase64 } from './add-media.ts'
import { lockForWrite } from './guard.ts'
import { lockDraft } from './save-assessment.ts'

/**
 * Stores a file of evidence (PDF or image, ≤ 10 MB, type read from the bytes) for a draft assessment;
 * an answer then names it by id (`evidenceFileId`). It is served only through its assessment.
 */
export async function uploadEvidence(
  ctx: CommandContext,
  solutionId: string,
  assessmentId: string,
  input: z.output<typeof evidenceUploadInput>,
): Promise<StoredEvidence> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, solutionId)
    await lockDraft(tx, solutionId, assessmentId)
    const file = await storeFile(tx, {
      kind: 'evidence',
      field: 'data',
      filename: input.filename,
      data: decodeBase64(input.data, 'data'),
      organisationId: s.organisation_id,
      createdBy: ctx.actor.userId,
    })
    await recordAudit(tx, ctx, {
      action: 'trl_assessment.evidence_uploaded',
      subjectType: 'solution',
      subjectId: solutionId,
      change: {
        assessmentId,
        fileId: file.id,
        filename: file.filename,
        contentType: file.contentType,
        sha256: file.sha256,
      },
    })
    return { id: file.id, filename: file.filename, contentType: file.contentType, byteSize: file.byteSize }
  })
}
