import type { z } from 'zod'
import type { mediaPatch, SolutionMedia } from '../../../../shared/contracts/solutions.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { mediaOf } from '../queries/media-view.ts'
import { lockForWrite } from './guard.ts'

export const mediaNotFound = () => new DomainError('solution_media_not_found', 'No such image or datasheet.')

async function findMedia(tx: Tx, solutionId: string, mediaId: string) {
  const m = await tx
    .selectFrom('solution_media')
    .selectAll()
    .where('id', '=', mediaId)
    .where('solution_id', '=', solutionId)
    .executeTakeFirst()
  if (!m) throw mediaNotFound()
  return m
}

/** Renumbers the media of one kind 0..n-1 in the given order. */
async function renumber(tx: Tx, ids: string[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await tx.updateTable('solution_media').set({ position }).where('id', '=', id).execute()
  }
}

/** Changes a caption and/or moves one image or datasheet among those of its kind. */
export async function updateMedia(
  ctx: CommandContext,
  solutionId: string,
  mediaId: string,
  patch: z.output<typeof mediaPatch>,
): Promise<SolutionMedia> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, solutionId)
    const m = await findMedia(tx, solutionId, mediaId)
    if (patch.caption !== undefined) {
      await tx
        .updateTable('solution_media')
        .set({ caption: patch.caption || null })
        .where('id', '=', mediaId)
        .execute()
    }
    if (patch.position !== undefined) {
      const siblings = await tx
        .selectFrom('solution_media')
        .select('id')
        .where('solution_id', '=', solutionId)
        .where('kind', '=', m.kind)
        .orderBy('position')
        .orderBy('id')
        .execute()
      const order = siblings.map((x) => x.id).filter((id) => id !== mediaId)
      order.splice(Math.min(patch.position, order.length), 0, mediaId)
      await renumber(tx, order)
    }
    await recordAudit(tx, ctx, {
      action: 'solution.media_updated',
      subjectType: 'solution',
      subjectId: solutionId,
      change: { mediaId, ...patch },
    })
    return (await mediaOf(tx, s, true)).find((x) => x.id === mediaId)!
  })
}

/** Removes an image or datasheet and its stored file; the others of its kind close the gap. */
export async function deleteMedia(ctx: CommandContext, solutionId: string, mediaId: string): Promise<void> {
  authorize(ctx.actor, 'solution.manage')
  await inTransaction(ctx.db, async (tx) => {
    await lockForWrite(tx, ctx.actor, solutionId)
    const m = await findMedia(tx, solutionId, mediaId)
    await tx.deleteFrom('solution_media').where('id', '=', mediaId).execute()
    await tx.deleteFrom('files').where('id', '=', m.file_id).execute()
    const rest = await tx
      .selectFrom('solution_media')
      .select('id')
      .where('solution_id', '=', solutionId)
      .where('kind', '=', m.kind)
      .orderBy('position')
      .orderBy('id')
      .execute()
    await renumber(
      tx,
      rest.map((r) => r.id),
    )
    await recordAudit(tx, ctx, {
      action: 'solution.media_deleted',
      subjectType: 'solution',
      subjectId: solutionId,
      change: { mediaId, kind: m.kind, fileId: m.file_id },
    })
  })
}
