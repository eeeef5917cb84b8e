import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type {
  InterestStatus,
  PartneringOrganisation,
  PartneringPost,
} from '../../../../../shared/contracts/partnering.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { can } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { identityVisible } from '../../../organisations/domain/disclosure.ts'
import { identityShown, isExpired, nextStatus } from '../domain/rules.ts'
import { isInsider, isMemberOf, organisationsOf, type PostRow, revealedPosts } from './access.ts'

export function iso(d: Date | string): string {
  return new Date(d).toISOString()
}

/**
 * An organisation as the actor may see it in partner search: named when the disclosure rule allows
 * it (and, for an anonymous post, only for insiders or after an accepted interest); otherwise its
 * country and type alone.
 */
export function shownOrganisation(
  actor: Actor,
  org: { id: string; name: string; country: string; type: string; visibility: string },
  context: { anonymousPost: boolean; revealed: boolean },
): PartneringOrganisation {
  const shown = identityShown({
    insider: isInsider(actor, org.id),
    profileShown: identityVisible(actor, { id: org.id, visibility: org.visibility }),
    anonymousPost: context.anonymousPost,
    revealed: context.revealed,
  })
  return shown
    ? { disclosed: true, id: org.id, name: org.name, country: org.country, type: org.type }
    : { disclosed: false, id: null, name: null, country: org.country, type: org.type }
}

/** The public shape of posts, with their tags, call, challenge, the caller's interest and abilities. */
export async function toPosts(db: Queryable, actor: Actor, rows: PostRow[], now: Date): Promise<PartneringPost[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const callIds = [...new Set(rows.map((r) => r.call_id).filter((x): x is string => x !== null))]
  const challengeIds = [...new Set(rows.map((r) => r.challenge_id).filter((x): x is string => x !== null))]
  const myOrgs = organisationsOf(actor)
  const insiderIds = rows.filter((r) => isInsider(actor, r.organisation_id)).map((r) => r.id)
  const [tags, calls, challenges, counts, mine, revealed] = await Promise.all([
    db
      .selectFrom('partnering_post_tags as pt')
      .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
      .select(['pt.post_id', 't.id', 't.name', 't.taxonomy_id'])
      .where('pt.post_id', 'in', ids)
      .orderBy('t.name')
      .execute(),
    callIds.length === 0
      ? []
      : db
          .selectFrom('calls')
          .select(['id', 'code', 'title'])
          .where('id', 'in', callIds)
          .where('published_at', 'is not', null)
          .execute(),
    challengeIds.length === 0
      ? []
      : db
          .selectFrom('challenges')
          .select(['id', 'code', 'slug', 'title'])
          .where('id', 'in', challengeIds)
          .where('status', '=', 'published')
          .execute(),
    insiderIds.length === 0
      ? []
      : db
          .selectFrom('expressions_of_interest')
          .select(['post_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
          .where('post_id', 'in', insiderIds)
          .groupBy(['post_id', 'status'])
          .execute(),
    myOrgs.length === 0
      ? []
      : db
          .selectFrom('expressions_of_interest')
          .select(['id', 'post_id', 'status', 'created_at'])
          .where('post_id', 'in', ids)
          .where('organisation_id', 'in', myOrgs)
          .orderBy('created_at', 'desc')
          .execute(),
    revealedPosts(db, actor, ids),
  ])
  const callById = new Map(calls.map((c) => [c.id, c]))
  const challengeById = new Map(challenges.map((c) => [c.id, c]))
  return rows.map((r) => {
    const insider = isInsider(actor, r.organisation_id)
    const member = isMemberOf(actor, r.organisation_id)
    const expired = isExpired(new Date(r.expires_at), now)
    const call = r.call_id ? callById.get(r.call_id) : undefined
    const challenge = r.challenge_id ? challengeById.get(r.challenge_id) : undefined
    const latest = mine.find((m) => m.post_id === r.id)
    const pendingMine = mine.some((m) => m.post_id === r.id && m.status === 'pending')
    let interestCounts: Record<InterestStatus, number> | null = null
    if (insider) {
      interestCounts = { pending: 0, accepted: 0, declined: 0, withdrawn: 0 }
      for (const c of counts) if (c.post_id === r.id) interestCounts[c.status as InterestStatus] = Number(c.n)
    }
    const manage = can(actor, 'partnering.manage')
    const express = can(actor, 'partnering.interest')
    const editable = member && manage.allowed && r.status !== 'closed'
    const otherOrg = myOrgs.some((o) => o !== r.organisation_id)
    return {
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      title: r.title,
      description: r.description,
      expertiseOffered: r.expertise_offered,
      expertiseSought: r.expertise_sought,
      tags: tags.filter((t) => t.post_id === r.id).map((t) => ({ id: t.id, name: t.name, taxonomyId: t.taxonomy_id })),
      countriesWanted: r.countries_wanted,
      call: call ? { id: call.id, code: call.code, title: call.title as LocalizedText } : null,
      challenge: challenge
        ? { id: challenge.id, code: challenge.code, slug: challenge.slug, title: challenge.title }
        : null,
      anonymous: r.anonymous,
      expiresAt: iso(r.expires_at),
      expired,
      publishedAt: r.published_at ? iso(r.published_at) : null,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      organisation: shownOrganisation(
        actor,
        {
          id: r.organisation_id,
          name: r.org_name,
          country: r.org_country,
          type: r.org_type,
          visibility: r.org_visibility,
        },
        { anonymousPost: r.anonymous, revealed: revealed.has(r.id) },
      ),
      mine: member && actor.kind !== 'system',
      interestCounts,
      myInterest: latest ? { id: latest.id, status: latest.status as InterestStatus } : null,
      abilities: {
        update: editable ? { allowed: true } : { allowed: false, reason: member ? 'wrong_status' : 'not_a_member' },
        publish:
          member && manage.allowed && nextStatus(r.status, 'publish') && !expired
            ? { allowed: true }
            : { allowed: false, reason: member ? 'wrong_status' : 'not_a_member' },
        close:
          member && manage.allowed && nextStatus(r.status, 'close')
            ? { allowed: true }
            : { allowed: false, reason: member ? 'wrong_status' : 'not_a_member' },
        expressInterest: !express.allowed
          ? express
          : !otherOrg
            ? { allowed: false, reason: myOrgs.length === 0 ? 'not_a_member' : 'own_organisation' }
            : r.status !== 'published' || expired || pendingMine
              ? { allowed: false, reason: 'wrong_status' }
              : { allowed: true },
      },
    }
  })
}
