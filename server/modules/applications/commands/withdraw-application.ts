import type { z } from 'zod'
import { isLate } from '../../../../shared/calls/time.ts'
import type { Application, withdrawInput } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { refusalMessage } from '../domain/gate.ts'
import { readApplication } from '../queries/application-view.ts'
import { lockAsLead } from './guard.ts'

export type WithdrawInput = z.output<typeof withdrawInput>

/**
 * The lead withdraws the application, draft or submitted, until the deadline: it no longer counts
 * (its revisions are kept), becomes read-only for good and frees its organisations for another
 * application of the call.
 */
export async function withdrawApplication(ctx: CommandContext, id: string, input: WithdrawInput): Promise<Application> {
  authorize(ctx.actor, 'application.submit')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockAsLead(tx, ctx, id)
    if (row.status === 'withdrawn') {
      throw new DomainError('application_read_only', refusalMessage.application_read_only)
    }
    if (isLate(row.closes_at, now)) throw new DomainError('deadline_passed', refusalMessage.deadline_passed)
    await tx
      .updateTable('applications')
      .set({ status: 'withdrawn', withdrawn_at: now, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'application.withdrawn',
      subjectType: 'application',
      subjectId: id,
      change: { previousStatus: row.status, submittedRevision: row.submitted_revision, reason: input.reason },
    })
  })
  // Read after the commit: the audit chain row stays locked from the audit append to the commit.
  return readApplication(ctx.db, ctx.actor, now, id)
}
