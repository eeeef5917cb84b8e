import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { isBroker } from '../../../organisations/domain/disclosure.ts'

/** A consortium with its call's facts, as every use case needs it. */
export function selectConsortium(db: Queryable) {
  return db
    .selectFrom('consortia as k')
    .innerJoin('calls as c', 'c.id', 'k.call_id')
    .innerJoin('organisations as lo', 'lo.id', 'k.lead_organisation_id')
    .leftJoin('challenges as ch', 'ch.id', 'k.challenge_id')
    .leftJoin('applications as a', 'a.id', 'k.application_id')
    .selectAll('k')
    .select([
      'c.code as call_code',
      'c.title as call_title',
      'c.config as call_config',
      'c.opens_at',
      'c.closes_at',
      'c.published_at',
      'c.cancelled_at',
      'lo.legal_name as lead_name',
      'lo.country as lead_country',
      'lo.type as lead_type',
      'lo.sme_status as lead_sme_status',
      'ch.code as challenge_code',
      'ch.title as challenge_title',
      'a.reference as application_reference',
    ])
}
export type ConsortiumRow = Awaited<ReturnType<ReturnType<typeof selectConsortium>['executeTakeFirstOrThrow']>>

export function selectMembers(db: Queryable) {
  return db
    .selectFrom('consortium_members as m')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .selectAll('m')
    .select(['o.legal_name', 'o.country', 'o.type', 'o.sme_status', 'o.visibility'])
}
export type MemberRow = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>

/** The members of a consortium in invitation order (the lead is the consortium's row, not a member). */
export function loadMembers(db: Queryable, consortiumId: string): Promise<MemberRow[]> {
  return selectMembers(db).where('m.consortium_id', '=', consortiumId).orderBy('m.invited_at').orderBy('m.id').execute()
}

/** How the caller stands to a consortium. */
export interface ConsortiumAccess {
  /** A member of the lead organisation: manages the consortium. */
  lead: boolean
  /** Member rows of the caller's organisations that are invited (they may answer) or accepted. */
  ownMemberIds: string[]
  /** An operator or cluster staff of the programme: reads. */
  broker: boolean
}

export function accessOf(actor: Actor, row: ConsortiumRow, members: readonly MemberRow[]): ConsortiumAccess {
  const lead = actor.kind === 'system' || actor.memberships.has(row.lead_organisation_id)
  const ownMemberIds = members
    .filter(
      (m) =>
        m.organisation_id !== null &&
        actor.memberships.has(m.organisation_id) &&
        (m.status === 'invited' || m.status === 'accepted'),
    )
    .map((m) => m.id)
  return { lead, ownMemberIds, broker: isBroker(actor) }
}

/**
 * One consortium the caller may see (the lead's members, the members of an organisation invited or
 * accepted, the brokers) — anyone else gets 404 `consortium_not_found`, as if it did not exist.
 * `lock` takes the consortium row FOR UPDATE: every write of one consortium is serialised.
 */
export async function findConsortium(
  db: Queryable,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ row: ConsortiumRow; members: MemberRow[]; access: ConsortiumAccess }> {
  // The lock is taken by a statement of its own, and the consortium read by the next one: on
  // PostgreSQL a waiting writer then reads what the writer before it committed (its application
  // included), not the joined rows of the snapshot it started with.
  if (lock) await db.selectFrom('consortia').select('id').where('id', '=', id).forUpdate().execute()
  const row = await selectConsortium(db).where('k.id', '=', id).executeTakeFirst()
  if (!row) throw new DomainError('consortium_not_found')
  const members = await loadMembers(db, id)
  const access = accessOf(actor, row, members)
  if (!access.lead && access.ownMemberIds.length === 0 && !access.broker) throw new DomainError('consortium_not_found')
  return { row, members, access }
}

/** Only the lead's members (403 otherwise). */
export function requireLead(access: ConsortiumAccess): void {
  if (!access.lead)
    throw new DomainError('forbidden', 'Only members of the lead organisation can do this.', {
      reason: 'not_a_member',
    })
}

/** Writes happen while the consortium is forming (409 `consortium_not_forming` once converted or dissolved). */
export function requireForming(row: Pick<ConsortiumRow, 'status'>): void {
  if (row.status !== 'forming')
    throw new DomainError('consortium_not_forming', 'This consortium is no longer forming.', { status: row.status })
}
