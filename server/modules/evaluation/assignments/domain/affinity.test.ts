import assert from 'node:assert/strict'
import { test } from 'node:test'
import { combine, computeAffinities, pairKey } from './affinity.ts'
import { chooseReplacement } from './replacement.ts'

const app = (id: string, title: string, abstract: string, tagIds: string[] = []) => ({
  applicationId: id,
  title,
  acronym: id.toUpperCase(),
  abstract,
  texts: '',
  challengeTitle: '',
  tagIds,
})

test('bids move the text affinity by the bid weight; no bid leaves it alone', () => {
  assert.equal(combine(0.8, null, 0.3), 0.8)
  assert.equal(combine(0.8, 'yes', 0.3), 0.86)
  assert.equal(combine(0.8, 'maybe', 0.3), 0.71)
  assert.equal(combine(0.8, 'no', 0.3), 0.56)
  assert.equal(combine(0, 'yes', 1), 1)
})

test('the engine scores experts against applications, relative to each expert’s best, with words, tags and bids', () => {
  const apps = [
    app('a', 'Drone detection at airports', 'Radar and acoustic sensors detect small drones near runways.'),
    app('b', 'Flood forecasting for cities', 'Hydrological models warn municipalities of river floods.', ['t-water']),
    app('c', 'Port logistics', 'Container scheduling software.'),
  ]
  const experts = [
    { userId: 'x', expertise: 'Counter-drone radar systems and airport security', tagIds: [] },
    { userId: 'y', expertise: 'River flood models', tagIds: ['t-water'] },
    { userId: 'z', expertise: '', tagIds: [] },
  ]
  const bids = new Map([[pairKey('c', 'x'), 'yes' as const]])
  const out = computeAffinities(apps, experts, bids, 0.3)
  const ax = out.get(pairKey('a', 'x'))!
  assert.equal(ax.text, 1)
  assert.equal(ax.affinity, 1)
  assert.equal(ax.bid, null)
  assert.ok(ax.words.includes('radar'), ax.words.join())
  assert.equal(out.get(pairKey('b', 'x'))!.text, 0)
  // A bid alone: 0.3 × 1 on top of no text match.
  assert.deepEqual(out.get(pairKey('c', 'x')), { affinity: 0.3, text: 0, bid: 'yes', words: [], tags: [] })
  // Text and the shared tag: both at their best for y on b.
  const by = out.get(pairKey('b', 'y'))!
  assert.equal(by.text, 1)
  assert.deepEqual(by.tags, ['t-water'])
  // An empty profile matches nothing.
  for (const a of apps) assert.equal(out.get(pairKey(a.applicationId, 'z'))!.affinity, 0)
  assert.equal(out.size, 9)
})

test('the replacement is the best candidate under load that keeps the panel rules', () => {
  const c = (userId: string, kind: string, country: string, affinity: number, load = 0, maxLoad = 3) => ({
    userId,
    name: userId,
    kind,
    countries: [country],
    load,
    maxLoad,
    affinity,
  })
  const rules = { practitionerRequired: true, onePerCountry: true, excludeApplicantCountries: true }
  const panel = [{ kind: 'technical', countries: ['BE'] }]
  const candidates = [
    c('best-but-full', 'practitioner', 'FR', 0.9, 3, 3),
    c('same-country', 'practitioner', 'BE', 0.8),
    c('applicant-country', 'practitioner', 'NL', 0.7),
    c('technical', 'technical', 'DE', 0.6),
    c('fits', 'practitioner', 'ES', 0.5),
    c('fits-too', 'practitioner', 'IT', 0.5),
  ]
  assert.equal(chooseReplacement(candidates, panel, ['NL'], rules)?.userId, 'fits')
  // With a practitioner left on the panel, the technical expert is the best that fits.
  assert.equal(
    chooseReplacement(candidates, [...panel, { kind: 'practitioner', countries: ['PT'] }], ['NL'], rules)?.userId,
    'technical',
  )
  assert.equal(chooseReplacement(candidates.slice(0, 4), panel, ['NL'], rules), null)
  // Every country counts: a candidate sharing a remaining member's second country, or whose second country is an
  // applicants' one, does not fit; a member's second country closes the panel to it.
  const two = (userId: string, countries: string[], affinity: number) => ({
    ...c(userId, 'practitioner', countries[0]!, affinity),
    countries,
  })
  const multi = [
    two('second-is-panel', ['FR', 'BE'], 0.9),
    two('second-is-applicant', ['DE', 'NL'], 0.8),
    two('second-is-member-second', ['IT', 'SE'], 0.7),
    two('fits-with-two', ['ES', 'PL'], 0.6),
  ]
  const withSecond = [...panel, { kind: 'technical', countries: ['PT', 'SE'] }]
  assert.equal(chooseReplacement(multi, withSecond, ['NL'], rules)?.userId, 'fits-with-two')
  assert.equal(
    chooseReplacement(multi, withSecond, ['NL'], { ...rules, onePerCountry: false })?.userId,
    'second-is-panel',
  )
  assert.equal(
    chooseReplacement(multi, withSecond, ['NL'], { ...rules, excludeApplicantCountries: false })?.userId,
    'second-is-applicant',
  )
})
