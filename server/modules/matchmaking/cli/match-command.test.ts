// The `match` command end to end: `node scripts/cascade.ts match …` on a tiny corpus in a temp dir.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../../../scripts/cascade.ts', import.meta.url))
let dir: string

function run(...args: string[]) {
  const res = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' })
  return { code: res.status, out: res.stdout, err: res.stderr }
}

function jsonl(name: string, lines: unknown[], extra = ''): string {
  const path = join(dir, name)
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + extra)
  return path
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cascade-match-'))
})
after(() => rmSync(dir, { recursive: true, force: true }))

describe('cascade match', () => {
  it('ranks the corpus for each query, one JSON line per query in order, with ids as given', () => {
    const corpus = jsonl(
      'corpus.jsonl',
      [
        {
          id: 'thermal',
          text: 'Thermal cameras detecting intruders around industrial sites',
          country: 'BE',
          type: 'solution',
        },
        { id: 7, text: 'Caméras thermiques pour la détection des intrusions', lang: 'fr', country: 'FR' },
        { id: 'phishing', text: 'Phishing awareness training for hospital staff', tags: ['cyber'], type: 'service' },
        { id: 'radar', text: 'Radar for drone detection at airports', tags: ['uav'] },
      ],
      '\n\n',
    )
    const queries = jsonl('queries.jsonl', [
      { id: 'q1', text: 'detect drones near an airport' },
      { id: 2, text: 'caméra thermique', exclude: ['7'] },
      { id: 'q3', text: 'training', tags: ['cyber'] },
      { id: 'q4', text: 'intruders detection', types: ['solution'], countries: ['BE'] },
    ])
    const { code, out, err } = run('match', '--corpus', corpus, '--queries', queries, '--k', '2')
    assert.equal(code, 0, err)
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    assert.deepEqual(
      lines.map((l) => l.query),
      ['q1', 2, 'q3', 'q4'],
    )
    assert.deepEqual(lines[0].ranked[0], { id: 'radar', score: 1 })
    assert.ok(lines[0].ranked.length <= 2)
    assert.ok(!lines[1].ranked.some((r: { id: unknown }) => r.id === 7), 'excluded id 7 is not returned')
    assert.equal(lines[2].ranked[0].id, 'phishing')
    assert.ok(lines[2].ranked[0].score > 1, 'text and tag add up')
    assert.deepEqual(
      lines[3].ranked.map((r: { id: unknown }) => r.id),
      ['thermal'],
    )
    for (const l of lines) for (const r of l.ranked) assert.deepEqual(Object.keys(r), ['id', 'score'])
  })

  it('explains on request', () => {
    const corpus = jsonl('c2.jsonl', [{ id: 'a', text: 'Detecting drones' }])
    const queries = jsonl('q2.jsonl', [{ id: 'q', text: 'drone detection' }])
    const { code, out } = run('match', '--corpus', corpus, '--queries', queries, '--explain')
    assert.equal(code, 0)
    const [r] = JSON.parse(out).ranked
    assert.deepEqual(r.explanation.terms.map((t: { documentWord: string }) => t.documentWord).sort(), [
      'detecting',
      'drones',
    ])
  })

  it('reads the queries from a pipe (without background statistics, which need a second reading)', () => {
    const corpus = jsonl('c4.jsonl', [
      { id: 'a', text: 'Detecting drones' },
      { id: 'b', text: 'Radar' },
    ])
    const res = spawnSync(process.execPath, [script, 'match', '--corpus', corpus, '--queries', '-'], {
      encoding: 'utf8',
      input: `${JSON.stringify({ id: 'q', text: 'drone' })}\n`,
    })
    assert.equal(res.status, 0, res.stderr)
    assert.deepEqual(JSON.parse(res.stdout), { query: 'q', ranked: [{ id: 'a', score: 1 }] })
    assert.match(res.stderr, /no background statistics/)
  })

  it('names the file and line of an invalid input line and exits 1', () => {
    const corpus = jsonl('bad.jsonl', [{ id: 'a', text: 'ok' }], '\n{"text": "no id"}\n')
    const queries = jsonl('q3.jsonl', [{ id: 'q', text: 'ok' }])
    const res = run('match', '--corpus', corpus, '--queries', queries)
    assert.equal(res.code, 1)
    assert.match(res.err, /bad\.jsonl:2: "id" must be/)
    assert.equal(res.out, '')
    const broken = join(dir, 'broken.jsonl')
    writeFileSync(broken, '{"id": "a", "text": "x"}\n{oops\n')
    assert.match(run('match', '--corpus', broken, '--queries', queries).err, /broken\.jsonl:2: not a JSON object/)
    const missing = run('match', '--corpus', join(dir, 'missing.jsonl'), '--queries', queries)
    assert.equal(missing.code, 1)
    assert.match(missing.err, /cannot read .*missing\.jsonl/)
  })

  it('answers usage errors with the usage and exit code 2', () => {
    for (const args of [
      [],
      ['nope'],
      ['match'],
      ['match', '--corpus', 'c.jsonl'],
      ['match', '--corpus', 'c', '--queries', 'q', '--k', '0'],
      ['match', '--frobnicate'],
    ]) {
      const res = run(...args)
      assert.equal(res.code, 2, `exit code for ${args.join(' ')}`)
      assert.match(res.err, /Usage: npm run cascade --/)
    }
    const help = run('match', '--help')
    assert.equal(help.code, 0)
    assert.match(help.out, /--corpus <file>/)
  })
})
