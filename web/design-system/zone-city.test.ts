import assert from 'node:assert/strict'
import { test } from 'node:test'
import { zoneCity } from './zone-city.ts'

test('a zone is named after its city in the reader’s language, else after its IANA city', () => {
  assert.equal(zoneCity('Europe/Brussels'), 'Brussels')
  assert.equal(zoneCity('Europe/Brussels', 'fr'), 'Bruxelles')
  assert.equal(zoneCity('Europe/Brussels', 'nl-BE'), 'Brussel')
  assert.equal(zoneCity('Europe/Madrid', 'fr'), 'Madrid')
  assert.equal(zoneCity('Europe/Kiev', 'en'), 'Kyiv')
  assert.equal(zoneCity('America/Los_Angeles', 'nl'), 'Los Angeles')
})
