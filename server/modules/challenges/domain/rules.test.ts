import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { canApply, codeFitsDomain, contentText, isTrlRange, searchConfigOf, slugFromTitle } from './rules.ts'

describe('challenge rules', () => {
  it('derives a slug from a title', () => {
    assert.equal(slugFromTitle('Detection & location of intruders'), 'detection-location-of-intruders')
    assert.equal(slugFromTitle('Résilience aux crues éclair'), 'resilience-aux-crues-eclair')
    assert.equal(slugFromTitle('Manage'), 'manage-challenge')
    assert.equal(slugFromTitle('  Operators’ 24/7 view  '), 'operators-24-7-view')
    assert.equal(slugFromTitle('!!!'), 'challenge')
    const long = slugFromTitle('word '.repeat(40))
    assert.ok(long.length <= 80 && !long.endsWith('-'), long)
  })

  it('checks the code against its domain', () => {
    assert.equal(codeFitsDomain('D1-C3', 'D1'), true)
    assert.equal(codeFitsDomain('D10-C1', 'D10'), true)
    assert.equal(codeFitsDomain('D2-C3', 'D1'), false)
    assert.equal(codeFitsDomain('D1-3', 'D1'), false)
    assert.equal(codeFitsDomain('d1-c3', 'D1'), false)
  })

  it('accepts a TRL range only from 1 to 9 and in order', () => {
    assert.equal(isTrlRange(5, 8), true)
    assert.equal(isTrlRange(7, 7), true)
    assert.equal(isTrlRange(8, 5), false)
    assert.equal(isTrlRange(0, 5), false)
    assert.equal(isTrlRange(5, 10), false)
    assert.equal(isTrlRange(5.5, 8), false)
  })

  it('searches each language with its own stemming', () => {
    assert.equal(searchConfigOf('en'), 'english')
    assert.equal(searchConfigOf('fr'), 'french')
    assert.equal(searchConfigOf('nl'), 'dutch')
    assert.equal(searchConfigOf('xx'), 'english')
  })

  it('publishes a draft or an unpublished challenge, unpublishes a published one', () => {
    assert.equal(canApply('publish', 'draft'), true)
    assert.equal(canApply('publish', 'unpublished'), true)
    assert.equal(canApply('publish', 'published'), false)
    assert.equal(canApply('unpublish', 'published'), true)
    assert.equal(canApply('unpublish', 'draft'), false)
  })

  it('gathers the searchable text in reading order, skipping empty parts', () => {
    const text = contentText({
      problem: 'P',
      expectedOutcome: 'O',
      requirements: ['R1', 'R2'],
      endUserOffers: { testBed: 'T', data: '', validation: 'V' },
    })
    assert.equal(text, 'P\nO\nR1\nR2\nT\nV')
  })
})
