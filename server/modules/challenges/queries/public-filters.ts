import { type SelectQueryBuilder, sql } from 'kysely'
import type { ChallengeListQuery } from '../../../../shared/contracts/challenges.ts'
import type { DB } from '../../../db/types.generated.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { listedCallSql } from '../../calls/index.ts'

/** The search configuration of each row's own language, so French text is stemmed as French. */
const rowConfig = sql`(case c.language when 'fr' then 'french' when 'nl' then 'dutch' else 'english' end)::regconfig`

export function tsQuery(q: string) {
  return sql`websearch_to_tsquery(${rowConfig}, ${q})`
}

type Q = SelectQueryBuilder<DB & { c: DB['challenges']; d: DB['domains'] }, 'c' | 'd', object>

/**
 * Published challenges of the (first) programme matching the filters. Only `published` rows ever pass:
 * every public read starts here. The call filter knows listed calls only (a draft's code matches nothing).
 */
export function publicChallenges(db: Queryable, f: ChallengeListQuery): Q {
  let q = db
    .selectFrom('challenges as c')
    .innerJoin('domains as d', 'd.id', 'c.domain_id')
    .where('c.status', '=', 'published')
    .where('c.programme_id', '=', (eb) =>
      eb.selectFrom('programmes').select('id').orderBy('created_at').limit(1),
    ) as unknown as Q
  if (f.q) q = q.where(sql<boolean>`c.search_vector @@ ${tsQuery(f.q)}`)
  if (f.domain) q = q.where('d.code', '=', f.domain)
  if (f.trlMin !== undefined) q = q.where('c.trl_max', '>=', f.trlMin)
  if (f.trlMax !== undefined) q = q.where('c.trl_min', '<=', f.trlMax)
  if (f.call) {
    const code = f.call
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('challenge_calls as cc')
          .innerJoin('calls as k', 'k.id', 'cc.call_id')
          .select('cc.call_id')
          .whereRef('cc.challenge_id', '=', 'c.id')
          .where('k.code', '=', code)
          .where(listedCallSql('k')),
      ),
    )
  }
  if (f.tag) {
    const tag = f.tag
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('challenge_tags as ct')
          .select('ct.term_id')
          .whereRef('ct.challenge_id', '=', 'c.id')
          .where('ct.term_id', '=', tag),
      ),
    )
  }
  return q
}
