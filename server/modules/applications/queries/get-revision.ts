import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import type { revisionContent, SignedReceipt } from '../../../../shared/contracts/applications.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { receiptFilename } from '../domain/content.ts'
import { requireVisible } from './application-view.ts'
import { type ApplicationRow, loadApplication, loadPartners } from './rows.ts'

export type RevisionContent = z.infer<typeof revisionContent>

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/** A revision of an application the caller may see (404 for the application, then for the revision). */
export async function loadRevision(
  db: Queryable,
  ctx: Pick<CommandContext, 'actor'>,
  applicationId: string,
  revision: number,
): Promise<{ row: ApplicationRow; revision: RevisionContent }> {
  const row = await loadApplication(db, applicationId)
  requireVisible(ctx.actor, row, await loadPartners(db, row))
  const r = await db
    .selectFrom('application_revisions')
    .select(['revision', 'digest', 'content', 'receipt'])
    .where('application_id', '=', applicationId)
    .where('revision', '=', revision)
    .executeTakeFirst()
  if (!r) throw new DomainError('application_revision_not_found')
  return {
    row,
    revision: {
      revision: r.revision,
      digest: r.digest,
      content: json<Record<string, unknown>>(r.content),
      receipt: json<SignedReceipt>(r.receipt),
    },
  }
}

/** The content of one submitted revision as it was hashed, with its receipt. */
export async function getRevision(ctx: CommandContext, applicationId: string, revision: number) {
  authorize(ctx.actor, 'application.view')
  return (await loadRevision(ctx.db, ctx, applicationId, revision)).revision
}

/** The signed receipt of a revision as a file (`receipt-APP-00042-r2.json`), for `npm run receipt:verify`. */
export async function downloadReceipt(
  ctx: CommandContext,
  applicationId: string,
  revision: number,
  reply: FastifyReply,
): Promise<void> {
  authorize(ctx.actor, 'application.view')
  const { row, revision: r } = await loadRevision(ctx.db, ctx, applicationId, revision)
  await reply
    .code(200)
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${receiptFilename(row.reference, r.revision)}"`)
    .header('cache-control', 'private, no-store')
    .send(`${JSON.stringify(r.receipt, null, 2)}\n`)
}
