import type { z } from 'zod'
import { instantToLocal } from '../../../../shared/calls/time.ts'
import type { Call, callPatch } from '../../../../shared/contracts/calls.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError, type FieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isFrozen, phaseOf } from '../domain/phase.ts'
import { storedConfig, toCall } from '../queries/call-view.ts'
import { challengeIdsOf, checkChallenges, checkCode, instantsOrThrow, replaceChallenges } from './checks.ts'
import { freezeCall, scheduleCallJobs, writeVersion } from './freeze.ts'
import { iso, loadForManage } from './guard.ts'

export type CallUpdate = z.output<typeof callPatch>

function refuse(errors: FieldError[]): never {
  throw new DomainError('validation_failed', errors[0]!.message, {}, errors)
}

/**
 * Changes a call. Before it opens, in place (the configuration's version goes up; a stale
 * `expectedVersion` is 409 `call_revision_conflict`). Once it has opened, its configuration is frozen: a
 * change needs a `changeLog` (400 `call_change_log_required`) and is published as a new version; the
 * opening cannot move any more, the deadline only to a moment still to come. A closed or cancelled call
 * does not change.
 */
export async function updateCall(ctx: CommandContext, id: string, input: CallUpdate): Promise<Call> {
  authorize(ctx.actor, 'call.manage')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    let c = await loadForManage(tx, ctx.actor, id)
    const phase = phaseOf(c, now)
    if (phase === 'closed' || phase === 'cancelled') {
      throw new DomainError('call_transition_refused', `A ${phase} call does not change any more.`, { phase })
    }
    if (input.expectedVersion !== c.config_version) {
      throw new DomainError('call_revision_conflict', 'The call has changed since you loaded it.', {
        currentVersion: c.config_version,
      })
    }
    const frozen = isFrozen(c, now)
    if (frozen && !input.changeLog?.en.trim()) {
      throw new DomainError('call_change_log_required', 'The call is open: say what changes and why.', {}, [
        { path: 'changeLog', code: 'required', message: 'Required once the call is open.' },
      ])
    }
    const timeZone = input.timeZone ?? c.time_zone
    const config = input.config ?? storedConfig(c.config)
    const instants = instantsOrThrow({
      opensAtLocal: input.opensAtLocal ?? instantToLocal(new Date(c.opens_at), c.time_zone),
      deadlineLocal: input.deadlineLocal ?? instantToLocal(new Date(c.closes_at), c.time_zone),
      timeZone,
      qaClosesAtLocal: config.timeline.qaClosesAt,
    })
    const opensMoved = instants.opensAt.getTime() !== new Date(c.opens_at).getTime()
    const closesMoved = instants.closesAt.getTime() !== new Date(c.closes_at).getTime()
    if (frozen && opensMoved) {
      refuse([{ path: 'opensAtLocal', code: 'already_open', message: 'The call has opened: its opening stays.' }])
    }
    if (frozen && closesMoved && instants.closesAt.getTime() <= now.getTime()) {
      refuse([{ path: 'deadlineLocal', code: 'in_the_past', message: 'The new deadline must still be to come.' }])
    }
    if (input.code !== undefined && input.code !== c.code) {
      if (c.published_at !== null) {
        refuse([{ path: 'code', code: 'code_frozen', message: 'A published call keeps its code (its address).' }])
      }
      await checkCode(tx, c.programme_id, input.code, c.id)
    }
    const current = await challengeIdsOf(tx, c.id)
    const challengeIds = input.challengeIds
      ? await checkChallenges(tx, c.programme_id, input.challengeIds, current)
      : undefined
    // An open call whose opening job has not run yet is frozen first: version 1 is what it opened with.
    if (frozen) c = await freezeCall(tx, c, now, null)
    const after = await tx
      .updateTable('calls')
      .set({
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.title !== undefined ? { title: JSON.stringify(input.title) } : {}),
        ...(input.summary !== undefined ? { summary: JSON.stringify(input.summary) } : {}),
        time_zone: timeZone,
        opens_at: instants.opensAt,
        closes_at: instants.closesAt,
        config: JSON.stringify(config),
        config_version: c.config_version + 1,
        updated_at: now,
      })
      .where('id', '=', c.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (challengeIds) await replaceChallenges(tx, c.id, challengeIds)
    const version = frozen ? await writeVersion(tx, after, input.changeLog ?? null, ctx.actor.userId, now) : null
    if (after.published_at !== null && (opensMoved || closesMoved)) await scheduleCallJobs(tx, after)
    const { expectedVersion: _expected, ...changed } = input
    await recordAudit(tx, ctx, {
      action: 'call.updated',
      subjectType: 'call',
      subjectId: c.id,
      change: {
        ...changed,
        configVersion: after.config_version,
        ...(version === null ? {} : { version }),
        ...(opensMoved ? { opensAt: { from: iso(c.opens_at), to: iso(after.opens_at) } } : {}),
        ...(closesMoved ? { closesAt: { from: iso(c.closes_at), to: iso(after.closes_at) } } : {}),
        ...(challengeIds ? { challengeIds: { from: current, to: challengeIds } } : {}),
      },
    })
    return toCall(tx, ctx.actor, after, now)
  })
}
