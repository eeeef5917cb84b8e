import type { FastifyReply, FastifyRequest } from 'fastify'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import { fileHeaders } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { neutralFilename } from './media-view.ts'
import { findVisible, ownerFor } from './solution-view.ts'

/**
 * Streams one image or datasheet of a solution the caller may see (404 otherwise, as for the solution
 * itself). When the owner's identity is hidden from the caller, the download name is neutral: the
 * uploaded name often carries the company's. Headers: nosniff, sandboxed, private cache, ETag.
 */
export async function serveMedia(
  ctx: CommandContext,
  solutionId: string,
  mediaId: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  authorize(ctx.actor, 'solution.view')
  const s = await findVisible(ctx.db, ctx.actor, solutionId)
  const m = await ctx.db
    .selectFrom('solution_media as m')
    .innerJoin('files as f', 'f.id', 'm.file_id')
    .select(['m.kind', 'm.position', 'f.content_type', 'f.filename', 'f.sha256', 'f.data'])
    .where('m.id', '=', mediaId)
    .where('m.solution_id', '=', solutionId)
    .executeTakeFirst()
  if (!m) throw new DomainError('solution_media_not_found', 'No such image or datasheet.')
  const filename = ownerFor(ctx.actor, s).disclosed
    ? m.filename
    : neutralFilename(s.reference, m.kind, m.position, m.content_type)
  const headers = fileHeaders({ content_type: m.content_type, filename, sha256: m.sha256 }, m.kind === 'image')
  if (req.headers['if-none-match'] === headers.etag) {
    await reply.code(304).headers(headers).send()
    return
  }
  await reply.code(200).headers(headers).send(Buffer.from(m.data))
}
