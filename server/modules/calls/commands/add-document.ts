import type { z } from 'zod'
import type { CallDocument, callDocumentUpload } from '../../../../shared/contracts/calls.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'
import { storeFile } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { documentsOf } from '../queries/call-view.ts'
import { loadForManage } from './guard.ts'

/** Decodes a base64 upload; anything that is not base64 is a field error, not a garbled file. */
function decodeBase64(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(data))
    throw fieldError('data', 'base64', 'The file must be sent as base64.')
  const bytes = Buffer.from(data, 'base64')
  if (bytes.length === 0) throw fieldError('data', 'file_empty', 'The file is empty.')
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * Adds a document to a call (guide for applicants, template…) after the last one: PDF, Word, Excel or
 * OpenDocument up to 20 MB, the type read from the bytes (`call_document` file kind). Public with the call.
 */
export async function addCallDocument(
  ctx: CommandContext,
  callId: string,
  input: z.output<typeof callDocumentUpload>,
): Promise<CallDocument> {
  return inTransaction(ctx.db, async (tx) => {
    const c = await loadForManage(tx, ctx.actor, callId)
    const file = await storeFile(tx, {
      kind: 'call_document',
      field: 'data',
      filename: input.filename,
      data: decodeBase64(input.data),
      organisationId: null,
      createdBy: ctx.actor.userId,
    })
    const last = await tx
      .selectFrom('call_documents')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('call_id', '=', c.id)
      .executeTakeFirst()
    const position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1
    const doc = await tx
      .insertInto('call_documents')
      .values({ call_id: c.id, kind: input.kind, title: JSON.stringify(input.title), file_id: file.id, position })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'call.document_added',
      subjectType: 'call',
      subjectId: c.id,
      change: {
        documentId: doc.id,
        kind: input.kind,
        title: input.title,
        filename: file.filename,
        contentType: file.contentType,
        byteSize: file.byteSize,
        sha256: file.sha256,
      },
    })
    const all = await documentsOf(tx, c.id)
    return all.find((d) => d.id === doc.id)!
  })
}
