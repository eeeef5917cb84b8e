import type { Locale } from '../../../../../shared/contracts/common.ts'
import type { DecisionBoard } from '../../../../../shared/contracts/evaluation-decisions.ts'
import type { NotificationKind } from '../../../../../shared/contracts/notifications.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { asLocale, translate } from '../../../../platform/i18n/index.ts'
import { pdfFormat } from '../../../applications/index.ts'
import { notify } from '../../../notifications/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { renderSummaryPdf, summaryFileName } from '../pdf/summary-pdf.ts'
import { readDecisionBoard } from '../queries/board.ts'
import { buildResult } from '../queries/result.ts'
import { loadApplicationRecord, memberUserIds } from '../queries/rows.ts'

/**
 * Sends an application's (already notified) result to every member of its organisations: in-app and by
 * e-mail in each one's language, with the evaluation summary PDF in that language attached.
 */
export async function sendResult(
  tx: Tx,
  ctx: CommandContext,
  applicationId: string,
  kind: Extract<NotificationKind, 'evaluation_result' | 'evaluation_promoted'>,
): Promise<number> {
  const app = await loadApplicationRecord(tx, applicationId)
  const result = await buildResult(tx, app, ctx.clock.now())
  const userIds = await memberUserIds(tx, app.organisationIds)
  const people = userIds.length
    ? await tx.selectFrom('users').select('locale').where('id', 'in', userIds).execute()
    : []
  const pdfs = new Map<Locale, string>()
  for (const l of new Set<Locale>(['en', ...people.map((p) => asLocale(p.locale))])) {
    pdfs.set(l, Buffer.from(await renderSummaryPdf(result, l)).toString('base64'))
  }
  const filename = summaryFileName(app.reference)
  const { deliveries } = await notify(tx, ctx, {
    kind,
    recipients: { userIds },
    actorId: ctx.actor.userId,
    programmeId: app.call.programmeId,
    subject: { type: 'application', id: app.id },
    params: { reference: app.reference, acronym: app.acronym, call: app.call.code },
    link: `/app/applications/${app.id}/result`,
    mailVars: (r) => {
      const f = pdfFormat(r.locale)
      const granted = result.grantedCents === null ? '' : f.money(result.grantedCents)
      return {
        granted,
        outcome: translate(r.locale, `decisions.mail.outcome.${result.outcome}`, {
          granted,
          requested: f.money(result.requestedCents),
          reserveRank: String(result.reserveRank ?? ''),
          rank: String(result.rank ?? '—'),
        }),
      }
    },
    attachments: (r) => [{ filename, contentType: 'application/pdf', content: pdfs.get(r.locale) ?? pdfs.get('en')! }],
  })
  return deliveries.length
}

/**
 * POST /calls/:callId/evaluation/decisions/notify: notifies, once, every decision not notified yet
 * (sets `notified_at`) and sends each result to the applicant's members. A second call notifies
 * nothing. 404 `decision_not_found` when no decision was taken.
 */
export async function notifyDecisions(
  ctx: CommandContext,
  callId: string,
): Promise<{ notified: number; board: DecisionBoard }> {
  const now = ctx.clock.now()
  const notified = await inTransaction(ctx.db, async (tx) => {
    await loadCallForOperator(tx, ctx.actor, callId, 'evaluation.decide')
    const all = await tx
      .selectFrom('evaluation_decisions')
      .select(['application_id', 'notified_at'])
      .where('call_id', '=', callId)
      .forUpdate()
      .execute()
    if (all.length === 0) throw new DomainError('decision_not_found')
    const pending = all.filter((d) => d.notified_at === null).map((d) => d.application_id)
    if (pending.length === 0) return 0
    await tx
      .updateTable('evaluation_decisions')
      .set({ notified_at: now, notified_by: ctx.actor.userId })
      .where('application_id', 'in', pending)
      .execute()
    let recipients = 0
    for (const id of pending) recipients += await sendResult(tx, ctx, id, 'evaluation_result')
    await recordAudit(tx, ctx, {
      action: 'evaluation.decisions_notified',
      subjectType: 'call',
      subjectId: callId,
      change: { applications: pending, recipients },
    })
    return pending.length
  })
  return { notified, board: await readDecisionBoard(ctx, callId) }
}
