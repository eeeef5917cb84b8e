import type { FastifyReply, FastifyRequest } from 'fastify'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import { fileHeaders } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadCall } from '../commands/guard.ts'

/**
 * Streams one document of a call: public once the call is published, operators only while it is a
 * draft (404 otherwise, as for the call). Headers: nosniff, sandboxed, ETag; PDFs open in the browser.
 */
export async function serveCallDocument(
  ctx: CommandContext,
  callId: string,
  documentId: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  authorize(ctx.actor, 'call.view')
  await loadCall(ctx.db, ctx.actor, callId)
  const d = await ctx.db
    .selectFrom('call_documents as d')
    .innerJoin('files as f', 'f.id', 'd.file_id')
    .select(['f.content_type', 'f.filename', 'f.sha256', 'f.data'])
    .where('d.id', '=', documentId)
    .where('d.call_id', '=', callId)
    .executeTakeFirst()
  if (!d) throw new DomainError('call_document_not_found')
  const headers = fileHeaders(d, d.content_type === 'application/pdf')
  if (req.headers['if-none-match'] === headers.etag) {
    await reply.code(304).headers(headers).send()
    return
  }
  await reply.code(200).headers(headers).send(Buffer.from(d.data))
}
