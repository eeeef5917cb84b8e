import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { UnstemmedBm25, WordOverlap } from './baselines.ts'
import { meanReciprocalRank, metrics, recallAt } from './metrics.ts'

describe('metrics', () => {
  const judged = [
    { ranked: ['a', 'b', 'c'], relevant: new Set(['a']) },
    { ranked: ['x', 'y', 'z'], relevant: new Set(['z']) },
    { ranked: ['p', 'q'], relevant: new Set(['none']) },
    { ranked: ['m', 'n', 'o'], relevant: new Set(['n', 'o']) },
  ]

  it('Recall@k is the share of the relevant ids in the first k, averaged', () => {
    assert.equal(recallAt(1, judged), 1 / 4)
    assert.equal(recallAt(2, judged), (1 + 0 + 0 + 0.5) / 4)
    assert.equal(recallAt(3, judged), (1 + 1 + 0 + 1) / 4)
  })

  it('MRR averages 1 / rank of the first hit, 0 when there is none', () => {
    assert.equal(meanReciprocalRank(judged), (1 + 1 / 3 + 0 + 1 / 2) / 4)
    assert.deepEqual(metrics([]), { recall1: 0, recall5: 0, recall10: 0, mrr: 0 })
  })
})

describe('baselines', () => {
  const docs = [
    { id: 'one', text: 'border control drones', type: 'H2020' },
    { id: 'two', text: 'drone detection at the border', type: 'FP7' },
    { id: 'three', text: 'border', type: 'H2020' },
  ]

  it('word overlap counts distinct shared words, without stemming; ties keep the corpus order', () => {
    const overlap = new WordOverlap(docs)
    assert.deepEqual(overlap.rank('the border drones', 10), [
      { id: 'one', score: 2 },
      { id: 'two', score: 1 },
      { id: 'three', score: 1 },
    ])
    assert.deepEqual(overlap.rank('the border drones', 10, ['FP7']), [{ id: 'two', score: 1 }])
  })

  it('BM25 without stemming does not meet "drones" with "drone"', () => {
    const bm25 = new UnstemmedBm25(docs)
    assert.deepEqual(
      bm25.rank('drone', 10).map((r) => r.id),
      ['two'],
    )
  })
})
