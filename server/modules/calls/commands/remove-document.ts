import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadForManage } from './guard.ts'

/** Removes a document from a call (the stored file goes with it). */
export async function removeCallDocument(ctx: CommandContext, callId: string, documentId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const c = await loadForManage(tx, ctx.actor, callId)
    const doc = await tx
      .deleteFrom('call_documents')
      .where('id', '=', documentId)
      .where('call_id', '=', c.id)
      .returning(['id', 'kind', 'title', 'file_id'])
      .executeTakeFirst()
    if (!doc) throw new DomainError('call_document_not_found')
    const file = await tx
      .deleteFrom('files')
      .where('id', '=', doc.file_id)
      .returning(['filename', 'sha256'])
      .executeTakeFirst()
    await recordAudit(tx, ctx, {
      action: 'call.document_removed',
      subjectType: 'call',
      subjectId: c.id,
      change: { documentId: doc.id, kind: doc.kind, title: doc.title, filename: file?.filename, sha256: file?.sha256 },
    })
  })
}
