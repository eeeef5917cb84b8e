import type { Selectable } from 'kysely'
import type { Workshops } from '../../../db/types.generated.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'

export type WorkshopRow = Selectable<Workshops>

/**
 * Organisers of a workshop: operators of its programme and the staff of its cluster. The matrix can
 * only say "cluster staff may manage workshops"; which cluster is an object-level rule, checked here
 * (like use cases) rather than with a route subject, so the route gate stays role + scope only.
 */
export function isOrganiser(actor: Actor, w: Pick<WorkshopRow, 'programme_id' | 'cluster_id'>): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled) return false
  return actor.programmeRoles.some(
    (g) =>
      g.effective &&
      g.programmeId === w.programme_id &&
      (g.role === 'operator' || (g.role === 'cluster_staff' && g.clusterId === w.cluster_id)),
  )
}

/** Drafts exist only for their organisers; everything else is seen by every signed-in person. */
export function canSee(actor: Actor, w: WorkshopRow): boolean {
  return w.status !== 'draft' || isOrganiser(actor, w)
}

/** Loads a workshop the actor may see (optionally locking it); 404 otherwise. */
export async function loadWorkshop(db: Queryable, actor: Actor, id: string, lock = false): Promise<WorkshopRow> {
  let q = db.selectFrom('workshops').selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  const w = await q.executeTakeFirst()
  if (!w || !canSee(actor, w)) throw new DomainError('workshop_not_found')
  return w
}

/** For organisers' commands: the capability, then the workshop itself (404 if unseen, 403 if not theirs). */
export async function loadAsOrganiser(db: Queryable, actor: Actor, id: string, lock = true): Promise<WorkshopRow> {
  authorize(actor, 'workshop.manage')
  const w = await loadWorkshop(db, actor, id, lock)
  if (!isOrganiser(actor, w)) {
    throw new DomainError('forbidden', 'Only the organising cluster and operators manage this workshop.', {
      reason: 'missing_role',
    })
  }
  return w
}

export function iso(d: Date | string): string {
  return new Date(d).toISOString()
}
