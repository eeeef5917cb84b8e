import type { Selectable } from 'kysely'
import type { Capability } from '../../../../../shared/authz.ts'
import { type CallConfig, callConfig } from '../../../../../shared/contracts/calls.ts'
import type { Calls } from '../../../../db/types.generated.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'

export type CallRow = Selectable<Calls>

/**
 * Holds `role` in the call's programme (operators: any role listed). The capability matrix says what a
 * role may do; which programme is an object-level rule, checked here.
 */
export function isProgrammeStaff(
  actor: Actor,
  programmeId: string,
  roles: readonly ('operator' | 'cluster_staff')[],
): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled) return false
  return actor.programmeRoles.some(
    (g) => g.effective && g.programmeId === programmeId && roles.includes(g.role as never),
  )
}

const staffRoles = {
  'call.dashboard': ['operator', 'cluster_staff'],
  'call.screen': ['operator'],
} as const satisfies Partial<Record<Capability, readonly ('operator' | 'cluster_staff')[]>>

/**
 * A call for its programme's staff: the capability first, then the call (404 when it does not exist, or
 * is a draft and the caller is not one of the programme's operators), then the programme (403 for staff
 * of another programme). `lock` takes the row (screening runs once).
 */
export async function loadCallAsStaff(
  db: Queryable,
  actor: Actor,
  callId: string,
  capability: keyof typeof staffRoles,
  lock = false,
): Promise<CallRow> {
  authorize(actor, capability)
  let q = db.selectFrom('calls').selectAll().where('id', '=', callId)
  if (lock) q = q.forUpdate()
  const call = await q.executeTakeFirst()
  // A draft exists only for its programme's operators (the calls module's rule): 404 to cluster staff.
  if (!call || (call.published_at === null && !isProgrammeStaff(actor, call.programme_id, ['operator'])))
    throw new DomainError('call_not_found')
  if (!isProgrammeStaff(actor, call.programme_id, staffRoles[capability])) {
    throw new DomainError('forbidden', 'Only the staff of this call’s programme may do this.', {
      reason: 'missing_role',
    })
  }
  return call
}

/** The call's configuration, read with its contract (defaults filled in). */
export function configOf(call: Pick<CallRow, 'config'>): CallConfig | null {
  const parsed = callConfig.safeParse(call.config)
  return parsed.success ? parsed.data : null
}

export function budgetTotalOf(call: Pick<CallRow, 'config'>): number {
  const budget = (call.config as { budget?: { totalCents?: unknown } } | null)?.budget
  return typeof budget?.totalCents === 'number' ? budget.totalCents : 0
}
