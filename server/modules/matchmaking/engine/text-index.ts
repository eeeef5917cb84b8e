/**
 * The matching engine's inverted index: built once, queried many times, updated one document at a
 * time (upsert / remove) so that recommendations stay fresh when a profile changes.
 *
 * Storage: a slot per document; per term a posting list of slots (ascending) with the term's
 * frequency in each field; per tag a list of slots. A removed document leaves a dead slot that
 * queries skip; statistics (document frequencies, field lengths) are corrected at once, and dead
 * slots are compacted away when they reach a quarter of the index.
 */
import { Analyzer, detectTextLanguage, type EngineLanguage, isEngineLanguage } from './analyze.ts'
import { Background } from './background.ts'
import { TermBounds } from './bounds.ts'
import type { EngineDocument, IndexedDocument, IndexOptions } from './types.ts'

/** A term's posting list in typed arrays (grown by doubling): `n` postings in use. */
export interface Postings {
  slots: Int32Array
  /** Field frequencies, `fieldCount` per posting (saturated at 65,535). */
  tfs: Uint16Array
  n: number
  df: number
}

function newPostings(fields: number, capacity = 2): Postings {
  return { slots: new Int32Array(capacity), tfs: new Uint16Array(capacity * fields), n: 0, df: 0 }
}

function pushPosting(p: Postings, slot: number, tf: readonly number[]): void {
  const F = tf.length
  if (p.n === p.slots.length) {
    const slots = new Int32Array(p.n * 2)
    slots.set(p.slots)
    const tfs = new Uint16Array(p.n * 2 * F)
    tfs.set(p.tfs)
    p.slots = slots
    p.tfs = tfs
  }
  p.slots[p.n] = slot
  for (let f = 0; f < F; f++) p.tfs[p.n * F + f] = Math.min(65_535, tf[f]!)
  p.n++
}

export interface ResolvedField {
  name: string
  weight: number
  b: number
}

export class MatchIndex<D = unknown> {
  readonly analyzer: Analyzer
  readonly fields: readonly ResolvedField[]
  readonly k1: number
  readonly k3: number
  readonly defaultLang: EngineLanguage
  readonly keepSource: boolean

  // Per slot.
  docs: (IndexedDocument<D> | null)[] = []
  fieldLengths: number[][]
  slotTerms: (Int32Array | null)[] = []
  sources: (Record<string, string> | null)[] = []

  // Per term and per tag.
  readonly termIds = new Map<string, number>()
  postings: Postings[] = []
  /** Each term by id, and the first word seen for it (explanations when sources are not kept). */
  readonly terms: string[] = []
  readonly termWords: string[] = []
  readonly tagIds = new Map<string, number>()
  readonly tagNames: string[] = []
  tagPostings: { slots: number[]; df: number }[] = []
  /** Upper bounds of each term's normalised frequency, for query-time pruning (see bounds.ts). */
  readonly bounds: TermBounds
  /** Moves on every change of documents or slots (caches of derived statistics key on it). */
  version = 0

  readonly #slotOf = new Map<string, number>()
  readonly totalLengths: number[]
  readonly langCounts = new Map<EngineLanguage, number>()
  /** Statistics of texts of the queries' kind, when learnt (see background.ts). */
  readonly background = new Background()
  #dead = 0
  // Each slot's "mass": the sum over its distinct terms of idf × the weight of the heaviest field holding it.
  #mass: number[] = []
  #massSize = -1

  constructor(options: IndexOptions = {}) {
    this.analyzer = new Analyzer(options.analyzer)
    const fields = options.fields ?? { text: {} }
    this.fields = Object.entries(fields).map(([name, f]) => ({ name, weight: f.weight ?? 1, b: f.b ?? 0.75 }))
    if (this.fields.length === 0) throw new Error('MatchIndex: at least one field')
    this.k1 = options.k1 ?? 1.2
    this.k3 = options.k3 ?? 8
    this.defaultLang = options.defaultLang ?? 'en'
    this.keepSource = options.keepSource ?? true
    this.fieldLengths = this.fields.map(() => [])
    this.totalLengths = this.fields.map(() => 0)
    this.bounds = new TermBounds(this as MatchIndex<unknown>)
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.#slotOf.size
  }

  /** Number of slots, dead ones included (the range of slot numbers). */
  get slotCount(): number {
    return this.docs.length
  }

  has(id: string): boolean {
    return this.#slotOf.has(id)
  }

  get(id: string): IndexedDocument<D> | undefined {
    const slot = this.#slotOf.get(id)
    return slot === undefined ? undefined : (this.docs[slot] ?? undefined)
  }

  slotOf(id: string): number | undefined {
    return this.#slotOf.get(id)
  }

  /** Average length of a field over the live documents. */
  averageLength(field: number): number {
    return this.size === 0 ? 0 : (this.totalLengths[field] ?? 0) / this.size
  }

  /** Inverse document frequency (BM25, never negative). */
  idf(df: number): number {
    const n = this.size
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }

  /** Adds a document, or replaces the one with the same id. */
  upsert(doc: EngineDocument<D>): void {
    if (this.#slotOf.has(doc.id)) this.remove(doc.id)
    this.#add(doc)
  }

  /**
   * A slot's term mass (see #mass), for the coverage factor. Recomputed for all slots when the number
   * of documents has moved by more than 1% since the last time, else per new slot.
   */
  mass(slot: number): number {
    const n = this.size
    if (this.#massSize < 0 || Math.abs(n - this.#massSize) > n / 100) {
      this.#mass = new Array<number>(this.docs.length).fill(0)
      const F = this.fields.length
      this.postings.forEach((p) => {
        const idf = this.idf(p.df)
        for (let i = 0; i < p.n; i++) {
          let w = 0
          for (let f = 0; f < F; f++) if (p.tfs[i * F + f]! > 0) w = Math.max(w, this.fields[f]!.weight)
          this.#mass[p.slots[i]!]! += idf * w
        }
      })
      this.#massSize = n
    }
    let m = this.#mass[slot]
    if (m === undefined || (m === 0 && (this.slotTerms[slot]?.length ?? 0) > 0)) {
      m = 0
      for (const t of this.slotTerms[slot] ?? []) {
        const tfs = this.frequencies(t, slot) ?? []
        let w = 0
        tfs.forEach((x, f) => {
          if (x > 0) w = Math.max(w, this.fields[f]!.weight)
        })
        m += this.idf(this.postings[t]!.df) * w
      }
      this.#mass[slot] = m
    }
    return m
  }

  /** Learns background statistics from texts of the queries' kind (e.g. all the queries). */
  learnBackground(texts: Iterable<{ text: string; lang?: string | null }>): void {
    for (const t of texts) this.background.add(this.analyzer, t.text, this.languageOf(t))
  }

  /** Adds many documents (replacing any with the same ids). */
  addAll(docs: Iterable<EngineDocument<D>>): void {
    for (const d of docs) this.upsert(d)
  }

  /**
   * Computes now what the first queries would otherwise compute (term bounds for pruning, the
   * documents' term masses for coverage): call it after a bulk load, before serving queries.
   */
  prepare(): void {
    this.bounds.prepareAll()
    if (this.docs.length > 0) this.mass(0)
  }

  /** Removes a document; false if it was not there. */
  remove(id: string): boolean {
    const slot = this.#slotOf.get(id)
    if (slot === undefined) return false
    const doc = this.docs[slot]!
    for (const t of this.slotTerms[slot] ?? []) this.postings[t]!.df--
    for (const tag of doc.tags) this.tagPostings[this.tagIds.get(tag)!]!.df--
    this.fields.forEach((_, f) => {
      this.totalLengths[f]! -= this.fieldLengths[f]![slot]!
    })
    this.langCounts.set(doc.lang, (this.langCounts.get(doc.lang) ?? 1) - 1)
    this.docs[slot] = null
    this.slotTerms[slot] = null
    this.sources[slot] = null
    this.#slotOf.delete(id)
    this.#dead++
    this.version++
    if (this.#dead > 256 && this.#dead * 4 > this.docs.length) this.compact()
    return true
  }

  /** The language a document is indexed in: declared, else detected, else the index's default. */
  languageOf(doc: Pick<EngineDocument, 'lang' | 'text' | 'fields'>): EngineLanguage {
    if (isEngineLanguage(doc.lang)) return doc.lang
    const sample = [doc.text, ...Object.values(doc.fields ?? {})].filter(Boolean).join(' ')
    return detectTextLanguage(sample) ?? this.defaultLang
  }

  #add(doc: EngineDocument<D>): void {
    this.version++
    const texts = this.#fieldTexts(doc)
    const lang = this.languageOf(doc)
    const slot = this.docs.length
    const tags = [...new Set((doc.tags ?? []).map((t) => t.trim()).filter(Boolean))]
    this.docs.push({
      id: doc.id,
      lang,
      tags,
      country: doc.country?.trim() || null,
      type: doc.type?.trim() || null,
      data: doc.data,
    })
    this.sources.push(this.keepSource ? texts : null)
    this.#slotOf.set(doc.id, slot)
    this.langCounts.set(lang, (this.langCounts.get(lang) ?? 0) + 1)

    const F = this.fields.length
    const counts = new Map<number, number[]>()
    this.fields.forEach((field, f) => {
      const tokens = this.analyzer.analyze(texts[field.name] ?? '', lang)
      this.fieldLengths[f]!.push(tokens.length)
      this.totalLengths[f]! += tokens.length
      for (const { term, word } of tokens) {
        let id = this.termIds.get(term)
        if (id === undefined) {
          id = this.postings.length
          this.termIds.set(term, id)
          this.postings.push(newPostings(F))
          this.terms.push(term)
          this.termWords.push(word)
        }
        let tf = counts.get(id)
        if (!tf) {
          tf = new Array<number>(F).fill(0)
          counts.set(id, tf)
        }
        tf[f]!++
      }
    })
    const ids = new Int32Array(counts.size)
    let i = 0
    for (const [id, tf] of counts) {
      const p = this.postings[id]!
      pushPosting(p, slot, tf)
      p.df++
      ids[i++] = id
      this.bounds.added(id, p)
    }
    this.slotTerms.push(ids)

    for (const tag of tags) {
      let id = this.tagIds.get(tag)
      if (id === undefined) {
        id = this.tagPostings.length
        this.tagIds.set(tag, id)
        this.tagPostings.push({ slots: [], df: 0 })
        this.tagNames.push(tag)
      }
      const p = this.tagPostings[id]!
      p.slots.push(slot)
      p.df++
    }
  }

  #fieldTexts(doc: EngineDocument<D>): Record<string, string> {
    if (typeof doc.id !== 'string' || doc.id === '') throw new Error('MatchIndex: a document needs a string id')
    const out: Record<string, string> = {}
    const given = { ...(doc.fields ?? {}) }
    if (doc.text != null) given.text = doc.text
    for (const [name, value] of Object.entries(given)) {
      if (value == null) continue
      if (!this.fields.some((f) => f.name === name)) {
        throw new Error(`MatchIndex: unknown field "${name}" (fields: ${this.fields.map((f) => f.name).join(', ')})`)
      }
      out[name] = String(value)
    }
    return out
  }

  /** The frequencies of a term in a slot's fields, or null (binary search in the posting list). */
  frequencies(termId: number, slot: number): number[] | null {
    const p = this.postings[termId]
    if (!p) return null
    let lo = 0
    let hi = p.n - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = p.slots[mid]!
      if (s === slot) {
        const F = this.fields.length
        return Array.from(p.tfs.subarray(mid * F, mid * F + F))
      }
      if (s < slot) lo = mid + 1
      else hi = mid - 1
    }
    return null
  }

  /** Renumbers the live documents' slots and drops dead postings. */
  compact(): void {
    const map = new Int32Array(this.docs.length).fill(-1)
    let next = 0
    this.docs.forEach((d, slot) => {
      if (d) map[slot] = next++
    })
    const F = this.fields.length
    this.postings = this.postings.map((p) => {
      const out = newPostings(F, Math.max(2, p.df))
      const tf = new Array<number>(F)
      for (let i = 0; i < p.n; i++) {
        const to = map[p.slots[i]!]!
        if (to < 0) continue
        for (let f = 0; f < F; f++) tf[f] = p.tfs[i * F + f]!
        pushPosting(out, to, tf)
      }
      out.df = p.df
      return out
    })
    this.tagPostings = this.tagPostings.map((p) => ({
      slots: p.slots.map((s) => map[s]!).filter((s) => s >= 0),
      df: p.df,
    }))
    const keep = <T>(arr: T[]): T[] => arr.filter((_, slot) => map[slot]! >= 0)
    this.fieldLengths = this.fieldLengths.map(keep)
    this.slotTerms = keep(this.slotTerms)
    this.sources = keep(this.sources)
    this.docs = keep(this.docs)
    this.docs.forEach((d, slot) => {
      if (d) this.#slotOf.set(d.id, slot)
    })
    this.#dead = 0
    this.version++
    this.#massSize = -1
  }
}
