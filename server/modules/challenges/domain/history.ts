/**
 * A challenge's history, the pure part: what changed between two saved versions, field by field, in a
 * form a person reads (word-by-word for text, items added and removed for lists), and the merge of
 * versions with the events recorded between them (publication, calls, linked use cases).
 */
import type {
  ChallengeContent,
  DiffSegment,
  FieldChange,
  HistoryEntry,
  HistoryField,
} from '../../../../shared/contracts/challenges.ts'

/** Beyond this many word pairs a text is shown as replaced as a whole (the table would be too big). */
const MAX_CELLS = 4_000_000

/** Words, punctuation and the white space between them, so joining the tokens gives the text back. */
function tokens(s: string): string[] {
  return s.split(/(\s+|[.,;:!?()[\]"“”«»])/u).filter((t) => t !== '')
}

function push(out: DiffSegment[], op: DiffSegment['op'], text: string) {
  const last = out[out.length - 1]
  if (last && last.op === op) last.text += text
  else out.push({ op, text })
}

/**
 * The word-by-word difference of two texts (longest common subsequence of their tokens): segments in
 * reading order, each kept, added or removed. Removed text comes before the text that replaces it.
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'same', text: before }]
  const a = tokens(before)
  const b = tokens(after)
  // Common head and tail first: most edits touch a few words in the middle.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const x = a.slice(head, a.length - tail)
  const y = b.slice(head, b.length - tail)
  const out: DiffSegment[] = []
  if (head > 0) push(out, 'same', a.slice(0, head).join(''))
  const n = x.length
  const m = y.length
  if (n * m > MAX_CELLS) {
    if (n) push(out, 'removed', x.join(''))
    if (m) push(out, 'added', y.join(''))
  } else {
    // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
    const w = m + 1
    const lcs = new Uint32Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) {
        push(out, 'same', x[i]!)
        i++
        j++
      } else if (j >= m || (i < n && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        push(out, 'removed', x[i]!)
        i++
      } else {
        push(out, 'added', y[j]!)
        j++
      }
    }
  }
  if (tail > 0) push(out, 'same', a.slice(a.length - tail).join(''))
  return tidy(out)
}

/**
 * Reads better: white space alone between two changes belongs to both (it is in both texts), and each
 * run of changes shows all its removed words, then all its added words ("‹old words›‹new words›").
 */
function tidy(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed) push(out, 'removed', removed)
    if (added) push(out, 'added', added)
    removed = ''
    added = ''
  }
  segments.forEach((s, k) => {
    const inRun = removed !== '' || added !== ''
    const next = segments[k + 1]
    if (s.op === 'same' && inRun && next && next.op !== 'same' && /^\s+$/.test(s.text)) {
      removed += s.text
      added += s.text
    } else if (s.op === 'removed') removed += s.text
    else if (s.op === 'added') added += s.text
    else {
      flush()
      push(out, 'same', s.text)
    }
  })
  flush()
  return out
}

/** The items of `after` not in `before`, and those of `before` no longer in `after` (each counted). */
export function diffList(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const left = [...before]
  const added: string[] = []
  for (const item of after) {
    const i = left.indexOf(item)
    if (i >= 0) left.splice(i, 1)
    else added.push(item)
  }
  return { added, removed: left }
}

/** What a version row keeps of a challenge. */
export interface Snapshot {
  title: string
  summary: string
  content: ChallengeContent
  trlMin: number
  trlMax: number
  domainId: string
}

const orNull = (s: string) => (s === '' ? null : s)

export function textChange(field: HistoryField, before: string, after: string): FieldChange | null {
  if (before === after) return null
  return { field, before: orNull(before), after: orNull(after), segments: diffWords(before, after) }
}

export function listChange(
  field: HistoryField,
  before: readonly string[],
  after: readonly string[],
): FieldChange | null {
  if (before.length === after.length && before.every((v, i) => v === after[i])) return null
  return {
    field,
    before: orNull(before.join('\n')),
    after: orNull(after.join('\n')),
    ...diffList(before, after),
  }
}

export function valueChange(field: HistoryField, before: string | null, after: string | null): FieldChange | null {
  if (before === after) return null
  return { field, before, after }
}

const trl = (s: Snapshot) => `${s.trlMin}–${s.trlMax}`

/** The changes from one version to the next, in the order of the form. */
export function snapshotChanges(prev: Snapshot, next: Snapshot, domainName: (id: string) => string): FieldChange[] {
  const o = prev.content.endUserOffers
  const p = next.content.endUserOffers
  return [
    valueChange('domain', domainName(prev.domainId), domainName(next.domainId)),
    textChange('title', prev.title, next.title),
    textChange('summary', prev.summary, next.summary),
    textChange('problem', prev.content.problem, next.content.problem),
    textChange('expectedOutcome', prev.content.expectedOutcome, next.content.expectedOutcome),
    listChange('requirements', prev.content.requirements, next.content.requirements),
    textChange('testBed', o.testBed, p.testBed),
    textChange('data', o.data, p.data),
    textChange('validation', o.validation, p.validation),
    valueChange('trl', trl(prev), trl(next)),
  ].filter((c): c is FieldChange => c !== null)
}

/** The fields a `challenge.updated` audit event records before and after, that a version row does not keep. */
const auditOnly = ['code', 'slug', 'language'] as const

export interface VersionRow extends Snapshot {
  version: number
  at: Date
  actor: HistoryEntry['actor']
}

/** An audit event about the challenge, reduced to what the history needs. */
export interface ChallengeEvent {
  action: string
  at: Date
  actor: HistoryEntry['actor']
  change: Record<string, unknown>
}

export interface HistoryLookups {
  domainName: (id: string) => string
  termName: (id: string) => string
  referenceOfUseCase: (id: string) => string
}

const str = (v: unknown) => (typeof v === 'string' ? v : null)
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
const tagNames = (ids: readonly string[], l: HistoryLookups) => ids.map(l.termName).sort((a, b) => a.localeCompare(b))

/**
 * The history, newest first: each version with its changes since the previous one (code, web address,
 * language and tags come from the audit event of the save, as the version row does not keep them), and
 * the publication, call and use-case events. Tags are compared with the list of the previous save that
 * set them; when no earlier list is known (a seeded challenge), only the new list is shown.
 */
export function buildHistory(
  versions: readonly VersionRow[],
  events: readonly ChallengeEvent[],
  l: HistoryLookups,
): HistoryEntry[] {
  const byVersion = new Map<number, ChallengeEvent>()
  for (const e of events) {
    if (e.action === 'challenge.created') byVersion.set(1, e)
    if (e.action === 'challenge.updated' && typeof e.change.version === 'number') byVersion.set(e.change.version, e)
  }
  const sorted = [...versions].sort((a, b) => a.version - b.version)
  const entries: HistoryEntry[] = []
  let tags: string[] | null = null
  let prev: VersionRow | undefined
  for (const v of sorted) {
    const event = byVersion.get(v.version)
    const changes: FieldChange[] = []
    if (prev) {
      changes.push(...snapshotChanges(prev, v, l.domainName))
      const before = (event?.change.before ?? {}) as Record<string, unknown>
      const after = (event?.change.after ?? {}) as Record<string, unknown>
      for (const f of auditOnly) {
        if (f in before || f in after) {
          const c = valueChange(f, str(before[f]), str(after[f]))
          if (c) changes.push(c)
        }
      }
    }
    const setTags = event ? event.change.tagIds : undefined
    if (Array.isArray(setTags)) {
      const next = strings(setTags)
      if (prev) {
        const c = tags
          ? listChange('tags', tagNames(tags, l), tagNames(next, l))
          : next.length > 0
            ? { field: 'tags' as const, before: null, after: tagNames(next, l).join('\n') }
            : null
        if (c) changes.push(c)
      }
      tags = next
    }
    entries.push({
      kind: prev ? 'edited' : 'created',
      at: v.at.toISOString(),
      actor: v.actor,
      version: v.version,
      changes: orderChanges(changes),
      subjects: [],
    })
    prev = v
  }

  const versionAt = (at: Date) => {
    let current: number | null = null
    for (const v of sorted) if (v.at.getTime() <= at.getTime()) current = v.version
    return current
  }
  /** Ties (same instant, same version): a save before the events that follow it, events in recorded order. */
  const rank = new Map<HistoryEntry, number>()
  events.forEach((e, index) => {
    const kind = eventKinds[e.action]
    if (!kind) return
    const subjects =
      kind === 'call_linked' || kind === 'call_unlinked'
        ? [str(e.change.call) ?? '']
        : kind === 'use_cases_linked'
          ? strings(e.change.useCaseIds).map(l.referenceOfUseCase)
          : kind === 'use_case_unlinked'
            ? [l.referenceOfUseCase(str(e.change.useCaseId) ?? '')]
            : []
    const version = typeof e.change.version === 'number' ? e.change.version : versionAt(e.at)
    const entry: HistoryEntry = { kind, at: e.at.toISOString(), actor: e.actor, version, changes: [], subjects }
    rank.set(entry, index + 1)
    entries.push(entry)
  })
  // Newest first.
  const r = (x: HistoryEntry) => rank.get(x) ?? 0
  return entries.sort((a, b) => b.at.localeCompare(a.at) || (b.version ?? 0) - (a.version ?? 0) || r(b) - r(a))
}

const eventKinds: Record<string, HistoryEntry['kind']> = {
  'challenge.published': 'published',
  'challenge.unpublished': 'unpublished',
  'challenge.call_linked': 'call_linked',
  'challenge.call_unlinked': 'call_unlinked',
  'challenge.use_cases_linked': 'use_cases_linked',
  'challenge.use_case_unlinked': 'use_case_unlinked',
}

const fieldOrder: readonly HistoryField[] = [
  'domain',
  'code',
  'slug',
  'title',
  'summary',
  'problem',
  'expectedOutcome',
  'requirements',
  'testBed',
  'data',
  'validation',
  'trl',
  'language',
  'tags',
]

function orderChanges(changes: FieldChange[]): FieldChange[] {
  return [...changes].sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field))
}
