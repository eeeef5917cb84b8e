/** Explanations: the shared words (as each side wrote them), shared tags and the features' facts. */

import { clamp01, termScore } from './scoring.ts'
import type { AnalyzedQuery } from './search.ts'
import type { MatchIndex } from './text-index.ts'
import type { Explanation, SearchOptions, SharedTerm } from './types.ts'

export function explain<D>(
  index: MatchIndex<D>,
  q: AnalyzedQuery,
  slot: number,
  text: number,
  bestText: number,
  tagScore: number,
  tagTotal: number,
  options: SearchOptions<D>,
): Explanation {
  const doc = index.docs[slot]!
  const docWords = index.keepSource ? documentWords(index, slot) : null
  const terms: SharedTerm[] = []
  for (const qw of q.words) {
    let best: { id: number; s: number } | null = null
    for (const id of qw.termIds) {
      const tfs = index.frequencies(id, slot)
      if (!tfs) continue
      const s = termScore(index, index.idf(index.postings[id]!.df) * qw.weight, tfs, 0, slot)
      if (!best || s > best.s) best = { id, s }
    }
    if (!best) continue
    const term = index.terms[best.id]!
    terms.push({
      word: qw.word,
      documentWord: docWords?.get(best.id) ?? index.termWords[best.id] ?? qw.word,
      term,
      weight: best.s,
    })
  }
  const sum = terms.reduce((acc, t) => acc + t.weight, 0)
  for (const t of terms) t.weight = sum > 0 ? t.weight / sum : 0
  terms.sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
  const sharedTags = q.tagIds
    .filter((id): id is number => id !== undefined)
    .map((id) => index.tagNames[id]!)
    .filter((tag) => doc.tags.includes(tag))
  const facts: Explanation['facts'] = []
  for (const feature of options.features ?? []) {
    const r = feature.score(doc)
    if (r?.fact) facts.push({ ...r.fact, feature: feature.name, contribution: feature.weight * clamp01(r.value) })
  }
  return {
    text: bestText > 0 ? text / bestText : 0,
    tags: tagTotal > 0 ? tagScore / tagTotal : 0,
    terms: terms.slice(0, 10),
    sharedTags,
    facts,
  }
}

/** The document's own word for each of its terms (first occurrence), from its kept text. */
function documentWords<D>(index: MatchIndex<D>, slot: number): Map<number, string> {
  const out = new Map<number, string>()
  const source = index.sources[slot]
  const lang = index.docs[slot]!.lang
  if (!source) return out
  for (const field of index.fields) {
    for (const { term, word } of index.analyzer.analyze(source[field.name] ?? '', lang)) {
      const id = index.termIds.get(term)
      if (id !== undefined && !out.has(id)) out.set(id, word)
    }
  }
  return out
}
