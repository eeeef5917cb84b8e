/**
 * Text analysis for the matching engine: tokenise, drop stop words, stem (Snowball), fold diacritics.
 *
 * A term is the diacritic-folded Snowball stem of a word in the text's language, without a language
 * prefix: "détection" (fr) and "detection" (en) both become "detect", so texts in different languages
 * still meet on shared stems. Each term remembers the word it came from, for explanations.
 */
import snowball, { type Stemmer } from 'snowball-stemmers'
import stopwordLists from 'stopword'
import { detectLanguage } from '../../../platform/search/language.ts'

/** Languages the engine stems (Snowball) and/or filters (stop words), by ISO 639-1 code. */
const languages = {
  en: { snowball: 'english', stop: 'eng' },
  fr: { snowball: 'french', stop: 'fra' },
  nl: { snowball: 'dutch', stop: 'nld' },
  de: { snowball: 'german', stop: 'deu' },
  es: { snowball: 'spanish', stop: 'spa' },
  it: { snowball: 'italian', stop: 'ita' },
  pt: { snowball: 'portuguese', stop: 'por' },
  da: { snowball: 'danish', stop: 'dan' },
  sv: { snowball: 'swedish', stop: 'swe' },
  nb: { snowball: 'norwegian', stop: 'nob' },
  fi: { snowball: 'finnish', stop: 'fin' },
  ro: { snowball: 'romanian', stop: 'ron' },
  hu: { snowball: 'hungarian', stop: 'hun' },
  cs: { snowball: 'czech', stop: 'ces' },
  sl: { snowball: 'slovene', stop: 'slv' },
  ca: { snowball: 'catalan', stop: 'cat' },
  ga: { snowball: 'irish', stop: 'gle' },
  // No Snowball stemmer: stop words only, words kept whole.
  pl: { snowball: null, stop: 'pol' },
  sk: { snowball: null, stop: 'slk' },
  hr: { snowball: null, stop: 'hrv' },
  et: { snowball: null, stop: 'est' },
  lv: { snowball: null, stop: 'lav' },
  el: { snowball: null, stop: 'ell' },
  bg: { snowball: null, stop: 'bul' },
  lt: { snowball: null, stop: 'lit' },
} as const satisfies Record<string, { snowball: string | null; stop: string }>

export type EngineLanguage = keyof typeof languages
export const engineLanguages = Object.keys(languages) as EngineLanguage[]
/** Languages with a stemmer. */
export const stemmedLanguages = engineLanguages.filter((l) => languages[l].snowball !== null)

export function isEngineLanguage(code: unknown): code is EngineLanguage {
  return typeof code === 'string' && Object.hasOwn(languages, code)
}

/** Texts shorter than this are not given to language detection: on a title it guesses wrong too often. */
export const DETECTION_MIN_LENGTH = 100

/**
 * The language of a text among en, fr, nl, de, es and it (franc, on its first 200 characters), or
 * null when the text is short or its language unclear.
 */
export function detectTextLanguage(text: string): EngineLanguage | null {
  const t = text.trim()
  if (t.length < DETECTION_MIN_LENGTH) return null
  return detectLanguage(t.length > 200 ? t.slice(0, 200) : t)
}

export interface AnalyzeOptions {
  /** Stem words (default true). Off for the "BM25 without stemming" baseline. */
  stem?: boolean
  /** Drop the language's stop words (default true). */
  stopWords?: boolean
}

/** One term of an analysed text and the word it came from (lower case, as written). */
export interface Token {
  term: string
  word: string
}

const WORD = /[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*/gu
const SPLIT = /['’‐-]/u
const HAS_LETTER = /\p{L}/u
const MARKS = /\p{M}+/gu

/** Lower case without diacritics: "Sécurité" → "securite", "Straße" → "strasse". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss')
}

/**
 * The words of a text, lower-cased: letters and digits; a hyphenated or elided word gives its parts
 * and, for hyphens, the joined form too ("cyber-security" → cyber, security, cybersecurity;
 * "l'infrastructure" → l, infrastructure). Words of one character and numbers shorter than 3 digits are dropped.
 */
export function words(text: string): string[] {
  const out: string[] = []
  for (const m of text.normalize('NFC').toLowerCase().matchAll(WORD)) {
    const w = m[0]
    if (!SPLIT.test(w)) {
      if (keepWord(w)) out.push(w)
      continue
    }
    const parts = w.split(SPLIT)
    for (const p of parts) if (keepWord(p)) out.push(p)
    if (/[‐-]/u.test(w)) {
      const joined = w.replace(/['’]/gu, '').split(/[‐-]/u).join('')
      if (keepWord(joined)) out.push(joined)
    }
  }
  return out
}

function keepWord(w: string): boolean {
  if (w.length < 2) return false
  return HAS_LETTER.test(w) || w.length >= 3
}

/**
 * Stems and stop words per language, with a cache of stems (a corpus repeats its words).
 * One analyser serves a whole index; it holds no document state.
 */
export class Analyzer {
  readonly stem: boolean
  readonly stopWords: boolean
  readonly #stemmers = new Map<EngineLanguage, Stemmer | null>()
  readonly #stops = new Map<EngineLanguage, Set<string>>()
  readonly #cache = new Map<EngineLanguage, Map<string, string>>()

  constructor(options: AnalyzeOptions = {}) {
    this.stem = options.stem ?? true
    this.stopWords = options.stopWords ?? true
  }

  /** The terms of a text in a language, in order, with the words they came from. */
  analyze(text: string, lang: EngineLanguage): Token[] {
    const out: Token[] = []
    for (const w of words(text)) {
      const term = this.term(w, lang)
      if (term !== null) out.push({ term, word: w })
    }
    return out
  }

  /** The term of one lower-cased word, or null for a stop word. */
  term(word: string, lang: EngineLanguage): string | null {
    let cache = this.#cache.get(lang)
    if (!cache) {
      cache = new Map()
      this.#cache.set(lang, cache)
    }
    const hit = cache.get(word)
    if (hit !== undefined) return hit === '' ? null : hit
    const term = this.#compute(word, lang)
    if (cache.size > 500_000) cache.clear()
    cache.set(word, term ?? '')
    return term
  }

  /** True when the word is a stop word in the language (as written or without its accents). */
  isStopWord(word: string, lang: EngineLanguage): boolean {
    const stops = this.#stopList(lang)
    return stops.has(word) || stops.has(fold(word))
  }

  #compute(word: string, lang: EngineLanguage): string | null {
    if (this.stopWords && this.isStopWord(word, lang)) return null
    if (!this.stem || !HAS_LETTER.test(word)) return fold(word)
    const stemmer = this.#stemmer(lang)
    const stemmed = stemmer ? stemmer.stem(word) : word
    const term = fold(stemmed)
    return term.length >= 2 ? term : fold(word)
  }

  #stemmer(lang: EngineLanguage): Stemmer | null {
    if (!this.#stemmers.has(lang)) {
      const name = languages[lang].snowball
      this.#stemmers.set(lang, name ? snowball.newStemmer(name) : null)
    }
    return this.#stemmers.get(lang) ?? null
  }

  #stopList(lang: EngineLanguage): Set<string> {
    let set = this.#stops.get(lang)
    if (!set) {
      const list = stopwordLists[languages[lang].stop] ?? []
      set = new Set(list.flatMap((w) => [w.toLowerCase(), fold(w.toLowerCase())]))
      this.#stops.set(lang, set)
    }
    return set
  }
}
