import type { z } from 'zod'
import type { EligibilityView } from '../../../../../shared/contracts/applications.ts'
import type { admissibilityInput } from '../../../../../shared/contracts/screening.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { fieldError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { translate } from '../../../../platform/i18n/index.ts'
import { notify } from '../../../notifications/index.ts'
import { countedPartner } from '../../dashboard/queries/partners-sql.ts'
import { ruleLine } from '../domain/reason-text.ts'
import { loadEligibilityView } from '../queries/eligibility-view.ts'
import { loadForReview, type ReviewedApplication } from './guard.ts'

/**
 * An operator declares a submitted application admissible or not (a reason is required for
 * "inadmissible"). Audited; when the decision or its reason changes, every member of the consortium's
 * organisations is notified in the app and by e-mail in their language, with the rules not met.
 */
export async function decideAdmissibility(
  ctx: CommandContext,
  applicationId: string,
  input: z.output<typeof admissibilityInput>,
): Promise<EligibilityView> {
  if (input.decision === 'inadmissible' && input.reason === '') {
    throw fieldError('reason', 'required', 'Say why the application is not admissible.')
  }
  return inTransaction(ctx.db, async (tx) => {
    const app = await loadForReview(tx, ctx.actor, applicationId)
    const reason = input.reason === '' ? null : input.reason
    const changed = app.admissibility !== input.decision || app.admissibility_reason !== reason
    await tx
      .updateTable('applications')
      .set({
        admissibility: input.decision,
        admissibility_reason: reason,
        admissibility_by: ctx.actor.userId,
        admissibility_at: ctx.clock.now(),
      })
      .where('id', '=', app.id)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'application.admissibility_decided',
      subjectType: 'application',
      subjectId: app.id,
      change: {
        before: { decision: app.admissibility, reason: app.admissibility_reason },
        after: { decision: input.decision, reason },
        revision: app.submitted_revision,
      },
    })
    const view = await loadEligibilityView(tx, app.id)
    if (changed) await notifyConsortium(tx, ctx, app, view, input.decision, reason)
    return view
  })
}

async function notifyConsortium(
  tx: Tx,
  ctx: CommandContext,
  app: ReviewedApplication,
  view: EligibilityView,
  decision: 'admissible' | 'inadmissible',
  reason: string | null,
) {
  const members = await tx
    .selectFrom('memberships as m')
    .innerJoin('application_partners as p', 'p.organisation_id', 'm.organisation_id')
    .select('m.user_id')
    .distinct()
    .where('p.application_id', '=', app.id)
    .where(countedPartner)
    .execute()
  const failed = view.results.filter((r) => (r.override?.outcome ?? r.outcome) === 'fail')
  await notify(tx, ctx, {
    kind: decision === 'admissible' ? 'application_admissible' : 'application_inadmissible',
    recipients: { userIds: members.map((m) => m.user_id) },
    actorId: ctx.actor.userId,
    programmeId: app.programme_id,
    subject: { type: 'application', id: app.id },
    params: {
      reference: app.reference,
      acronym: app.acronym || app.reference,
      title: app.title,
      callCode: app.call_code,
      reason: reason ?? '',
    },
    link: `/app/applications/${app.id}`,
    mailVars: (r) => ({
      note: reason ? `\n\n${translate(r.locale, 'screening.mail.note', { reason })}` : '',
      rules:
        failed.length === 0
          ? translate(r.locale, 'screening.mail.noFailedRules')
          : failed.map((f) => `- ${ruleLine(r.locale, f.rule, f.reason)}`).join('\n'),
    }),
  })
}
