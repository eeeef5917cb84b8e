import type { PartneringKind, PartneringStatus } from '../../../../../shared/contracts/partnering.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { isBroker } from '../../../organisations/domain/disclosure.ts'

/** The organisations the actor acts for (none for the system or a visitor). */
export function organisationsOf(actor: Actor): string[] {
  return [...actor.memberships.keys()]
}

export function isMemberOf(actor: Actor, organisationId: string): boolean {
  return actor.kind === 'system' || actor.memberships.has(organisationId)
}

/** Its members and the programme's brokers (operators, cluster staff) know who is behind a post. */
export function isInsider(actor: Actor, organisationId: string): boolean {
  return isMemberOf(actor, organisationId) || isBroker(actor)
}

/** A member of `organisationId` acting for it, else 403 (the command names the organisation). */
export function requireMember(actor: Actor, organisationId: string, message: string): void {
  if (!isMemberOf(actor, organisationId)) throw new DomainError('forbidden', message, { reason: 'not_a_member' })
}

export interface PostRow {
  id: string
  programme_id: string
  organisation_id: string
  author_id: string | null
  reference: string
  kind: PartneringKind
  status: PartneringStatus
  title: string
  description: string
  expertise_offered: string
  expertise_sought: string
  countries_wanted: string[]
  call_id: string | null
  challenge_id: string | null
  anonymous: boolean
  expires_at: Date
  published_at: Date | null
  created_at: Date
  updated_at: Date
  org_name: string
  org_country: string
  org_type: string
  org_visibility: string
}

/** Posts with their organisation's facts, as `p` and `o`; callers add conditions, order and paging. */
export function selectPosts(db: Queryable) {
  return db
    .selectFrom('partnering_posts as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.programme_id',
      'p.organisation_id',
      'p.author_id',
      'p.reference',
      'p.kind',
      'p.status',
      'p.title',
      'p.description',
      'p.expertise_offered',
      'p.expertise_sought',
      'p.countries_wanted',
      'p.call_id',
      'p.challenge_id',
      'p.anonymous',
      'p.expires_at',
      'p.published_at',
      'p.created_at',
      'p.updated_at',
      'o.legal_name as org_name',
      'o.country as org_country',
      'o.type as org_type',
      'o.visibility as org_visibility',
    ])
}

export function asPostRow(r: Record<string, unknown>): PostRow {
  return r as unknown as PostRow
}

/**
 * A post the actor may see: a draft exists only for its organisation's members; everything else for
 * everyone signed in (the marketplace lists only published, unexpired posts; a closed or expired one
 * keeps its page for the people who followed a link). Otherwise 404 `partnering_post_not_found`.
 */
export async function findPost(db: Queryable, actor: Actor, postId: string, forUpdate = false): Promise<PostRow> {
  let q = selectPosts(db).where('p.id', '=', postId)
  if (forUpdate) q = q.forUpdate('p')
  const row = await q.executeTakeFirst()
  if (!row || (row.status === 'draft' && !isMemberOf(actor, row.organisation_id))) {
    throw new DomainError('partnering_post_not_found')
  }
  return asPostRow(row)
}

/** Of these posts, those with an accepted interest from one of the actor's organisations. */
export async function revealedPosts(db: Queryable, actor: Actor, postIds: readonly string[]): Promise<Set<string>> {
  const orgs = organisationsOf(actor)
  if (orgs.length === 0 || postIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('expressions_of_interest')
    .select('post_id')
    .where('post_id', 'in', postIds)
    .where('organisation_id', 'in', orgs)
    .where('status', '=', 'accepted')
    .execute()
  return new Set(rows.map((r) => r.post_id))
}
