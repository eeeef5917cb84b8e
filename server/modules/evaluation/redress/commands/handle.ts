import type { RedressItem } from '../../../../../shared/contracts/evaluation-decisions.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { translate } from '../../../../platform/i18n/index.ts'
import { notify } from '../../../notifications/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { loadApplicationRecord, memberUserIds } from '../../decisions/queries/rows.ts'
import { readRedress } from '../queries/list.ts'

/**
 * An operator of the programme records the outcome of an open redress request (upheld, partially
 * upheld, dismissed) with its text, once (409 `redress_handled`). The applicant's members are notified.
 */
export async function handleRedress(
  ctx: CommandContext,
  callId: string,
  redressId: string,
  input: { status: 'upheld' | 'partially_upheld' | 'dismissed'; outcome: string },
): Promise<RedressItem> {
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.redress.handle')
    const r = await tx
      .selectFrom('redress_requests')
      .select(['id', 'application_id', 'status', 'due_at'])
      .where('id', '=', redressId)
      .where('call_id', '=', callId)
      .forUpdate()
      .executeTakeFirst()
    if (!r) throw new DomainError('redress_not_found')
    if (r.status !== 'open') throw new DomainError('redress_handled', undefined, { status: r.status })
    await tx
      .updateTable('redress_requests')
      .set({ status: input.status, outcome: input.outcome, handled_by: ctx.actor.userId, handled_at: now })
      .where('id', '=', redressId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.redress_handled',
      subjectType: 'redress_request',
      subjectId: redressId,
      change: {
        applicationId: r.application_id,
        from: 'open',
        to: input.status,
        outcome: input.outcome,
        late: now.getTime() > new Date(r.due_at).getTime(),
      },
    })
    const app = await loadApplicationRecord(tx, r.application_id)
    await notify(tx, ctx, {
      kind: 'redress_handled',
      recipients: { userIds: await memberUserIds(tx, app.organisationIds) },
      actorId: ctx.actor.userId,
      programmeId: app.call.programmeId,
      subject: { type: 'redress_request', id: redressId },
      params: { reference: app.reference, acronym: app.acronym, call: app.call.code },
      link: `/app/applications/${app.id}/result`,
      mailVars: (rc) => ({
        status: translate(rc.locale, `decisions.redress.statuses.${input.status}`),
        outcome: input.outcome,
      }),
    })
  })
  return readRedress(ctx.db, callId, redressId, now)
}
