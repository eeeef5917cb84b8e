import type { FastifyReply, FastifyRequest } from 'fastify'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import { fileHeaders } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { assertTrailVisible, assessmentNotFound, storedAnswers } from './assessment-view.ts'
import { findVisible, ownerFor } from './solution-view.ts'

/**
 * Streams a file of evidence, only through an assessment whose answers name it, to those who see the
 * trail (members; reviewers for completed assessments). Always as an attachment; the name is neutral
 * when the owner's identity is hidden from the caller.
 */
export async function serveEvidence(
  ctx: CommandContext,
  solutionId: string,
  assessmentId: string,
  fileId: string,
  _req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  authorize(ctx.actor, 'solution.view')
  const s = await findVisible(ctx.db, ctx.actor, solutionId)
  const a = await ctx.db
    .selectFrom('trl_assessments')
    .select(['status', 'answers'])
    .where('id', '=', assessmentId)
    .where('solution_id', '=', solutionId)
    .executeTakeFirst()
  if (!a) throw assessmentNotFound()
  assertTrailVisible(ctx.actor, s.organisation_id, a.status)
  const named = storedAnswers(a.answers).findIndex((x) => x.evidenceFileId === fileId)
  if (named < 0) throw new DomainError('not_found', 'No such evidence file.')
  const f = await ctx.db
    .selectFrom('files')
    .select(['content_type', 'filename', 'sha256', 'data'])
    .where('id', '=', fileId)
    .where('organisation_id', '=', s.organisation_id)
    .executeTakeFirst()
  if (!f) throw new DomainError('not_found', 'No such evidence file.')
  const ext = f.filename.includes('.') ? f.filename.slice(f.filename.lastIndexOf('.')) : ''
  const filename = ownerFor(ctx.actor, s).disclosed ? f.filename : `${s.reference}-evidence-${named + 1}${ext}`
  await reply
    .code(200)
    .headers(fileHeaders({ content_type: f.content_type, filename, sha256: f.sha256 }, false))
    .send(Buffer.from(f.data))
}
