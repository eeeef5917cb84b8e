import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { QueryLanguage, SnippetPart } from '../../../../../shared/contracts/catalogue.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { detectLanguage, type SearchLanguage, searchLanguages } from '../../../../platform/search/language.ts'

/**
 * Full-text search of the catalogue. A solution's `search_vector` is built in its own language (A name,
 * B pitch, C description, problem, references, tag names). A query is matched in every language at once
 * — the words stemmed by each configuration and by `simple`, OR-ed, as platform/search multilingualQuery
 * does: "caméras thermiques" finds "caméra thermique", "detecties" finds "detectie" — or only in the
 * language the reader declared; it is ranked in its own language: declared, else detected.
 *
 * The per-language queries are computed first and their duplicates dropped ("ransomware" stems alike in
 * five languages), so the statement carries one constant tsquery: the planner estimates it right (an
 * OR of seven copies of one word looked seven times as common, and turned an index scan into a full scan).
 * A plain query (no websearch syntax) is taken word by word, each word with the forms the stemmers leave
 * apart (`wordVariants`); a query with "a phrase", -word or `or` is read by websearch_to_tsquery.
 */
export interface TextSearch {
  q: string
  /** Narrows matching to this language (and `simple`), when the reader declared it. */
  declared: SearchLanguage | null
  /** The language the query is ranked in: declared, else detected (null: too short or unclear to tell). */
  language: SearchLanguage | null
  /** The tsquery that selects rows (text form); null when the query holds no word at all. */
  match: string | null
  /** The tsquery rows are ranked with. */
  rank: string | null
}

const allConfigs = [...Object.values(searchLanguages), 'simple'] as const

/**
 * Other forms of a word that the stemmers leave apart: the Dutch plurals in -ies ("detecties" of
 * "detectie"), in -ën ("technologieën") and in 's ("camera's"), and more generally a final -s.
 */
export function wordVariants(word: string): string[] {
  const out = [word]
  const w = word.toLowerCase()
  if (/['’]s$/.test(w)) out.push(word.slice(0, -2))
  else if (w.endsWith('ën') && w.length > 4) out.push(word.slice(0, -2))
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length >= 5) out.push(word.slice(0, -1))
  return out
}

/** The words of a plain query; null when it uses websearch syntax ("a phrase", -word, or). */
function plainWords(q: string): string[] | null {
  if (/["]/.test(q) || /(^|\s)-\S/.test(q) || /(^|\s)or(\s|$)/i.test(q)) return null
  const words = q.split(/\s+/).filter(Boolean)
  return words.length > 0 && words.length <= 12 ? words : null
}

export async function resolveTextSearch(
  db: Queryable,
  q: string | undefined,
  lang: QueryLanguage | undefined,
): Promise<TextSearch | null> {
  const text = q?.trim()
  if (!text) return null
  const declared = lang ?? null
  const language = declared ?? detectLanguage(text)
  const forLanguage = (l: SearchLanguage | null): readonly string[] => (l ? [searchLanguages[l], 'simple'] : allConfigs)
  const words = plainWords(text)
  let perConfig: Map<string, string>
  if (words) {
    // Word by word: each word (or one of its variants) in each configuration, the words AND-ed.
    const variants = words.map(wordVariants)
    const cells = allConfigs.flatMap((c, ci) =>
      variants.flatMap((vs, wi) =>
        vs.map((v, vi) => ({ key: `c${ci}_${wi}_${vi}`, sql: sql`plainto_tsquery(${sql.lit(c)}, ${v})::text` })),
      ),
    )
    const { rows } = await sql<Record<string, string>>`select ${sql.join(
      cells.map((x) => sql`${x.sql} as ${sql.ref(x.key)}`),
    )}`.execute(db)
    const r = rows[0] ?? {}
    perConfig = new Map(
      allConfigs.map((c, ci) => {
        const perWord = variants
          .map((vs, wi) => {
            const alternatives = [...new Set(vs.map((_, vi) => r[`c${ci}_${wi}_${vi}`] ?? '').filter((x) => x !== ''))]
            return alternatives.length === 0 ? '' : `(${alternatives.map((a) => `(${a})`).join(' | ')})`
          })
          .filter((x) => x !== '')
        return [c, perWord.join(' & ')]
      }),
    )
  } else {
    const { rows } = await sql<Record<string, string>>`select ${sql.join(
      allConfigs.map((c) => sql`websearch_to_tsquery(${sql.lit(c)}, ${text})::text as ${sql.ref(c)}`),
    )}`.execute(db)
    perConfig = new Map(allConfigs.map((c) => [c, rows[0]?.[c] ?? '']))
  }
  const combine = (configs: readonly string[]) => {
    const unique = [...new Set(configs.map((c) => perConfig.get(c) ?? '').filter((x) => x !== ''))]
    return unique.length === 0 ? null : unique.map((x) => `(${x})`).join(' | ')
  }
  return { q: text, declared, language, match: combine(forLanguage(declared)), rank: combine(forLanguage(language)) }
}

/**
 * `s.search_vector` matches the query — for a row whose owner the caller may not know (`shown` false),
 * without the lexemes of that owner's identity (`s.owner_lexemes`): a hidden name is never a way in,
 * even when the solution's own text mentions it. `shown` null: the caller knows every owner.
 */
export function matches(t: TextSearch, shown: RawBuilder<boolean> | null): RawBuilder<SqlBool> {
  if (!t.match) return sql<SqlBool>`false`
  const q = sql`${t.match}::tsquery`
  if (!shown) return sql<SqlBool>`s.search_vector @@ ${q}`
  return sql<SqlBool>`(s.search_vector @@ ${q} and (${shown} or ts_delete(s.search_vector, s.owner_lexemes) @@ ${q}))`
}

/** The vector a row is ranked on: without its hidden owner's lexemes (the order never follows a hidden name). */
function rankedVector(shown: RawBuilder<boolean> | null) {
  return shown
    ? sql`(case when ${shown} then s.search_vector else ts_delete(s.search_vector, s.owner_lexemes) end)`
    : sql`s.search_vector`
}

/** The relevance of a row: ts_rank against the query in its language, a little more for text written in it. */
export function relevance(t: TextSearch, shown: RawBuilder<boolean> | null): RawBuilder<number> {
  if (!t.rank) return sql<number>`0`
  const v = rankedVector(shown)
  if (!t.language) return sql<number>`ts_rank(${v}, ${t.rank}::tsquery)`
  return sql<number>`(ts_rank(${v}, ${t.rank}::tsquery) * (case when s.language = ${t.language} then 1.25 else 1 end))`
}

/** The text-search configuration of each row's own language, as SQL. */
export const rowConfig: RawBuilder<string> = sql<string>`(case s.language ${sql.join(
  Object.entries(searchLanguages).map(([code, cfg]) => sql`when ${sql.lit(code)} then ${sql.lit(cfg)}`),
  sql` `,
)} else 'simple' end)::regconfig`

// Marks around the matched words in ts_headline's output: private-use characters, removed from the
// text beforehand, so the snippet is split into plain-text parts and never carries markup.
const START = '\uE000'
const STOP = '\uE001'

/**
 * A short extract of a row's description and problem around the matched words, in the row's language.
 * Computed only for the rows of one page (ts_headline reads the whole text).
 */
export function headline(t: TextSearch): RawBuilder<string> {
  const source = sql`translate(coalesce(s.content->>'description', '') || ' … ' || coalesce(s.content->>'problem', ''), ${`${START}${STOP}`}, '')`
  // The query as matched (every language's lexemes): those of the row's language mark its words.
  const query = t.match ? sql`${t.match}::tsquery` : sql`''::tsquery`
  const options = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`
  return sql<string>`ts_headline(${rowConfig}, ${source}, ${query}, ${options})`
}

/** ts_headline's output as parts; null when no word matched (the pitch says enough). */
export function snippetParts(raw: string | null): SnippetPart[] | null {
  if (!raw?.includes(START)) return null
  const parts: SnippetPart[] = []
  let rest = raw.trim()
  while (rest.length > 0) {
    const s = rest.indexOf(START)
    if (s < 0) {
      parts.push({ text: rest, hit: false })
      break
    }
    if (s > 0) parts.push({ text: rest.slice(0, s), hit: false })
    const e = rest.indexOf(STOP, s + 1)
    const end = e < 0 ? rest.length : e
    parts.push({ text: rest.slice(s + 1, end), hit: true })
    rest = rest.slice(end + 1)
  }
  // Hits separated by spaces only ("caméra" "thermique") read as one.
  const merged: SnippetPart[] = []
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!
    const last = merged[merged.length - 1]
    const bridge = !p.hit && p.text.trim() === '' && last?.hit && parts[i + 1]?.hit
    if (last && (last.hit === p.hit || bridge)) last.text += p.text
    else merged.push({ ...p })
  }
  return merged.filter((p) => p.text !== '')
}
