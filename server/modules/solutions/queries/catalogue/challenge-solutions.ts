import { sql } from 'kysely'
import type { ChallengeSolution } from '../../../../../shared/contracts/catalogue.ts'
import type { SolutionType } from '../../../../../shared/contracts/solutions.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { fitsWindow } from '../../domain/trl/index.ts'
import { catalogueRows } from './filters.ts'
import { identityRedactor, loadRows, ownerOf } from './view.ts'

/**
 * "Solutions for this challenge": the published solutions `actor` may see that address the challenge
 * (solution_challenges), those whose effective TRL lies in the challenge's range first, then the nearest
 * to it, unassessed last; among equals the most relevant — the most taxonomy tags shared with the
 * challenge — then by name. Owners as the disclosure rule shows them.
 */
export async function solutionsForChallenge(
  db: Queryable,
  actor: Actor,
  challenge: { id: string; trlMin: number; trlMax: number },
  limit = 12,
): Promise<{ items: ChallengeSolution[]; total: number }> {
  const r = { text: null, challengeId: challenge.id }
  const distance = sql<number>`case
    when s.assessed_trl is null then 100
    when s.assessed_trl < ${challenge.trlMin} then ${challenge.trlMin} - s.assessed_trl
    when s.assessed_trl > ${challenge.trlMax} then s.assessed_trl - ${challenge.trlMax}
    else 0 end`
  const shared = sql<number>`cardinality(array(
    select unnest(s.tag_ids) intersect select ct.term_id from challenge_tags ct where ct.challenge_id = ${challenge.id}))`
  const [ids, count] = await Promise.all([
    catalogueRows(db, actor, r)
      .select('s.id')
      .orderBy(distance)
      .orderBy(shared, 'desc')
      .orderBy(sql`lower(s.name)`)
      .orderBy('s.id')
      .limit(limit)
      .execute(),
    catalogueRows(db, actor, r)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  const rows = await loadRows(
    db,
    ids.map((x) => x.id),
    null,
  )
  const items = rows.map((row) => {
    const redact = identityRedactor(actor, row)
    return {
      reference: row.reference,
      name: redact(row.name),
      pitch: redact(row.pitch),
      language: row.language,
      type: row.type as SolutionType,
      trl: row.assessed_trl,
      fits: fitsWindow(row.assessed_trl, { min: challenge.trlMin, max: challenge.trlMax }),
      owner: ownerOf(actor, row),
    }
  })
  return { items, total: Number(count.n) }
}
