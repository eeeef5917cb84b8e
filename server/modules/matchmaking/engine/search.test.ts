import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { search, termScore } from './search.ts'
import { MatchIndex } from './text-index.ts'
import type { EngineDocument } from './types.ts'

const ids = (r: { id: string }[]) => r.map((x) => x.id)

function indexOf(docs: EngineDocument[], options: ConstructorParameters<typeof MatchIndex>[0] = {}): MatchIndex {
  const index = new MatchIndex(options)
  index.addAll(docs.map((d) => ({ lang: 'en', ...d })))
  return index
}

describe('BM25 scoring', () => {
  const index = indexOf([
    { id: 'd1', text: 'drone detection' },
    { id: 'd2', text: 'drone drone radar systems' },
    { id: 'd3', text: 'radar' },
  ])

  it('computes idf × tf(k1 + 1) / (k1 + tf) with length normalisation', () => {
    const drone = index.termIds.get('drone')!
    const slot = index.slotOf('d2')!
    const idf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    const tf = 2 / (1 - 0.75 + (0.75 * 4) / (7 / 3))
    const expected = (idf * tf * 2.2) / (1.2 + tf)
    assert.ok(Math.abs(termScore(index, idf, index.frequencies(drone, slot)!, 0, slot) - expected) < 1e-12)
    assert.equal(index.idf(2), idf)
  })

  it('ranks the rarer shared word higher, and a repeated word above a single one', () => {
    assert.deepEqual(ids(search(index, { text: 'detection radar', lang: 'en' }, { coverage: 0 })), ['d1', 'd3', 'd2'])
    assert.deepEqual(ids(search(index, { text: 'drone', lang: 'en' }, { coverage: 0 })), ['d2', 'd1'])
  })

  it('gives the best match score 1 and finds nothing for unknown words', () => {
    const [top] = search(index, { text: 'drone', lang: 'en' })
    assert.equal(top?.score, 1)
    assert.deepEqual(search(index, { text: 'submarine', lang: 'en' }), [])
  })

  it('stems: an inflected query finds the other forms', () => {
    assert.deepEqual(ids(search(index, { text: 'detecting drones', lang: 'en' })), ['d1', 'd2'])
  })

  it('weights fields (BM25F): a title word counts more than the same word in the body', () => {
    const fielded = indexOf(
      [
        { id: 'title', fields: { title: 'border surveillance', body: 'maritime patrols with ships' } },
        { id: 'body', fields: { title: 'maritime patrols', body: 'border surveillance with ships' } },
      ],
      { fields: { title: { weight: 3 }, body: { weight: 1 } } },
    )
    assert.deepEqual(ids(search(fielded, { text: 'border surveillance', lang: 'en' })), ['title', 'body'])
  })

  it('prefers a document whose own words the query covers (coverage)', () => {
    const ix = indexOf([
      { id: 'narrow', text: 'explosives detection' },
      { id: 'broad', text: 'explosives trace analysis laboratories forensic chemistry standards' },
    ])
    const q = { text: 'detection of explosives at airports', lang: 'en' }
    assert.deepEqual(ids(search(ix, q)), ['narrow', 'broad'])
    // A query shorter than the documents is the side that must be covered: one word, covered by both alike.
    const long = indexOf([
      { id: 'many', text: 'drone drone drone detection radar sonar lidar thermal camera' },
      { id: 'few', text: 'drone lidar' },
    ])
    const one = { text: 'drone', lang: 'en' }
    assert.deepEqual(search(long, one), search(long, one, { coverage: 0 }))
    const [, broad] = search(ix, q, { coverage: 1 })
    const [, broadSoft] = search(ix, q, { coverage: 0.5 })
    assert.ok(broad!.score < broadSoft!.score)
  })
})

describe('background statistics (long queries)', () => {
  it('a word every query uses counts less than one that sets the query apart', () => {
    const docs = [
      { id: 'office', text: 'project management office' },
      { id: 'drones', text: 'counter drones systems' },
    ]
    const q = { text: 'The project will develop measures against project risks and drones', lang: 'en' }
    assert.deepEqual(ids(search(indexOf(docs), q)), ['office', 'drones'])
    const learnt = indexOf(docs)
    const others = Array.from({ length: 30 }, (_, i) => ({
      text: `The project will develop tool number ${i}`,
      lang: 'en',
    }))
    learnt.learnBackground(others)
    assert.equal(learnt.background.size, 30)
    assert.ok(learnt.background.weight('project') < 0.1)
    assert.equal(learnt.background.weight('drone'), 1)
    assert.deepEqual(ids(search(learnt, q)), ['drones', 'office'])
  })

  it('says nothing before it has seen enough texts', () => {
    const index = indexOf([{ id: 'x', text: 'project' }])
    index.learnBackground([{ text: 'project', lang: 'en' }])
    assert.equal(index.background.weight('project'), 1)
  })
})

describe('tags, filters and features', () => {
  const docs: EngineDocument[] = [
    { id: 'a', text: 'thermal cameras for perimeter security', tags: ['cctv'], country: 'BE', type: 'solution' },
    { id: 'b', text: 'thermal imaging for firefighters', tags: ['cctv', 'fire'], country: 'FR', type: 'solution' },
    { id: 'c', text: 'perimeter security consulting', tags: ['consulting'], country: 'NL', type: 'organisation' },
  ]
  const index = indexOf(docs)

  it('adds the tag overlap to text relevance, by the share of the query tags', () => {
    const plain = search(index, { text: 'thermal perimeter security', lang: 'en' })
    assert.equal(plain[0]?.id, 'a')
    const tagged = search(
      index,
      { text: 'thermal perimeter security', tags: ['fire', 'cctv'], lang: 'en' },
      { tagWeight: 2 },
    )
    assert.equal(tagged[0]?.id, 'b')
    const explained = search(
      index,
      { text: 'thermal perimeter security', tags: ['fire', 'cctv'], lang: 'en' },
      { explain: true },
    )
    const tagShare = (id: string) => explained.find((r) => r.id === id)!.explanation!.tags
    // b has both tags (share 1); a has only cctv, the commoner one: less than half the (rarity-weighted) share.
    assert.equal(tagShare('b'), 1)
    assert.ok(tagShare('a') > 0 && tagShare('a') < 0.5)
  })

  it('ranks by tags alone when the query has no text', () => {
    assert.deepEqual(ids(search(index, { tags: ['fire'] })), ['b'])
  })

  it('never returns excluded ids, other types or filtered countries', () => {
    const q = { text: 'thermal perimeter security', lang: 'en' }
    assert.deepEqual(ids(search(index, { ...q, exclude: ['a'] })).sort(), ['b', 'c'])
    assert.deepEqual(ids(search(index, { ...q, types: ['organisation'] })), ['c'])
    assert.deepEqual(ids(search(index, { ...q, countries: ['fr', 'NL'] })).sort(), ['b', 'c'])
    assert.deepEqual(ids(search(index, { ...q, excludeCountries: ['BE'] })).sort(), ['b', 'c'])
    assert.deepEqual(ids(search(index, q, { where: (d) => d.id !== 'c' })).sort(), ['a', 'b'])
  })

  it('lets the application add named facts (complementarity hooks)', () => {
    const index2 = new MatchIndex<{ sme: boolean }>()
    index2.addAll([
      { id: 'big', text: 'thermal cameras', lang: 'en', data: { sme: false } },
      { id: 'sme', text: 'thermal cameras and drones', lang: 'en', data: { sme: true } },
    ])
    const r = search(
      index2,
      { text: 'thermal cameras', lang: 'en' },
      {
        explain: true,
        features: [
          {
            name: 'sme',
            weight: 1,
            score: (d) => (d.data?.sme ? { value: 1, fact: { code: 'partner_is_sme' } } : null),
          },
        ],
      },
    )
    assert.deepEqual(ids(r), ['sme', 'big'])
    assert.deepEqual(r[0]?.explanation?.facts, [{ code: 'partner_is_sme', feature: 'sme', contribution: 1 }])
    assert.deepEqual(r[1]?.explanation?.facts, [])
  })
})

describe('explanations', () => {
  it('maps shared terms back to the query’s and the document’s words, with the shared tags', () => {
    const index = indexOf([
      { id: 'x', text: 'Detecting drones near airports with radar', tags: ['uav', 'airport'] },
      { id: 'y', text: 'Radar maintenance' },
    ])
    const [top] = search(index, { text: 'drone detection', tags: ['uav', 'port'], lang: 'en' }, { explain: true })
    const e = top!.explanation!
    assert.equal(top!.id, 'x')
    assert.deepEqual(e.terms.map((t) => [t.word, t.documentWord, t.term]).sort(), [
      ['detection', 'detecting', 'detect'],
      ['drone', 'drones', 'drone'],
    ])
    assert.ok(Math.abs(e.terms.reduce((s, t) => s + t.weight, 0) - 1) < 1e-9)
    assert.deepEqual(e.sharedTags, ['uav'])
    assert.equal(e.text, 1)
    assert.ok(e.tags > 0 && e.tags < 1)
  })

  it('reads a short query of unknown language in the corpus’s languages', () => {
    const index = new MatchIndex()
    index.addAll([
      { id: 'fr', text: 'Caméras thermiques pour la détection des intrusions', lang: 'fr' },
      { id: 'en', text: 'Password managers for hospitals', lang: 'en' },
    ])
    const [top] = search(index, { text: 'caméra thermique' }, { explain: true })
    assert.equal(top?.id, 'fr')
    assert.deepEqual(top?.explanation?.terms.map((t) => t.documentWord).sort(), ['caméras', 'thermiques'])
  })
})

describe('updates (freshness)', () => {
  it('an upsert replaces a document, a removal drops it, statistics follow', () => {
    const index = indexOf([
      { id: 'p1', text: 'maritime surveillance' },
      { id: 'p2', text: 'cyber range training' },
    ])
    assert.deepEqual(ids(search(index, { text: 'cyber training', lang: 'en' })), ['p2'])
    index.upsert({ id: 'p1', text: 'cyber training for port operators', lang: 'en' })
    assert.equal(index.size, 2)
    assert.deepEqual(ids(search(index, { text: 'maritime', lang: 'en' })), [])
    assert.deepEqual(ids(search(index, { text: 'port operators', lang: 'en' })), ['p1'])
    assert.equal(index.postings[index.termIds.get('cyber')!]!.df, 2)
    assert.ok(index.remove('p2'))
    assert.equal(index.remove('p2'), false)
    assert.deepEqual(ids(search(index, { text: 'cyber range', lang: 'en' })), ['p1'])
    assert.equal(index.postings[index.termIds.get('cyber')!]!.df, 1)
  })

  it('compaction after many updates gives the same ranking as a fresh index', () => {
    const docs = Array.from({ length: 400 }, (_, i) => ({
      id: `d${i}`,
      text: `${['radar', 'drone', 'sonar', 'laser'][i % 4]} ${['border', 'port', 'airport'][i % 3]} sensor ${i}`,
      lang: 'en',
      tags: [`t${i % 5}`],
    }))
    const updated = indexOf(docs)
    for (const d of docs.slice(0, 300)) updated.upsert({ ...d, text: `${d.text} upgraded` })
    for (const d of docs.slice(300, 350)) updated.remove(d.id)
    const fresh = indexOf([
      ...docs.slice(0, 300).map((d) => ({ ...d, text: `${d.text} upgraded` })),
      ...docs.slice(350),
    ])
    assert.equal(updated.size, 350)
    assert.ok(updated.slotCount < 400 + 300, 'dead slots were compacted')
    const q = { text: 'drone airport upgraded sensor', tags: ['t2'], lang: 'en' }
    assert.deepEqual(search(updated, q, { k: 30 }), search(fresh, q, { k: 30 }))
  })
})
