import { sql } from 'kysely'
import type { SolutionContent } from '../../../../shared/contracts/solutions.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { detectLanguage, searchLanguages } from '../../../platform/search/language.ts'

/** The text of a solution beyond its name and pitch, for the search vector's C weight. */
export function searchRest(content: SolutionContent, tagNames: string[]): string {
  return [content.description, content.problem, ...content.references.map((r) => r.description), ...tagNames]
    .filter((s) => s.trim() !== '')
    .join('\n')
}

/** The language of a solution's text: declared, else detected from its text, else the fallback. */
export function solutionLanguage(
  declared: string | null,
  text: { name: string; pitch: string; content: SolutionContent },
  fallback = 'en',
): { language: string; declared: boolean } {
  if (declared) return { language: declared, declared: true }
  const sample = [text.name, text.pitch, text.content.description, text.content.problem].join('\n')
  return { language: detectLanguage(sample) ?? fallback, declared: false }
}

/** The text-search configuration of a `solutions.language` value, in SQL (`simple` for other languages). */
const configOf = sql.raw(
  `(case s.language ${Object.entries(searchLanguages)
    .map(([code, cfg]) => `when '${code}' then '${cfg}'`)
    .join(' ')} else 'simple' end)::regconfig`,
)

/**
 * Rebuilds the search vectors of these solutions from their rows and tags, in one statement, in each
 * solution's language: A = name, B = pitch, C = description, problem, references and tag names (the
 * same vector as `weightedVector`). Every write calls it in its transaction; so do the seed and the
 * importer (for thousands of rows at once).
 */
export async function refreshSearchVectors(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const rest = sql`concat_ws(E'\n',
      s.content->>'description',
      s.content->>'problem',
      (select string_agg(r->>'description', E'\n') from jsonb_array_elements(coalesce(s.content->'references', '[]'::jsonb)) r),
      (select string_agg(t.name, E'\n') from solution_tags st join taxonomy_terms t on t.id = st.term_id
        where st.solution_id = s.id))`
  await sql`update solutions s set search_vector =
      setweight(to_tsvector(${configOf}, s.name), 'A')
      || setweight(to_tsvector(${configOf}, s.pitch), 'B')
      || setweight(to_tsvector(${configOf}, ${rest}), 'C')
      || setweight(to_tsvector('simple', s.name), 'A')
    where s.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})`.execute(db)
}

/** Rebuilds one solution's search vector (see refreshSearchVectors). */
export async function refreshSearchVector(db: Queryable, id: string): Promise<void> {
  await refreshSearchVectors(db, [id])
}
