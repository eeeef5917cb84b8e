import type { FastifyReply, FastifyRequest } from 'fastify'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import { fileHeaders } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { requireVisible } from './application-view.ts'
import { loadApplication, loadPartners } from './rows.ts'

/**
 * Streams a file of an application to its consortium and the programme's staff (404 for anyone
 * else, as for the application), as an attachment: nosniff, sandboxed, private cache, ETag.
 */
export async function serveApplicationFile(
  ctx: CommandContext,
  id: string,
  fileId: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  authorize(ctx.actor, 'application.view')
  const row = await loadApplication(ctx.db, id)
  requireVisible(ctx.actor, row, await loadPartners(ctx.db, row))
  const f = await ctx.db
    .selectFrom('application_files as af')
    .innerJoin('files as f', 'f.id', 'af.file_id')
    .select(['f.content_type', 'f.filename', 'f.sha256', 'f.data'])
    .where('af.application_id', '=', id)
    .where('af.file_id', '=', fileId)
    .executeTakeFirst()
  if (!f) throw new DomainError('application_file_not_found')
  const headers = fileHeaders(f, false)
  if (req.headers['if-none-match'] === headers.etag) {
    await reply.code(304).headers(headers).send()
    return
  }
  await reply.code(200).headers(headers).send(Buffer.from(f.data))
}
