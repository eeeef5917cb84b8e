import assert from 'node:assert/strict'
import { test } from 'node:test'
import { reasonVars, ruleLine } from './reason-text.ts'

test('the reasons in mails take the plural form of their count and write amounts the local way', () => {
  assert.deepEqual(reasonVars({ count: 1, min: 2000, requestedCents: 12_345_600 }, 'en'), {
    count: 1,
    min: '2,000',
    requestedCents: '€123,456.00',
  })
  const one = { code: 'countries_too_few', params: { count: 1, min: 2 } }
  assert.match(ruleLine('en', 'minimum_countries', one), /: 1 country: at least 2 are required\.$/)
  assert.match(ruleLine('nl', 'minimum_countries', one), /: 1 land: er zijn er minstens 2 vereist\.$/)
  const three = { code: 'countries_too_few', params: { count: 3, min: 4 } }
  assert.match(ruleLine('en', 'minimum_countries', three), /: 3 countries: at least 4 are required\.$/)
  // A reason without a text leaves the rule's name alone.
  assert.doesNotMatch(ruleLine('en', 'minimum_countries', { code: 'no_such_reason', params: {} }), /:/)
})
