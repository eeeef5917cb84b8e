import type { EvaluationResult } from '../../../../../shared/contracts/evaluation-decisions.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { notify } from '../../../notifications/index.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { buildResult, loadNotifiedDecision } from '../../decisions/queries/result.ts'
import { loadForApplicant } from '../../decisions/queries/rows.ts'
import { redressDueAt, redressWindowEnd } from '../domain/dates.ts'

/**
 * A member of an applicant organisation requests redress on a notified decision: within
 * `redressWindowDays` calendar days of the notification (409 `redress_window_closed`), one open request
 * at a time (409 `redress_exists`). It is due `redressHandlingWorkingDays` working days after filing,
 * skipping weekends and the call's public holidays as the settings list them now (domain/dates.ts); the
 * due date is stored and does not move if the list changes later. The programme's operators are notified.
 */
export async function fileRedress(
  ctx: CommandContext,
  applicationId: string,
  input: { grounds: string },
): Promise<EvaluationResult> {
  authorize(ctx.actor, 'evaluation.result.respond')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const app = await loadForApplicant(tx, ctx.actor, applicationId)
    const d = await loadNotifiedDecision(tx, applicationId, true)
    const settings = await readEvaluationSettings(tx, app.call.id)
    const windowEnd = redressWindowEnd(new Date(d.notified_at!), settings.redressWindowDays, app.call.timeZone)
    if (now.getTime() > windowEnd.getTime())
      throw new DomainError('redress_window_closed', undefined, { windowEndsAt: windowEnd.toISOString() })
    const open = await tx
      .selectFrom('redress_requests')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (open) throw new DomainError('redress_exists')
    const dueAt = redressDueAt(now, settings.redressHandlingWorkingDays, app.call.timeZone, settings.redressHolidays)
    const row = await tx
      .insertInto('redress_requests')
      .values({
        application_id: applicationId,
        call_id: app.call.id,
        grounds: input.grounds,
        filed_by: ctx.actor.userId,
        filed_at: now,
        due_at: dueAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'evaluation.redress_filed',
      subjectType: 'redress_request',
      subjectId: row.id,
      change: { applicationId, grounds: input.grounds, dueAt: dueAt.toISOString() },
    })
    const operators = await tx
      .selectFrom('programme_roles')
      .select('user_id')
      .where('programme_id', '=', app.call.programmeId)
      .where('role', '=', 'operator')
      .execute()
    await notify(tx, ctx, {
      kind: 'redress_filed',
      recipients: { userIds: operators.map((o) => o.user_id) },
      actorId: ctx.actor.userId,
      programmeId: app.call.programmeId,
      subject: { type: 'redress_request', id: row.id },
      params: { reference: app.reference, acronym: app.acronym, call: app.call.code, due: dueAt.toISOString() },
      link: `/app/evaluation/${app.call.id}/redress`,
      mailVars: (r) => ({
        due: new Intl.DateTimeFormat(r.locale === 'en' ? 'en-GB' : r.locale, {
          dateStyle: 'long',
          timeZone: app.call.timeZone,
        }).format(dueAt),
      }),
    })
  })
  const app = await loadForApplicant(ctx.db, ctx.actor, applicationId)
  return buildResult(ctx.db, app, ctx.clock.now())
}
