import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { seek } from './prune.ts'
import { search } from './search.ts'
import { MatchIndex } from './text-index.ts'
import type { EngineDocument, EngineQuery, Feature, SearchOptions } from './types.ts'

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const en = (
  'drone detection radar border surveillance maritime patrol camera thermal imaging crowd safety ' +
  'explosive trace sensor network cyber attack intrusion resilience critical infrastructure water ' +
  'energy grid forensic evidence police training simulation emergency response flood wildfire ' +
  'satellite communication encryption privacy biometric identity fraud detection analytics platform'
).split(' ')
const fr = 'détection caméras thermiques surveillance frontière sécurité incendie police réseau capteurs'.split(' ')
const nl = 'detectie camera bewaking grens veiligheid brand politie netwerk sensoren overstroming'.split(' ')

function text(r: () => number, vocab: string[], min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min))
  // A skewed choice: some words are common, most are rare, like real text.
  return Array.from({ length: n }, () => vocab[Math.floor(vocab.length * r() ** 2)]!).join(' ')
}

function corpus(seed: number, n: number): EngineDocument<{ sme: boolean }>[] {
  const r = rng(seed)
  const countries = ['BE', 'FR', 'NL', 'DE', 'ES']
  return Array.from({ length: n }, (_, i) => {
    const lang = r() < 0.7 ? 'en' : r() < 0.5 ? 'fr' : 'nl'
    const vocab = lang === 'en' ? en : lang === 'fr' ? fr : nl
    return {
      id: `d${String(i).padStart(4, '0')}`,
      fields: { title: text(r, vocab, 1, 4), body: text(r, vocab, 0, 40) },
      lang,
      tags: Array.from({ length: Math.floor(r() * 3) }, () => `t${Math.floor(r() * 8)}`),
      country: countries[Math.floor(r() * countries.length)]!,
      type: r() < 0.5 ? 'org' : 'solution',
      data: { sme: r() < 0.4 },
    }
  })
}

function queries(seed: number, n: number): EngineQuery[] {
  const r = rng(seed)
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 4
    const q: EngineQuery = {
      // Long English queries, short ones read in every language, mixed ones, tags only.
      text:
        kind === 0
          ? text(r, en, 20, 60)
          : kind === 1
            ? text(r, [...fr, ...nl], 1, 3)
            : kind === 2
              ? text(r, en, 2, 8)
              : '',
      lang: kind === 0 ? 'en' : null,
      tags: r() < 0.5 || kind === 3 ? [`t${Math.floor(r() * 8)}`, `t${Math.floor(r() * 8)}`] : [],
    }
    if (r() < 0.2) q.exclude = ['d0001', 'd0002', 'd0003']
    if (r() < 0.2) q.excludeCountries = ['FR']
    return q
  })
}

const sme: Feature<{ sme: boolean }> = {
  name: 'sme',
  weight: 0.3,
  score: (d) => (d.data?.sme ? { value: 1, fact: { code: 'sme' } } : null),
}

function same(index: MatchIndex<{ sme: boolean }>, q: EngineQuery, options: SearchOptions<{ sme: boolean }>) {
  const pruned = search(index, q, { ...options, explain: true, exhaustive: false })
  const full = search(index, q, { ...options, explain: true, exhaustive: true })
  assert.deepEqual(pruned, full, JSON.stringify({ q, options: { ...options, features: undefined } }))
  return full.length
}

describe('pruned search (MaxScore) = exhaustive search', () => {
  const index = new MatchIndex<{ sme: boolean }>({ fields: { title: { weight: 2 }, body: {} } })
  index.addAll(corpus(7, 1500))

  it('gives the same top k, scores and explanations, for every kind of query and option', () => {
    let found = 0
    const optionSets: SearchOptions<{ sme: boolean }>[] = [
      { k: 1 },
      { k: 10 },
      { k: 50, coverage: 0 },
      { k: 10, tagWeight: 1.5 },
      { k: 10, features: [sme] },
      { k: 5, where: (d) => d.type === 'org' },
      { k: 2000 },
    ]
    for (const q of queries(11, 80)) for (const options of optionSets) found += same(index, q, options)
    assert.ok(found > 5000, `the queries found documents (${found})`)
  })

  it('stays equal after updates, removals and compaction (bounds follow the index)', () => {
    const r = rng(3)
    const extra = corpus(99, 600)
    for (let round = 0; round < 4; round++) {
      for (const d of extra.slice(round * 150, round * 150 + 150)) index.upsert({ ...d, id: `x${d.id}` })
      for (let i = 0; i < 120; i++) index.remove(`d${String(Math.floor(r() * 1500)).padStart(4, '0')}`)
      // A long document raises the average length: every bound must still hold.
      index.upsert({ id: `long${round}`, fields: { title: 'drone', body: text(r, en, 400, 500) }, lang: 'en' })
      for (const q of queries(100 + round, 24)) {
        same(index, q, { k: 10 })
        same(index, q, { k: 3, features: [sme] })
      }
    }
  })
})

describe('seek', () => {
  it('finds the first position at or after a target, from any start', () => {
    const slots = Int32Array.from([1, 3, 5, 7, 9, 11, 13, 15, 17])
    for (let start = 0; start <= slots.length; start++) {
      for (let target = 0; target <= 19; target++) {
        let expected = start
        while (expected < slots.length && slots[expected]! < target) expected++
        assert.equal(seek(slots, slots.length, start, target), expected, `start ${start} target ${target}`)
      }
    }
  })
})
