import type {
  Interest,
  InterestStatus,
  PartneringContact,
  PartneringKind,
} from '../../../../../shared/contracts/partnering.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { can } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { isBroker } from '../../../organisations/domain/disclosure.ts'
import { isMemberOf, revealedPosts } from './access.ts'
import { iso, shownOrganisation } from './post-view.ts'

export interface InterestRow {
  id: string
  post_id: string
  organisation_id: string
  author_id: string | null
  message: string
  status: InterestStatus
  decision_message: string | null
  decided_at: Date | null
  decided_by: string | null
  created_at: Date
  post_reference: string
  post_title: string
  post_kind: PartneringKind
  post_anonymous: boolean
  post_org_id: string
  post_author_id: string | null
  post_org_name: string
  post_org_country: string
  post_org_type: string
  post_org_visibility: string
  from_name: string
  from_country: string
  from_type: string
  from_visibility: string
}

/** Interests with their post and both organisations, as `i`, `p`, `po` (post's) and `fo` (interested). */
export function selectInterests(db: Queryable) {
  return db
    .selectFrom('expressions_of_interest as i')
    .innerJoin('partnering_posts as p', 'p.id', 'i.post_id')
    .innerJoin('organisations as po', 'po.id', 'p.organisation_id')
    .innerJoin('organisations as fo', 'fo.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.post_id',
      'i.organisation_id',
      'i.author_id',
      'i.message',
      'i.status',
      'i.decision_message',
      'i.decided_at',
      'i.decided_by',
      'i.created_at',
      'p.reference as post_reference',
      'p.title as post_title',
      'p.kind as post_kind',
      'p.anonymous as post_anonymous',
      'p.organisation_id as post_org_id',
      'p.author_id as post_author_id',
      'po.legal_name as post_org_name',
      'po.country as post_org_country',
      'po.type as post_org_type',
      'po.visibility as post_org_visibility',
      'fo.legal_name as from_name',
      'fo.country as from_country',
      'fo.type as from_type',
      'fo.visibility as from_visibility',
    ])
}

/** The parties of an interest: the post's organisation and the interested one. */
export function interestSide(actor: Actor, r: { post_org_id: string; organisation_id: string }) {
  return { post: isMemberOf(actor, r.post_org_id), interested: isMemberOf(actor, r.organisation_id) }
}

/** An interest the actor may see (either party or a broker), else 404. */
export async function findInterest(
  db: Queryable,
  actor: Actor,
  interestId: string,
  forUpdate = false,
): Promise<InterestRow> {
  let q = selectInterests(db).where('i.id', '=', interestId)
  if (forUpdate) q = q.forUpdate('i')
  const row = (await q.executeTakeFirst()) as InterestRow | undefined
  if (!row) throw new DomainError('interest_not_found')
  const side = interestSide(actor, row)
  if (!side.post && !side.interested && !isBroker(actor)) throw new DomainError('interest_not_found')
  return row
}

/** The shape of interests for `actor`: identities by the disclosure rule, contacts once accepted. */
export async function toInterests(db: Queryable, actor: Actor, rows: InterestRow[]): Promise<Interest[]> {
  if (rows.length === 0) return []
  const accepted = rows.filter((r) => r.status === 'accepted')
  const userIds = [
    ...new Set(
      accepted.flatMap((r) => [r.author_id, r.decided_by ?? r.post_author_id]).filter((x): x is string => !!x),
    ),
  ]
  const [users, threads, revealed] = await Promise.all([
    userIds.length === 0
      ? []
      : db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute(),
    accepted.length === 0
      ? []
      : db
          .selectFrom('message_threads')
          .select(['id', 'interest_id'])
          .where(
            'interest_id',
            'in',
            accepted.map((r) => r.id),
          )
          .execute(),
    revealedPosts(
      db,
      actor,
      rows.map((r) => r.post_id),
    ),
  ])
  const userById = new Map(users.map((u) => [u.id, u]))
  const decide = can(actor, 'partnering.interest')
  const contact = (orgId: string, name: string, country: string, userId: string | null): PartneringContact => {
    const u = userId ? userById.get(userId) : undefined
    return {
      organisationId: orgId,
      organisationName: name,
      country,
      contactName: u?.name ?? null,
      contactEmail: u?.email ?? null,
    }
  }
  return rows.map((r) => {
    const side = interestSide(actor, r)
    const isAccepted = r.status === 'accepted'
    const party = side.post || side.interested
    const pending = r.status === 'pending'
    const refuse = (reason: 'wrong_status' | 'not_a_member') => ({ allowed: false, reason })
    return {
      id: r.id,
      status: r.status,
      message: r.message,
      decisionMessage: r.decision_message,
      createdAt: iso(r.created_at),
      decidedAt: r.decided_at ? iso(r.decided_at) : null,
      post: {
        id: r.post_id,
        reference: r.post_reference,
        title: r.post_title,
        kind: r.post_kind,
        organisation: shownOrganisation(
          actor,
          {
            id: r.post_org_id,
            name: r.post_org_name,
            country: r.post_org_country,
            type: r.post_org_type,
            visibility: r.post_org_visibility,
          },
          { anonymousPost: r.post_anonymous, revealed: revealed.has(r.post_id) },
        ),
      },
      from: shownOrganisation(
        actor,
        {
          id: r.organisation_id,
          name: r.from_name,
          country: r.from_country,
          type: r.from_type,
          visibility: r.from_visibility,
        },
        { anonymousPost: false, revealed: isAccepted && side.post },
      ),
      contacts:
        isAccepted && (party || isBroker(actor))
          ? {
              post: contact(r.post_org_id, r.post_org_name, r.post_org_country, r.decided_by ?? r.post_author_id),
              interested: contact(r.organisation_id, r.from_name, r.from_country, r.author_id),
            }
          : null,
      threadId: party ? (threads.find((t) => t.interest_id === r.id)?.id ?? null) : null,
      abilities: {
        accept: !decide.allowed
          ? decide
          : !side.post
            ? refuse('not_a_member')
            : pending
              ? { allowed: true }
              : refuse('wrong_status'),
        decline: !decide.allowed
          ? decide
          : !side.post
            ? refuse('not_a_member')
            : pending
              ? { allowed: true }
              : refuse('wrong_status'),
        withdraw: !decide.allowed
          ? decide
          : !side.interested
            ? refuse('not_a_member')
            : pending
              ? { allowed: true }
              : refuse('wrong_status'),
      },
    }
  })
}
