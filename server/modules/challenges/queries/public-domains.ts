import type { PublicDomain } from '../../../../shared/contracts/challenges.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { listedCallSql } from '../../calls/index.ts'
import { publicChallenges } from './public-filters.ts'

/**
 * The domains of the (first) programme as the public catalogue shows them: name, description, and what
 * is published in each (count, calls, TRL span). Counts go through `publicChallenges`, so a draft or an
 * unpublished challenge is never counted; calls are the listed ones (published, not cancelled).
 */
export async function listPublicDomains(db: Queryable): Promise<PublicDomain[]> {
  const domains = await db
    .selectFrom('domains')
    .select(['id', 'code', 'name', 'description'])
    .where('programme_id', '=', (eb) => eb.selectFrom('programmes').select('id').orderBy('created_at').limit(1))
    .orderBy('position')
    .execute()
  if (domains.length === 0) return []
  const base = publicChallenges(db, { page: 1, pageSize: 1 })
  const [stats, calls] = await Promise.all([
    base
      .select((eb) => [
        'c.domain_id',
        eb.fn.countAll<string>().as('n'),
        eb.fn.min('c.trl_min').as('trl_min'),
        eb.fn.max('c.trl_max').as('trl_max'),
      ])
      .groupBy('c.domain_id')
      .execute(),
    base
      .innerJoin('challenge_calls as cc', 'cc.challenge_id', 'c.id')
      .innerJoin('calls as k', 'k.id', 'cc.call_id')
      .where(listedCallSql('k'))
      .select((eb) => ['c.domain_id', 'k.id', 'k.code', 'k.title', 'k.opens_at', eb.fn.countAll<string>().as('n')])
      .groupBy(['c.domain_id', 'k.id', 'k.code', 'k.title', 'k.opens_at'])
      .orderBy('k.opens_at')
      .execute(),
  ])
  const statsOf = new Map(stats.map((s) => [s.domain_id, s]))
  return domains.map((d) => {
    const s = statsOf.get(d.id)
    return {
      id: d.id,
      code: d.code,
      name: d.name as LocalizedText,
      description: d.description as LocalizedText,
      challengeCount: Number(s?.n ?? 0),
      calls: calls
        .filter((k) => k.domain_id === d.id)
        .map((k) => ({ id: k.id, code: k.code, title: k.title as LocalizedText, challengeCount: Number(k.n) })),
      trlMin: s?.trl_min == null ? null : Number(s.trl_min),
      trlMax: s?.trl_max == null ? null : Number(s.trl_max),
    }
  })
}

/** One domain by its code (`D1`, any case); 404 `not_found` when the programme has no such domain. */
export async function getPublicDomain(db: Queryable, code: string): Promise<PublicDomain> {
  const wanted = code.trim().toUpperCase()
  const d = (await listPublicDomains(db)).find((x) => x.code.toUpperCase() === wanted)
  if (!d) throw new DomainError('not_found', 'No such domain.')
  return d
}
