import type { Actor } from '../../../../platform/authz/actor.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { isProgrammeStaff } from '../../dashboard/queries/call-access.ts'

/**
 * For the eligibility review (overrides, admissibility): `call.screen` first, then the application
 * (404 when it does not exist; locked for the write), then the call's programme (403 for another
 * programme's operators). Only submitted applications are reviewed.
 */
export async function loadForReview(db: Queryable, actor: Actor, applicationId: string) {
  authorize(actor, 'call.screen')
  const app = await db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select([
      'a.id',
      'a.reference',
      'a.acronym',
      'a.title',
      'a.status',
      'a.submitted_revision',
      'a.lead_organisation_id',
      'a.admissibility',
      'a.admissibility_reason',
      'c.id as call_id',
      'c.code as call_code',
      'c.programme_id',
    ])
    .where('a.id', '=', applicationId)
    .forUpdate('a')
    .executeTakeFirst()
  if (!app) throw new DomainError('application_not_found')
  if (!isProgrammeStaff(actor, app.programme_id, ['operator'])) {
    throw new DomainError('forbidden', 'Only the operators of this call’s programme review its applications.', {
      reason: 'missing_role',
    })
  }
  if (app.status !== 'submitted') {
    throw new DomainError('application_transition_refused', 'Only submitted applications are reviewed.', {
      status: app.status,
    })
  }
  return app
}

export type ReviewedApplication = Awaited<ReturnType<typeof loadForReview>>
