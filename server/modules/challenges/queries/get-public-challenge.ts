import type { ChallengeContent, PublicChallenge } from '../../../../shared/contracts/challenges.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { linksOf } from './challenge-view.ts'
import { publicChallenges } from './public-filters.ts'

/**
 * One published challenge by its slug (a draft or unpublished one is "not found"). "Asked for by" lists
 * the organisations of linked use cases whose confidentiality is `public` — never anyone else's name.
 */
export async function getPublicChallenge(db: Queryable, slug: string): Promise<PublicChallenge> {
  const r = await publicChallenges(db, { page: 1, pageSize: 1 })
    .selectAll('c')
    .select(['d.code as domain_code', 'd.name as domain_name'])
    .where('c.slug', '=', slug)
    .executeTakeFirst()
  if (!r) throw new DomainError('not_found', 'No such challenge.')
  const [links, askedBy] = await Promise.all([
    linksOf(db, [r.id], { kind: 'public' }),
    db
      .selectFrom('challenge_use_cases as cu')
      .innerJoin('use_cases as u', 'u.id', 'cu.use_case_id')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['o.legal_name as name', 'o.country'])
      .distinct()
      .where('cu.challenge_id', '=', r.id)
      .where('u.confidentiality', '=', 'public')
      .orderBy('o.legal_name')
      .execute(),
  ])
  return {
    id: r.id,
    code: r.code,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    language: r.language as PublicChallenge['language'],
    trlMin: r.trl_min,
    trlMax: r.trl_max,
    domain: { id: r.domain_id, code: r.domain_code, name: r.domain_name as LocalizedText },
    calls: links.calls.get(r.id) ?? [],
    publishedAt: new Date(r.published_at ?? 0).toISOString(),
    content: r.content as ChallengeContent,
    tags: links.tags.get(r.id) ?? [],
    askedBy,
  }
}
