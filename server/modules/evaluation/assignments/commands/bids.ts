import type { BidPage, BidValue } from '../../../../../shared/contracts/evaluation-assignments.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { readPhases } from '../../common/phases.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { signedInUser } from '../../experts/access.ts'
import { pairKey } from '../domain/affinity.ts'
import { type CallApplication, loadBids, loadCallApplications } from '../queries/inputs.ts'
import { callConflicts } from '../queries/problem.ts'

/** The call, for an expert approved for it; anyone else cannot tell it is being evaluated (404). */
async function approvedExpertCall(db: Queryable, userId: string, callId: string) {
  const row = await db
    .selectFrom('expert_calls as e')
    .innerJoin('calls as c', 'c.id', 'e.call_id')
    .select(['c.id', 'c.programme_id'])
    .where('e.call_id', '=', callId)
    .where('e.user_id', '=', userId)
    .where('e.status', '=', 'approved')
    .executeTakeFirst()
  if (!row) throw new DomainError('call_not_found')
  return row
}

/** The applications an expert may bid on: the call's admissible submitted ones they have no conflict with. */
async function biddable(db: Queryable, call: { id: string; programme_id: string }, userId: string) {
  const apps = await loadCallApplications(db, call.id)
  const conflicts = await callConflicts(db, call)
  return apps.filter((a) => !conflicts.has(pairKey(a.applicationId, userId)))
}

/** Bids are open until the individual evaluation phase starts. */
async function bidWindow(db: Queryable, callId: string, now: Date) {
  const phases = await readPhases(db, callId, now)
  const p = phases.individual
  return { open: p.status === 'unset' || p.status === 'upcoming', closesAt: p.startsAt }
}

const matches = (a: CallApplication, q: string) => {
  const needle = q.toLowerCase()
  return [a.reference, a.acronym, a.title, a.abstract, a.challengeTitle].some((s) => s.toLowerCase().includes(needle))
}

/**
 * For an approved expert: the call's applications by title and abstract (consortium names only when the
 * evaluation is not anonymised), with their own bid; search and paging.
 */
export async function listBids(
  ctx: CommandContext,
  callId: string,
  query: { q: string; page: number; pageSize: number },
): Promise<BidPage> {
  authorize(ctx.actor, 'evaluation.expert')
  const userId = signedInUser(ctx.actor)
  const call = await approvedExpertCall(ctx.db, userId, callId)
  const settings = await readEvaluationSettings(ctx.db, callId)
  const apps = await biddable(ctx.db, call, userId)
  const bids = await loadBids(ctx.db, callId)
  const mine = (a: CallApplication) => bids.get(pairKey(a.applicationId, userId)) ?? null
  const counts = { yes: 0, maybe: 0, no: 0 }
  for (const a of apps) {
    const b = mine(a)
    if (b) counts[b]++
  }
  const found = query.q ? apps.filter((a) => matches(a, query.q)) : apps
  const page = found.slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
  const window = await bidWindow(ctx.db, callId, ctx.clock.now())
  return {
    items: page.map((a) => ({
      applicationId: a.applicationId,
      reference: a.reference,
      acronym: a.acronym,
      title: a.title,
      abstract: a.abstract,
      challenge: a.challengeCode ? { code: a.challengeCode, title: a.challengeTitle } : null,
      organisations: settings.anonymised ? null : a.organisations,
      bid: mine(a),
    })),
    total: found.length,
    page: query.page,
    pageSize: query.pageSize,
    open: window.open,
    closesAt: window.closesAt ? window.closesAt.toISOString() : null,
    anonymised: settings.anonymised,
    counts,
  }
}

/** An approved expert sets (or clears, with null) their bid on an application while bids are open. */
export async function setBid(ctx: CommandContext, callId: string, applicationId: string, bid: BidValue | null) {
  authorize(ctx.actor, 'evaluation.expert')
  const userId = signedInUser(ctx.actor)
  return inTransaction(ctx.db, async (tx) => {
    const call = await approvedExpertCall(tx, userId, callId)
    const apps = await biddable(tx, call, userId)
    if (!apps.some((a) => a.applicationId === applicationId)) throw new DomainError('application_not_found')
    const now = ctx.clock.now()
    const window = await bidWindow(tx, callId, now)
    if (!window.open)
      throw new DomainError('evaluation_phase_closed', 'Bids closed when the individual evaluation started.', {
        phase: 'individual',
      })
    const before = await tx
      .selectFrom('expert_bids')
      .select('bid')
      .where('application_id', '=', applicationId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if ((before?.bid ?? null) === bid) return { applicationId, bid }
    if (bid === null)
      await tx
        .deleteFrom('expert_bids')
        .where('application_id', '=', applicationId)
        .where('user_id', '=', userId)
        .execute()
    else
      await tx
        .insertInto('expert_bids')
        .values({ application_id: applicationId, user_id: userId, call_id: callId, bid, updated_at: now })
        .onConflict((oc) => oc.columns(['application_id', 'user_id']).doUpdateSet({ bid, updated_at: now }))
        .execute()
    await recordAudit(tx, ctx, {
      action: 'evaluation.bid_set',
      subjectType: 'application',
      subjectId: applicationId,
      change: { callId, userId, from: before?.bid ?? null, to: bid },
    })
    return { applicationId, bid }
  })
}
