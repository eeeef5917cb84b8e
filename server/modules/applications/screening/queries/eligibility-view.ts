import {
  type EligibilityRule,
  type EligibilityView,
  eligibilityRules,
} from '../../../../../shared/contracts/applications.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { accessOf } from '../../domain/access.ts'

type Params = Record<string, string | number>
const iso = (d: Date | string) => new Date(d).toISOString()
const order = (rule: string) => eligibilityRules.indexOf(rule as EligibilityRule)

/**
 * The eligibility of one application: one result per rule with its reason and any override, and the
 * admissibility decision. Applicants and staff read the same view (the apps module can embed it in the
 * application); who may read it is decided by `getEligibility`.
 */
export async function loadEligibilityView(db: Queryable, applicationId: string): Promise<EligibilityView> {
  const [app, rows] = await Promise.all([
    db
      .selectFrom('applications')
      .select(['admissibility', 'admissibility_reason'])
      .where('id', '=', applicationId)
      .executeTakeFirst(),
    db.selectFrom('eligibility_results').selectAll().where('application_id', '=', applicationId).execute(),
  ])
  if (!app) throw new DomainError('application_not_found')
  rows.sort((a, b) => order(a.rule) - order(b.rule))
  const screenedAt = rows.reduce<Date | null>((m, r) => {
    const at = new Date(r.screened_at)
    return m === null || at > m ? at : m
  }, null)
  return {
    screenedAt: screenedAt === null ? null : screenedAt.toISOString(),
    revision: rows[0]?.revision ?? null,
    results: rows.map((r) => ({
      rule: r.rule as EligibilityRule,
      outcome: r.outcome as 'pass' | 'fail' | 'warning',
      reason: r.reason as { code: string; params: Params },
      override:
        r.override_outcome === null
          ? null
          : {
              outcome: r.override_outcome as 'pass' | 'fail',
              justification: r.override_justification ?? '',
              at: iso(r.overridden_at ?? r.screened_at),
            },
    })),
    admissibility: app.admissibility as EligibilityView['admissibility'],
    admissibilityReason: app.admissibility_reason,
  }
}

/**
 * GET eligibility: the programme's staff always; members of the consortium (lead and accepted
 * partners) once screened (before that, the results are empty); anyone else gets 404.
 */
export async function getEligibility(ctx: CommandContext, applicationId: string): Promise<EligibilityView> {
  const app = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select(['a.id', 'a.lead_organisation_id', 'c.programme_id'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
  if (!app) throw new DomainError('application_not_found')
  const partners = await ctx.db
    .selectFrom('application_partners')
    .select(['id', 'organisation_id', 'role', 'status'])
    .where('application_id', '=', applicationId)
    .execute()
  const access = accessOf(ctx.actor, app, partners)
  if (!access.visible) throw new DomainError('application_not_found')
  return loadEligibilityView(ctx.db, applicationId)
}

/**
 * The eligibility embedded in the application (the apps module plugs this in with
 * `setEligibilityReader`; it has already checked that the caller may see the application): null until
 * the application has been screened or decided on.
 */
export async function eligibilityOfApplication(
  db: Queryable,
  _actor: unknown,
  row: { id: string },
): Promise<EligibilityView | null> {
  const view = await loadEligibilityView(db, row.id)
  return view.results.length === 0 && view.admissibility === 'pending' ? null : view
}
