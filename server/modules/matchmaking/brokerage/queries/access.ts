import type { Selectable } from 'kysely'
import type { BrokerageEvents, BrokerageParticipants } from '../../../../db/types.generated.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'

export type EventRow = Selectable<BrokerageEvents>
export type ParticipantRow = Selectable<BrokerageParticipants>

/**
 * Organisers of an event: operators of its programme and the staff of its cluster (an event without a cluster is
 * the operators'). The matrix says who may manage events at all; which event is this object-level rule.
 */
export function isOrganiser(actor: Actor, e: Pick<EventRow, 'programme_id' | 'cluster_id'>): boolean {
  if (actor.kind === 'system') return true
  if (actor.disabled) return false
  return actor.programmeRoles.some(
    (g) =>
      g.effective &&
      g.programmeId === e.programme_id &&
      (g.role === 'operator' || (g.role === 'cluster_staff' && e.cluster_id !== null && g.clusterId === e.cluster_id)),
  )
}

/** Drafts exist only for their organisers; published and closed events for everyone signed in. */
export async function loadEvent(db: Queryable, actor: Actor, id: string, lock = false): Promise<EventRow> {
  let q = db.selectFrom('brokerage_events').selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  const e = await q.executeTakeFirst()
  if (!e || (e.status === 'draft' && !isOrganiser(actor, e))) throw new DomainError('brokerage_event_not_found')
  return e
}

/** For organisers' commands: the capability, then the event (404 if unseen, 403 if not theirs). */
export async function loadAsOrganiser(db: Queryable, actor: Actor, id: string, lock = true): Promise<EventRow> {
  authorize(actor, 'brokerage.manage')
  const e = await loadEvent(db, actor, id, lock)
  if (!isOrganiser(actor, e))
    throw new DomainError('forbidden', 'Only the organising cluster and operators manage this event.', {
      reason: 'missing_role',
    })
  return e
}

/** The caller's registration in the event, if any. */
export async function myParticipant(
  db: Queryable,
  actor: Actor,
  eventId: string,
  lock = false,
): Promise<ParticipantRow | null> {
  if (!actor.userId) return null
  let q = db
    .selectFrom('brokerage_participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', actor.userId)
  if (lock) q = q.forUpdate()
  return (await q.executeTakeFirst()) ?? null
}

/** The caller's registration, else 409 `brokerage_not_registered` (requests need one). */
export async function requireParticipant(
  db: Queryable,
  actor: Actor,
  eventId: string,
  lock = false,
): Promise<ParticipantRow> {
  const p = await myParticipant(db, actor, eventId, lock)
  if (!p) throw new DomainError('brokerage_not_registered', 'Register for the event first.')
  return p
}

export function iso(d: Date | string): string {
  return new Date(d).toISOString()
}
