import assert from 'node:assert/strict'
import { test } from 'node:test'
import { snippetParts, wordVariants } from './search.ts'

test('snippets: ts_headline marks become plain-text parts; hits split by spaces read as one', () => {
  assert.equal(snippetParts(null), null)
  assert.equal(snippetParts('no word matched here'), null)
  assert.deepEqual(snippetParts('Notre \uE000caméra\uE001 \uE000thermique\uE001 détecte <b>les</b> intrus'), [
    { text: 'Notre ', hit: false },
    { text: 'caméra thermique', hit: true },
    { text: ' détecte <b>les</b> intrus', hit: false },
  ])
  assert.deepEqual(snippetParts('\uE000drones\uE001, then \uE000radar\uE001'), [
    { text: 'drones', hit: true },
    { text: ', then ', hit: false },
    { text: 'radar', hit: true },
  ])
})

test('word variants: the plural forms the stemmers leave apart', () => {
  assert.deepEqual(wordVariants('detecties'), ['detecties', 'detectie'])
  assert.deepEqual(wordVariants('technologieën'), ['technologieën', 'technologie'])
  assert.deepEqual(wordVariants("camera's"), ["camera's", 'camera'])
  assert.deepEqual(wordVariants('camera’s'), ['camera’s', 'camera'])
  assert.deepEqual(wordVariants('access'), ['access'])
  assert.deepEqual(wordVariants('gas'), ['gas'])
  assert.deepEqual(wordVariants('drone'), ['drone'])
})
