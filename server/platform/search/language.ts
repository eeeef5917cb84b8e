import { francAll } from 'franc-min'
import { type RawBuilder, sql } from 'kysely'

/**
 * The languages whose PostgreSQL text-search configurations we use (stemming and stop words).
 * Text in another language is indexed with `simple` (no stemming), so it is still found word for word.
 */
export const searchLanguages = {
  en: 'english',
  fr: 'french',
  nl: 'dutch',
  de: 'german',
  es: 'spanish',
  it: 'italian',
} as const
export type SearchLanguage = keyof typeof searchLanguages
export const searchLanguageCodes = Object.keys(searchLanguages) as SearchLanguage[]

const iso3: Record<string, SearchLanguage> = {
  eng: 'en',
  fra: 'fr',
  nld: 'nl',
  deu: 'de',
  spa: 'es',
  ita: 'it',
}

/**
 * The language of a text among ours, or null when it is too short or unclear to tell. franc's
 * trigram model, restricted to our six languages; a clear winner is required.
 */
export function detectLanguage(text: string): SearchLanguage | null {
  const clean = text.replace(/https?:\/\/\S+/g, ' ').trim()
  if (clean.length < 24) return null
  const ranked = francAll(clean, { only: Object.keys(iso3), minLength: 10 })
  const [best, second] = ranked
  if (!best || best[0] === 'und') return null
  if (second && best[1] - second[1] < 0.02) return null
  return iso3[best[0]] ?? null
}

/** The regconfig name for a language code ('simple' for languages we do not stem). */
export function textSearchConfig(lang: string | null | undefined): string {
  return (lang && (searchLanguages as Record<string, string>)[lang]) || 'simple'
}

/** to_tsvector in the text's own language; weights: A for names/titles, B for summaries, C for the rest. */
export function weightedVector(lang: string, parts: { a?: string; b?: string; c?: string }): RawBuilder<string> {
  const cfg = textSearchConfig(lang)
  return sql<string>`setweight(to_tsvector(${cfg}::regconfig, ${parts.a ?? ''}), 'A')
    || setweight(to_tsvector(${cfg}::regconfig, ${parts.b ?? ''}), 'B')
    || setweight(to_tsvector(${cfg}::regconfig, ${parts.c ?? ''}), 'C')
    || setweight(to_tsvector('simple', ${parts.a ?? ''}), 'A')`
}

/**
 * A query that matches a document in any of our languages: the words are stemmed in each language
 * and OR-ed, so "caméras thermiques" finds a French text saying "caméra thermique" and an English
 * query still finds English text. When the reader names the query's language, only that one and
 * `simple` are used (sharper ranking).
 */
export function multilingualQuery(q: string, lang?: SearchLanguage | null): RawBuilder<unknown> {
  const configs = lang ? [searchLanguages[lang]] : Object.values(searchLanguages)
  const parts = [...configs, 'simple'].map((c) => sql`websearch_to_tsquery(${c}::regconfig, ${q})`)
  return sql`(${sql.join(parts, sql` || `)})`
}
