import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { DiffSegment } from '../../../../shared/contracts/challenges.ts'
import { buildHistory, type ChallengeEvent, diffList, diffWords, type Snapshot, type VersionRow } from './history.ts'

const render = (segments: DiffSegment[]) =>
  segments.map((s) => (s.op === 'same' ? s.text : s.op === 'added' ? `[+${s.text}]` : `[-${s.text}]`)).join('')
const text = (segments: DiffSegment[], op: DiffSegment['op'] | 'before' | 'after') =>
  segments
    .filter(
      (s) =>
        s.op === 'same' ||
        s.op === op ||
        (op === 'before' && s.op === 'removed') ||
        (op === 'after' && s.op === 'added'),
    )
    .map((s) => s.text)
    .join('')

test('word diff: changed words in the middle, runs grouped, both texts recoverable', () => {
  const before = 'Night staff cannot tell a drone from a bird.'
  const after = 'Night staff cannot tell a small drone from a large bird at dusk.'
  const d = diffWords(before, after)
  assert.equal(render(d), 'Night staff cannot tell a [+small ]drone from a [+large ]bird[+ at dusk].')
  assert.equal(text(d, 'before'), before)
  assert.equal(text(d, 'after'), after)
  // A run of replaced words reads as all the old words, then all the new ones.
  assert.equal(render(diffWords('one two three four', 'one six seven four')), 'one [-two three][+six seven] four')
  assert.deepEqual(diffWords('same', 'same'), [{ op: 'same', text: 'same' }])
  assert.deepEqual(diffWords('', 'new text'), [{ op: 'added', text: 'new text' }])
  assert.deepEqual(diffWords('old', ''), [{ op: 'removed', text: 'old' }])
  assert.deepEqual(diffWords('', ''), [])
})

test('word diff of long texts stays exact', () => {
  const words = Array.from({ length: 900 }, (_, i) => `w${i}`)
  const before = words.join(' ')
  const after = words.map((w, i) => (i % 100 === 50 ? `${w}x` : w)).join(' ')
  const d = diffWords(before, after)
  assert.equal(text(d, 'before'), before)
  assert.equal(text(d, 'after'), after)
  assert.equal(d.filter((s) => s.op === 'added').length, 9)
})

test('list diff: items added and removed, duplicates counted', () => {
  assert.deepEqual(diffList(['a', 'b', 'c'], ['c', 'a', 'd']), { added: ['d'], removed: ['b'] })
  assert.deepEqual(diffList(['a', 'a'], ['a']), { added: [], removed: ['a'] })
  assert.deepEqual(diffList([], []), { added: [], removed: [] })
})

const content = {
  problem: 'Drones fly over the plant.',
  expectedOutcome: 'Staff see them in time.',
  requirements: ['Works at night', 'No radio emission'],
  endUserOffers: { testBed: 'The plant', data: '', validation: '' },
}
const v1: Snapshot = { title: 'Drones', summary: 'Detect drones.', content, trlMin: 5, trlMax: 7, domainId: 'd1' }
const olga = { id: '00000000-0000-4000-8000-000000000001', name: 'Olga' }
const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m))
const names = {
  domainName: (id: string) => id.toUpperCase(),
  termName: (id: string) => `term ${id}`,
  referenceOfUseCase: (id: string) => `UC-${id}`,
}

test('history: versions with their changes, audit-only fields, tags, and the events between, newest first', () => {
  const versions: VersionRow[] = [
    { ...v1, version: 1, at: at(0), actor: olga },
    {
      ...v1,
      title: 'Hostile drones',
      content: {
        ...content,
        requirements: ['Works at night', 'Names the pilot'],
        endUserOffers: { ...content.endUserOffers, data: 'Radar logs' },
      },
      trlMax: 8,
      domainId: 'd2',
      version: 2,
      at: at(5),
      actor: olga,
    },
    { ...v1, title: 'Hostile drones', version: 3, at: at(9), actor: { id: null, name: 'system' } },
  ]
  const events: ChallengeEvent[] = [
    { action: 'challenge.created', at: at(0), actor: olga, change: { tagIds: ['a'] } },
    { action: 'challenge.published', at: at(1), actor: olga, change: { version: 1 } },
    { action: 'challenge.call_linked', at: at(2), actor: olga, change: { call: 'OC2' } },
    {
      action: 'challenge.updated',
      at: at(5),
      actor: olga,
      change: { version: 2, before: { code: 'D1-C9' }, after: { code: 'D2-C9' }, tagIds: ['b', 'a'] },
    },
    { action: 'challenge.use_cases_linked', at: at(6), actor: olga, change: { useCaseIds: ['1', '2'] } },
    { action: 'challenge.updated', at: at(9), actor: olga, change: { version: 3, before: {}, after: {} } },
    { action: 'challenge.something_else', at: at(9), actor: olga, change: {} },
  ]
  const h = buildHistory(versions, events, names)
  assert.deepEqual(
    h.map((e) => [e.kind, e.version, e.subjects.join()]),
    [
      ['edited', 3, ''],
      ['use_cases_linked', 2, 'UC-1,UC-2'],
      ['edited', 2, ''],
      ['call_linked', 1, 'OC2'],
      ['published', 1, ''],
      ['created', 1, ''],
    ],
  )
  const v2 = h[2]!
  assert.deepEqual(
    v2.changes.map((c) => c.field),
    ['domain', 'code', 'title', 'requirements', 'data', 'trl', 'tags'],
  )
  const by = Object.fromEntries(v2.changes.map((c) => [c.field, c]))
  assert.deepEqual([by.domain!.before, by.domain!.after], ['D1', 'D2'])
  assert.deepEqual([by.code!.before, by.code!.after], ['D1-C9', 'D2-C9'])
  assert.equal(render(by.title!.segments!), '[-Drones][+Hostile drones]')
  assert.deepEqual([by.requirements!.added, by.requirements!.removed], [['Names the pilot'], ['No radio emission']])
  assert.deepEqual([by.data!.before, by.data!.after], [null, 'Radar logs'])
  assert.deepEqual([by.trl!.before, by.trl!.after], ['5–7', '5–8'])
  assert.deepEqual([by.tags!.added, by.tags!.removed], [['term b'], []])
  // Version 3 undid most of version 2 (but kept the title); its author is the system.
  const v3 = h[0]!
  assert.deepEqual(v3.actor, { id: null, name: 'system' })
  assert.deepEqual(
    v3.changes.map((c) => c.field),
    ['domain', 'requirements', 'data', 'trl'],
  )
  assert.equal(h[5]!.changes.length, 0)
})

test('history: without a creation event (seeded), the first tag list is shown as set, not as a difference', () => {
  const versions: VersionRow[] = [
    { ...v1, version: 1, at: at(0), actor: { id: null, name: 'system' } },
    { ...v1, version: 2, at: at(3), actor: olga },
  ]
  const events: ChallengeEvent[] = [
    {
      action: 'challenge.updated',
      at: at(3),
      actor: olga,
      change: { version: 2, before: {}, after: {}, tagIds: ['x'] },
    },
  ]
  const [edited] = buildHistory(versions, events, names)
  assert.deepEqual(edited!.changes, [{ field: 'tags', before: null, after: 'term x' }])
})

test('history: at the same instant, the save comes before the events that follow it, events in recorded order', () => {
  const versions: VersionRow[] = [{ ...v1, version: 1, at: at(0), actor: olga }]
  const events: ChallengeEvent[] = [
    { action: 'challenge.published', at: at(0), actor: olga, change: { version: 1 } },
    { action: 'challenge.call_linked', at: at(0), actor: olga, change: { call: 'OC1' } },
    { action: 'challenge.call_unlinked', at: at(0), actor: olga, change: { call: 'OC1' } },
  ]
  assert.deepEqual(
    buildHistory(versions, events, names).map((e) => e.kind),
    ['call_unlinked', 'call_linked', 'published', 'created'],
  )
})
