import { sql } from 'kysely'
import type { CatalogueSolution } from '../../../../../shared/contracts/catalogue.ts'
import type { SolutionContent } from '../../../../../shared/contracts/solutions.ts'
import type { TrlWindow } from '../../../../../shared/contracts/trl.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { fitsWindow } from '../../domain/trl/index.ts'
import { mediaOf } from '../media-view.ts'
import { solutionNotFound } from '../solution-view.ts'
import { catalogueRows } from './filters.ts'
import { identityRedactor, loadRows, ownerOf, toItems } from './view.ts'

/**
 * One published solution of the catalogue by its reference (SOL-00042), as `actor` may see it: the
 * public page and the members' view. Hidden or missing: 404 `solution_not_found` alike. When the owner
 * is hidden, its names are blanked out of the text, captions and file names too. `fitsWindow` is judged
 * against `window` (the programme's: no call is in context on a solution's page).
 */
export async function getCatalogueSolution(
  db: Queryable,
  actor: Actor,
  reference: string,
  window: TrlWindow,
): Promise<CatalogueSolution> {
  const found = await catalogueRows(db, actor, { text: null })
    .select('s.id')
    .where(sql`upper(s.reference)`, '=', reference.toUpperCase())
    .executeTakeFirst()
  if (!found) throw solutionNotFound()
  const [row] = await loadRows(db, [found.id], null)
  if (!row) throw solutionNotFound()
  const [item] = await toItems(db, actor, [row], window)
  const redact = identityRedactor(actor, row)
  const disclosed = ownerOf(actor, row).disclosed
  const content = row.content as SolutionContent
  const [challenges, media] = await Promise.all([
    row.challenge_ids.length === 0
      ? []
      : db
          .selectFrom('challenges')
          .select(['code', 'slug', 'title', 'trl_min', 'trl_max'])
          .where('id', 'in', row.challenge_ids)
          .where('status', '=', 'published')
          .orderBy(sql`length(code)`)
          .orderBy('code')
          .execute(),
    mediaOf(db, row, disclosed),
  ])
  const { snippet: _snippet, ...card } = item!
  return {
    ...card,
    description: redact(content.description ?? ''),
    problem: redact(content.problem ?? ''),
    targetUsers: content.targetUsers ?? [],
    references: (content.references ?? []).map((r) => ({ ...r, description: redact(r.description) })),
    ipStatus: row.ip_status,
    challenges: challenges.map((c) => ({
      code: c.code,
      slug: c.slug,
      title: c.title,
      trlMin: c.trl_min,
      trlMax: c.trl_max,
      fits: fitsWindow(row.assessed_trl, { min: c.trl_min, max: c.trl_max }),
    })),
    media: media.map((m) => ({ ...m, caption: m.caption === null ? null : redact(m.caption) })),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
