import type { z } from 'zod'
import {
  type MediaKind,
  mediaLimits,
  type mediaUploadInput,
  type SolutionMedia,
} from '../../../../shared/contracts/solutions.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import { storeFile } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { mediaOf } from '../queries/media-view.ts'
import { lockForWrite } from './guard.ts'

/** Decodes a base64 upload (the contract has checked the alphabet). */
export function decodeBase64(data: string, field: string): Uint8Array {
  const bytes = Buffer.from(data, 'base64')
  if (bytes.length === 0) throw fieldError(field, 'file_empty', 'The file is empty.')
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * Adds an image (PNG, JPEG or WebP, ≤ 2 MB) or a PDF datasheet (≤ 10 MB) to a solution, after the
 * last one of its kind. The type is read from the bytes (storeFile); a PDF sent as an image is refused.
 */
export async function addMedia(
  ctx: CommandContext,
  solutionId: string,
  input: z.output<typeof mediaUploadInput>,
): Promise<SolutionMedia> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, solutionId)
    const kind = input.kind as MediaKind
    const existing = await tx
      .selectFrom('solution_media')
      .select(({ fn }) => [fn.countAll<string>().as('n'), fn.max('position').as('last')])
      .where('solution_id', '=', solutionId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow()
    if (Number(existing.n) >= mediaLimits[kind]) {
      throw new DomainError('solution_media_limit', `At most ${mediaLimits[kind]} ${kind}s per solution.`, {
        limit: mediaLimits[kind],
      })
    }
    const file = await storeFile(tx, {
      kind: kind === 'image' ? 'image' : 'datasheet',
      field: 'data',
      filename: input.filename,
      data: decodeBase64(input.data, 'data'),
      organisationId: s.organisation_id,
      createdBy: ctx.actor.userId,
    })
    const position = existing.last === null ? 0 : Number(existing.last) + 1
    const media = await tx
      .insertInto('solution_media')
      .values({ solution_id: solutionId, file_id: file.id, kind, caption: input.caption || null, position })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'solution.media_added',
      subjectType: 'solution',
      subjectId: solutionId,
      change: {
        mediaId: media.id,
        kind,
        filename: file.filename,
        contentType: file.contentType,
        byteSize: file.byteSize,
        sha256: file.sha256,
        caption: input.caption,
      },
    })
    const all = await mediaOf(tx, s, true)
    return all.find((m) => m.id === media.id)!
  })
}
