import type { ConsortiumConversion } from '../../../../../shared/contracts/consortia.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { addAcceptedPartner, startApplication } from '../../../applications/index.ts'
import { notify } from '../../../notifications/index.ts'
import { conversionRefusal } from '../domain/rules.ts'
import { findConsortium } from '../queries/rows.ts'
import { consortiumRules, phaseOf } from '../queries/view.ts'
import { sideOf } from './notices.ts'

/**
 * "Turn into an application": one transaction holding the consortium's row. The applications module
 * starts the draft (its own checks: the call open, the challenge in the call, the lead's one
 * application; the lead's part starts with the lead's role) and adds every accepted member as an
 * ACCEPTED partner with the role it stated — they already said yes to this consortium, so they are not
 * asked again; each still fills and confirms its part before the lead can submit. Pending invitations are not carried over (the lead invites them in
 * the application if they answer later). The consortium becomes `converted` with its application.
 * Idempotent: a converted consortium answers with its application (`created: false`), so a retry —
 * even a concurrent one, serialised by the row lock — never makes a second application.
 */
export async function convertConsortium(ctx: CommandContext, consortiumId: string): Promise<ConsortiumConversion> {
  authorize(ctx.actor, 'consortium.convert')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const { row, members, access } = await findConsortium(tx, ctx.actor, consortiumId, true)
    if (row.status === 'converted' && row.application_id && row.application_reference && access.lead)
      return { consortiumId, applicationId: row.application_id, reference: row.application_reference, created: false }
    const { rules, rulesPass } = await consortiumRules(tx, row, members)
    const refusal = conversionRefusal({
      lead: access.lead,
      status: row.status as 'forming' | 'converted' | 'dissolved',
      phase: phaseOf(row, now),
      leadIsSme: row.lead_type === 'sme',
      rulesPass,
    })
    if (refusal) {
      const failing = rules.filter((r) => r.outcome === 'fail')
      throw new DomainError(
        refusal.code,
        refusal.code === 'consortium_rules_not_met'
          ? 'The call’s consortium rules are not met yet.'
          : 'This consortium cannot become an application now.',
        { reason: refusal.reason, ...(failing.length ? { rules: failing } : {}) },
      )
    }
    const inner = { ...ctx, db: tx }
    const application = await startApplication(
      inner,
      {
        callId: row.call_id,
        challengeId: row.challenge_id,
        organisationId: row.lead_organisation_id,
        acronym: row.acronym.slice(0, 30),
        title: row.name.slice(0, 300),
      },
      { leadRole: row.lead_role },
    )
    const accepted = members.filter((m) => m.status === 'accepted' && m.organisation_id !== null)
    for (const m of accepted) {
      await addAcceptedPartner(tx, inner, application.id, {
        organisationId: m.organisation_id!,
        role: m.role,
        contactUserId: m.decided_by,
        origin: { consortiumId, consortiumMemberId: m.id },
      })
    }
    await tx
      .updateTable('consortia')
      .set({ status: 'converted', application_id: application.id, converted_at: now, updated_at: now })
      .where('id', '=', consortiumId)
      .execute()
    const recipients = new Set<string>()
    for (const m of accepted) for (const u of await sideOf(tx, m.organisation_id!, [m.decided_by])) recipients.add(u)
    await notify(tx, ctx, {
      kind: 'consortium_converted',
      recipients: { userIds: [...recipients] },
      actorId: ctx.actor.userId,
      programmeId: row.programme_id,
      subject: { type: 'application', id: application.id },
      params: { consortium: row.acronym || row.name, reference: application.reference },
      link: `/app/applications/${application.id}`,
    })
    await recordAudit(tx, ctx, {
      action: 'consortium.converted',
      subjectType: 'consortium',
      subjectId: consortiumId,
      change: {
        applicationId: application.id,
        reference: application.reference,
        partners: accepted.map((m) => m.organisation_id),
        pendingNotCarried: members.filter((m) => m.status === 'invited').map((m) => m.id),
      },
    })
    return { consortiumId, applicationId: application.id, reference: application.reference, created: true }
  })
}
