import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Analyzer, detectTextLanguage, fold, words } from './analyze.ts'

const terms = (a: Analyzer, text: string, lang: Parameters<Analyzer['analyze']>[1]) =>
  a.analyze(text, lang).map((t) => t.term)

describe('tokenising', () => {
  it('lower-cases, splits on punctuation and keeps letters with digits', () => {
    assert.deepEqual(words('Thermal CCTV, 5G networks & 3D-printing (2019).'), [
      'thermal',
      'cctv',
      '5g',
      'networks',
      '3d',
      'printing',
      '3dprinting',
      '2019',
    ])
  })

  it('gives the parts and the joined form of a hyphenated word, the parts of an elided one', () => {
    assert.deepEqual(words('cyber-security'), ['cyber', 'security', 'cybersecurity'])
    assert.deepEqual(words("l'infrastructure d’urgence"), ['infrastructure', 'urgence'])
  })

  it('drops one-character words and numbers under three digits', () => {
    assert.deepEqual(words('a b 12 123 x9'), ['123', 'x9'])
  })

  it('folds diacritics', () => {
    assert.equal(fold('sécurité'), 'securite')
    assert.equal(fold('straße'), 'strasse')
  })
})

describe('stemming and stop words per language', () => {
  const a = new Analyzer()
  const cases = [
    ['en', 'detecting', 'detection', 'the'],
    ['fr', 'caméras', 'caméra', 'les'],
    ['nl', 'camera’s', 'camera', 'het'],
    ['de', 'Sicherheitslösungen', 'Sicherheitslösung', 'und'],
    ['es', 'cámaras', 'cámara', 'los'],
    ['it', 'rilevamenti', 'rilevamento', 'della'],
  ] as const
  for (const [lang, inflected, base, stop] of cases) {
    it(`${lang}: "${inflected}" and "${base}" share a term; "${stop}" is a stop word`, () => {
      const [t1] = terms(a, inflected, lang).slice(-1)
      const [t2] = terms(a, base, lang)
      assert.ok(t1, `a term for ${inflected}`)
      assert.equal(t1, t2)
      assert.deepEqual(terms(a, stop, lang), [])
    })
  }

  it('the same word meets across languages when the stems agree, accents aside', () => {
    assert.deepEqual(terms(a, 'détection', 'fr'), terms(a, 'detection', 'en'))
  })

  it('keeps the written word for explanations', () => {
    assert.deepEqual(a.analyze('Detecting intruders', 'en'), [
      { term: 'detect', word: 'detecting' },
      { term: 'intrud', word: 'intruders' },
    ])
  })

  it('without stemming, words are only folded; without stop words they stay', () => {
    assert.deepEqual(terms(new Analyzer({ stem: false }), 'Détections of drones', 'en'), ['detections', 'drones'])
    assert.deepEqual(terms(new Analyzer({ stem: false, stopWords: false }), 'of drones', 'en'), ['of', 'drones'])
  })

  it('languages without a Snowball stemmer keep whole words but drop their stop words', () => {
    assert.deepEqual(terms(a, 'kamery i drony', 'pl'), ['kamery', 'drony'])
  })
})

describe('language detection', () => {
  it('names the language of a long enough text and stays silent on a short one', () => {
    const fr =
      'Nous développons des caméras thermiques pour détecter les intrusions sur les sites industriels sensibles, de jour comme de nuit.'
    assert.equal(detectTextLanguage(fr), 'fr')
    assert.equal(detectTextLanguage('Caméras thermiques'), null)
  })
})
