import { sql } from 'kysely'
import { screenApplication } from '../../../../../shared/calls/readiness.ts'
import { isLate } from '../../../../../shared/calls/time.ts'
import type { EligibilityRule, RuleOutcome } from '../../../../../shared/contracts/applications.ts'
import type { ScreeningSummary } from '../../../../../shared/contracts/screening.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { type Actor, systemActor } from '../../../../platform/authz/actor.ts'
import type { Clock } from '../../../../platform/clock.ts'
import { type Database, inTransaction, type Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { configOf, loadCallAsStaff } from '../../dashboard/queries/call-access.ts'
import { type SnapshotContext, snapshotInput } from '../domain/snapshot.ts'

/** Revisions read and written per batch: bounded memory whatever the number of applications. */
const BATCH = 100

/**
 * Screens every submitted application of a call: the shared rules engine (`screenApplication`, the
 * code the editor runs while typing) on the CURRENT submitted revision of each, one result per rule
 * with its reason. Idempotent: a new run replaces the automatic results and keeps the operators'
 * overrides of the same revision (an override of an older revision is dropped: the content it judged
 * has been replaced). Sets `calls.screened_at` and writes one audit event with the counts, all in one
 * transaction that holds the call's row (two runs never interleave).
 *
 * The calls module's close job calls it at the deadline (`onCallClosed`); operators through
 * POST /calls/:callId/screen.
 */
export async function screenCall(
  db: Database,
  callId: string,
  clock: Clock,
  who: { actor: Actor; requestId: string | null } = { actor: systemActor, requestId: null },
): Promise<ScreeningSummary> {
  return inTransaction(db, async (tx) => {
    const call = await tx.selectFrom('calls').selectAll().where('id', '=', callId).forUpdate().executeTakeFirst()
    if (!call) throw new DomainError('call_not_found')
    const config = configOf(call)
    if (!config) throw new DomainError('call_transition_refused', 'The call has no valid configuration to screen with.')
    const now = clock.now()
    const apps = await tx
      .selectFrom('applications')
      .select(['id', 'reference', 'submitted_revision'])
      .where('call_id', '=', call.id)
      .where('status', '=', 'submitted')
      .where('submitted_revision', 'is not', null)
      .orderBy('reference')
      .execute()
    const ctx = await snapshotContext(tx, call.id, config)
    const summary: ScreeningSummary = {
      callId: call.id,
      screenedAt: now.toISOString(),
      applications: apps.length,
      eligible: 0,
      failing: 0,
      withWarnings: 0,
      overridesKept: 0,
      overridesDropped: 0,
    }
    const byRule: Partial<Record<EligibilityRule, { fail: number; warning: number }>> = {}
    for (let i = 0; i < apps.length; i += BATCH) {
      const batch = apps.slice(i, i + BATCH)
      const revisions = await tx
        .selectFrom('application_revisions as r')
        .innerJoin('applications as a', (j) =>
          j.onRef('a.id', '=', 'r.application_id').onRef('a.submitted_revision', '=', 'r.revision'),
        )
        .select(['r.application_id', 'r.revision', 'r.content', 'a.reference'])
        .where(
          'a.id',
          'in',
          batch.map((a) => a.id),
        )
        .execute()
      const outcomes = revisions.map((r) => ({
        applicationId: r.application_id,
        revision: r.revision,
        outcomes: screenApplication(snapshotInput(r.content, r.reference, ctx)),
      }))
      const kept = await writeResults(tx, outcomes, now)
      summary.overridesKept += kept.kept
      summary.overridesDropped += kept.dropped
      for (const o of outcomes) {
        for (const r of o.outcomes) {
          if (r.outcome === 'pass') continue
          const n = byRule[r.rule] ?? { fail: 0, warning: 0 }
          n[r.outcome]++
          byRule[r.rule] = n
        }
      }
    }
    // Eligible / failing counts overrides, so they are read back from what is now recorded.
    const counts = await sql<{ failing: string; warnings: string }>`
      select count(distinct e.application_id) filter (where coalesce(e.override_outcome, e.outcome) = 'fail') as failing,
             count(distinct e.application_id) filter (where e.outcome = 'warning' and e.override_outcome is null) as warnings
      from eligibility_results e join applications a on a.id = e.application_id
      where a.call_id = ${call.id} and a.status = 'submitted'`.execute(tx)
    summary.failing = Number(counts.rows[0]?.failing ?? 0)
    summary.withWarnings = Number(counts.rows[0]?.warnings ?? 0)
    summary.eligible = summary.applications - summary.failing
    await tx.updateTable('calls').set({ screened_at: now }).where('id', '=', call.id).execute()
    await recordAudit(
      tx,
      { actor: who.actor, requestId: who.requestId, clock },
      {
        action: 'call.screened',
        subjectType: 'call',
        subjectId: call.id,
        change: { code: call.code, ...summary, byRule },
      },
    )
    return summary
  })
}

/** The operator's route: `call.screen` on the call's programme, and only once the deadline has passed. */
export async function screenCallNow(ctx: CommandContext, callId: string): Promise<ScreeningSummary> {
  const call = await loadCallAsStaff(ctx.db, ctx.actor, callId, 'call.screen')
  if (call.published_at === null || call.cancelled_at !== null || !isLate(call.closes_at, ctx.clock.now())) {
    throw new DomainError('call_transition_refused', 'Applications are screened once the call has closed.')
  }
  return screenCall(ctx.db, call.id, ctx.clock, { actor: ctx.actor, requestId: ctx.requestId })
}

async function snapshotContext(tx: Tx, callId: string, config: SnapshotContext['config']): Promise<SnapshotContext> {
  const [challenges, inScope, memberships] = await Promise.all([
    tx
      .selectFrom('challenges')
      .select(['id', 'trl_min', 'trl_max'])
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('applications')
          .select('challenge_id')
          .where('call_id', '=', callId)
          .where('challenge_id', 'is not', null),
      )
      .execute(),
    tx.selectFrom('challenge_calls').select('challenge_id').where('call_id', '=', callId).execute(),
    // The organisations of each submitted revision, from the revision itself (what was submitted).
    sql<{ organisation_id: string; reference: string }>`
      select distinct p.value ->> 'organisationId' as organisation_id, a.reference
      from applications a
      join application_revisions r on r.application_id = a.id and r.revision = a.submitted_revision
      cross join lateral jsonb_array_elements(coalesce(r.content -> 'partners', '[]'::jsonb)) as p(value)
      where a.call_id = ${callId} and a.status = 'submitted' and p.value ->> 'organisationId' is not null`.execute(tx),
  ])
  const byOrg = new Map<string, string[]>()
  for (const m of memberships.rows) byOrg.set(m.organisation_id, [...(byOrg.get(m.organisation_id) ?? []), m.reference])
  for (const refs of byOrg.values()) refs.sort()
  return {
    config,
    challengeTrl: new Map(challenges.map((c) => [c.id, { min: c.trl_min, max: c.trl_max }])),
    challengeIds: inScope.map((c) => c.challenge_id),
    applicationsByOrganisation: byOrg,
  }
}

/** Upserts one row per rule; overrides stay when the revision is the same. Returns the overrides kept/dropped. */
async function writeResults(
  tx: Tx,
  results: { applicationId: string; revision: number; outcomes: RuleOutcome[] }[],
  now: Date,
): Promise<{ kept: number; dropped: number }> {
  const rows = results.flatMap((r) =>
    r.outcomes.map((o) => ({
      application_id: r.applicationId,
      revision: r.revision,
      rule: o.rule,
      outcome: o.outcome,
      reason: JSON.stringify(o.reason),
      screened_at: now,
    })),
  )
  if (rows.length === 0) return { kept: 0, dropped: 0 }
  const before = await tx
    .selectFrom('eligibility_results')
    .select(['application_id', 'revision'])
    .where(
      'application_id',
      'in',
      results.map((r) => r.applicationId),
    )
    .where('override_outcome', 'is not', null)
    .execute()
  const revisionOf = new Map(results.map((r) => [r.applicationId, r.revision]))
  const kept = before.filter((b) => revisionOf.get(b.application_id) === b.revision).length
  const sameRevision = sql<boolean>`eligibility_results.revision = excluded.revision`
  await tx
    .insertInto('eligibility_results')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['application_id', 'rule']).doUpdateSet({
        revision: (eb) => eb.ref('excluded.revision'),
        outcome: (eb) => eb.ref('excluded.outcome'),
        reason: (eb) => eb.ref('excluded.reason'),
        screened_at: (eb) => eb.ref('excluded.screened_at'),
        override_outcome: sql`case when ${sameRevision} then eligibility_results.override_outcome end`,
        override_justification: sql`case when ${sameRevision} then eligibility_results.override_justification end`,
        overridden_by: sql`case when ${sameRevision} then eligibility_results.overridden_by end`,
        overridden_at: sql`case when ${sameRevision} then eligibility_results.overridden_at end`,
      }),
    )
    .execute()
  return { kept, dropped: before.length - kept }
}
