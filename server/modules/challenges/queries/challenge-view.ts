import type { Challenge, ChallengeContent } from '../../../../shared/contracts/challenges.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { canSeeCall, isListedCall } from '../../calls/index.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

/** Which linked calls a reader is shown: the listed ones (public), or those an actor may see (managed views). */
export type CallReader = { kind: 'public' } | { kind: 'actor'; actor: Actor }

const showsCall = (reader: CallReader, c: CallLinkRow) =>
  reader.kind === 'public' ? isListedCall(c) : canSeeCall(reader.actor, c)

type CallLinkRow = { published_at: Date | null; cancelled_at: Date | null; programme_id: string }

/**
 * The calls, tags and use cases of some challenges, keyed by challenge id. Calls: the public reader gets
 * the listed ones only (published, not cancelled); a managing actor the calls it may see (drafts only
 * for the programme's operators).
 */
export async function linksOf(db: Queryable, ids: readonly string[], reader: CallReader) {
  if (ids.length === 0) return { calls: new Map(), tags: new Map(), useCases: new Map() } as const
  const [calls, tags, useCases] = await Promise.all([
    db
      .selectFrom('challenge_calls as cc')
      .innerJoin('calls as c', 'c.id', 'cc.call_id')
      .select(['cc.challenge_id', 'c.id', 'c.code', 'c.title', 'c.published_at', 'c.cancelled_at', 'c.programme_id'])
      .where('cc.challenge_id', 'in', [...ids])
      .orderBy('c.opens_at')
      .execute(),
    db
      .selectFrom('challenge_tags as ct')
      .innerJoin('taxonomy_terms as t', 't.id', 'ct.term_id')
      .select(['ct.challenge_id', 't.id', 't.taxonomy_id', 't.code', 't.name'])
      .where('ct.challenge_id', 'in', [...ids])
      .orderBy('t.name')
      .execute(),
    db
      .selectFrom('challenge_use_cases')
      .select(['challenge_id', 'use_case_id'])
      .where('challenge_id', 'in', [...ids])
      .orderBy('linked_at')
      .execute(),
  ])
  const group = <R extends { challenge_id: string }, T>(rows: R[], map: (r: R) => T) => {
    const out = new Map<string, T[]>()
    for (const r of rows) out.set(r.challenge_id, [...(out.get(r.challenge_id) ?? []), map(r)])
    return out
  }
  return {
    calls: group(
      calls.filter((c) => showsCall(reader, c)),
      (c) => ({ id: c.id, code: c.code, title: c.title as LocalizedText }),
    ),
    tags: group(tags, (t) => ({ id: t.id, taxonomy: t.taxonomy_id, code: t.code, name: t.name })),
    useCases: group(useCases, (u) => u.use_case_id),
  }
}

/** One challenge as its managers see it (the linked calls `actor` may see). */
export async function readChallenge(db: Queryable, id: string, actor: Actor): Promise<Challenge> {
  const c = await db
    .selectFrom('challenges as c')
    .innerJoin('domains as d', 'd.id', 'c.domain_id')
    .selectAll('c')
    .select(['d.code as domain_code', 'd.name as domain_name'])
    .where('c.id', '=', id)
    .executeTakeFirst()
  if (!c) throw new DomainError('not_found', 'No such challenge.')
  const links = await linksOf(db, [id], { kind: 'actor', actor })
  return {
    id: c.id,
    code: c.code,
    slug: c.slug,
    status: c.status as Challenge['status'],
    version: c.version,
    language: c.language as Challenge['language'],
    title: c.title,
    summary: c.summary,
    content: c.content as ChallengeContent,
    trlMin: c.trl_min,
    trlMax: c.trl_max,
    demo: c.demo,
    domain: { id: c.domain_id, code: c.domain_code, name: c.domain_name as LocalizedText },
    calls: links.calls.get(id) ?? [],
    tags: links.tags.get(id) ?? [],
    useCaseIds: links.useCases.get(id) ?? [],
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
    publishedAt: c.published_at ? iso(c.published_at) : null,
  }
}
