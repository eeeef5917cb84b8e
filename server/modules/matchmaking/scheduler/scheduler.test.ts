import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DomainError } from '../../../platform/errors.ts'
import { checkSchedule } from './check.ts'
import { type SchedulingInput, type SchedulingResult, scheduleMeetings, scheduleMeetingsInWorker } from './index.ts'

function rng(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n) }
}

interface Size {
  participants: number
  slots: number
  requests: number
  tables: number
  fixed: number
}

function randomEvent(seed: number, size: Size): SchedulingInput {
  const r = rng(seed)
  const slots = Array.from({ length: size.slots }, (_, i) => ({ id: `s${i}`, tables: r.int(size.tables + 1) }))
  const participants = Array.from({ length: size.participants }, (_, i) => ({
    id: `p${i}`,
    slots: slots.filter(() => r.next() < 0.75).map((s) => s.id),
    maxMeetings: r.next() < 0.3 ? null : r.next() < 0.1 ? 0 : 1 + r.int(size.slots),
  }))
  const requests = Array.from({ length: size.requests }, (_, i) => {
    const a = r.int(size.participants)
    const b = (a + 1 + r.int(size.participants - 1)) % size.participants
    const weight = r.next() < 0.2 ? 0.5 + r.int(40) / 10 : 1 + r.int(3)
    return { id: `r${i}`, a: `p${a}`, b: `p${b}`, weight }
  })
  const fixed = []
  const used = new Set<number>()
  for (let k = 0; k < size.fixed && k < size.requests; k++) {
    const i = r.int(size.requests)
    if (used.has(i)) continue
    used.add(i)
    // Mostly a slot both can attend, sometimes any slot (an organiser's mistake).
    const q = requests[i]!
    const both = (p: string) => participants.find((x) => x.id === p)!.slots
    const common = slots.filter((s) => s.tables > 0 && both(q.a).includes(s.id) && both(q.b).includes(s.id))
    const slot = common.length > 0 && r.next() < 0.9 ? common[r.int(common.length)]! : slots[r.int(size.slots)]!
    fixed.push({
      request: `r${i}`,
      slot: slot.id,
      ...(r.next() < 0.5 ? { table: 1 + r.int(Math.max(1, slot.tables)) } : {}),
    })
  }
  return { participants, slots, requests, fixed }
}

/** The best total weight by trying every assignment (-Infinity when the fixed meetings cannot all hold). */
function bruteForce(input: SchedulingInput): number {
  const slotIx = new Map(input.slots.map((s, i) => [s.id, i]))
  const people = new Map(input.participants.map((p) => [p.id, p]))
  const S = input.slots.length
  const fixedOf = new Map((input.fixed ?? []).map((f) => [f.request, f]))
  const tablesUsed = new Map<string, number>()
  for (const f of input.fixed ?? []) {
    const s = input.slots[slotIx.get(f.slot)!]!
    if (f.table === undefined) continue
    const key = `${f.slot}/${f.table}`
    if (f.table > s.tables || tablesUsed.has(key)) return Number.NEGATIVE_INFINITY
    tablesUsed.set(key, 1)
  }
  const busy = new Set<string>()
  const load = new Array<number>(S).fill(0)
  const count = new Map<string, number>()
  const reqs = input.requests
  const suffix = new Array<number>(reqs.length + 1).fill(0)
  for (let i = reqs.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + (reqs[i]!.weight ?? 1)
  let best = Number.NEGATIVE_INFINITY
  const fits = (pid: string, s: number) => {
    const p = people.get(pid)!
    const max = p.maxMeetings ?? S
    return p.slots.includes(input.slots[s]!.id) && !busy.has(`${pid}/${s}`) && (count.get(pid) ?? 0) < max
  }
  const visit = (i: number, total: number) => {
    if (i === reqs.length) {
      best = Math.max(best, total)
      return
    }
    if (total + suffix[i]! <= best) return
    const q = reqs[i]!
    const f = fixedOf.get(q.id)
    const options = f ? [slotIx.get(f.slot)!] : [...Array(S).keys()]
    for (const s of options) {
      if (!fits(q.a, s) || !fits(q.b, s) || load[s]! >= input.slots[s]!.tables) continue
      busy.add(`${q.a}/${s}`)
      busy.add(`${q.b}/${s}`)
      load[s]!++
      count.set(q.a, (count.get(q.a) ?? 0) + 1)
      count.set(q.b, (count.get(q.b) ?? 0) + 1)
      visit(i + 1, total + (q.weight ?? 1))
      busy.delete(`${q.a}/${s}`)
      busy.delete(`${q.b}/${s}`)
      load[s]!--
      count.set(q.a, count.get(q.a)! - 1)
      count.set(q.b, count.get(q.b)! - 1)
    }
    if (!f) visit(i + 1, total)
  }
  visit(0, 0)
  return best
}

function assertValid(input: SchedulingInput, res: SchedulingResult) {
  assert.deepEqual(checkSchedule(input, res.meetings), [])
  const weights = new Map(input.requests.map((r) => [r.id, r.weight ?? 1]))
  const total = res.meetings.reduce((s, m) => s + weights.get(m.request)!, 0)
  assert.ok(Math.abs(total - res.objective) < 1e-9, 'objective is the weight of the meetings')
  assert.equal(res.meetings.length + res.unscheduled.length, input.requests.length)
  assert.ok(res.objective <= res.upperBound + 1e-9)
}

const tiny: Size = { participants: 5, slots: 3, requests: 8, tables: 2, fixed: 2 }

describe('brokerage scheduler', () => {
  it('finds the optimum of tiny events, as brute force does (LP rounding, integer programming where a gap is left)', async () => {
    let infeasible = 0
    for (let seed = 1; seed <= 60; seed++) {
      const input = randomEvent(seed, {
        ...tiny,
        participants: 3 + (seed % 4),
        requests: 4 + (seed % 6),
        fixed: seed % 3,
      })
      const opt = bruteForce(input)
      let res: SchedulingResult
      try {
        res = await scheduleMeetings(input)
      } catch (e) {
        assert.ok(e instanceof DomainError && e.code === 'schedule_fixed_infeasible', `seed ${seed}: ${e}`)
        assert.equal(opt, Number.NEGATIVE_INFINITY, `seed ${seed}: brute force keeps the fixed meetings`)
        infeasible++
        continue
      }
      assertValid(input, res)
      assert.ok(Math.abs(res.objective - opt) < 1e-9, `seed ${seed}: ${res.objective} vs optimum ${opt}`)
      assert.ok(Math.abs(res.upperBound - opt) < 1e-9, `seed ${seed}: the bound is proven tight`)
      assert.equal(res.ratio, 1)
    }
    assert.ok(infeasible > 0 && infeasible < 30, `some, not most, random fixed sets are infeasible (${infeasible})`)
  })

  it('without the exact solver, stays valid and between the optimum and its bounds (LP and counting)', async () => {
    // Measured over 327 tiny events (6 participants, 3 slots, 10 requests; seeds 1000-1399): LP rounding (simplex or
    // PDLP) found the optimum on all of them; greedy and local improvement alone on 319 (mean 99.7% of the optimum,
    // worst 75%), hence the LP on every event. Asserted below: the means over these 60 events.
    const variants = [
      { name: 'counting', options: { skipLp: true } },
      { name: 'simplex', options: { lpMethod: 'simplex' as const } },
      { name: 'pdlp', options: { lpMethod: 'pdlp' as const } },
    ]
    const sumRatio: Record<string, number> = {}
    let n = 0
    for (let seed = 100; n < 60 && seed < 400; seed++) {
      const input = randomEvent(seed, { ...tiny, requests: 9, fixed: 1 })
      const opt = bruteForce(input)
      if (opt === Number.NEGATIVE_INFINITY) continue
      n++
      for (const { name, options } of variants) {
        const res = await scheduleMeetings(input, { exactMaxVariables: 0, ...options })
        assertValid(input, res)
        assert.equal(res.method, 'heuristic')
        assert.ok(res.objective <= opt + 1e-9, `seed ${seed}: no schedule beats the optimum`)
        assert.ok(res.upperBound >= opt - 1e-9, `seed ${seed}: the ${res.boundKind} bound ${res.upperBound} < ${opt}`)
        if (name === 'counting' && res.upperBound > res.objective + 1e-9) assert.equal(res.boundKind, 'combinatorial')
        sumRatio[name] = (sumRatio[name] ?? 0) + (opt > 0 ? res.objective / opt : 1)
      }
    }
    assert.equal(n, 60)
    assert.ok(sumRatio.simplex! / n > 0.99, `mean ratio to the optimum with the simplex LP: ${sumRatio.simplex! / n}`)
    assert.ok(sumRatio.pdlp! / n > 0.98, `mean ratio to the optimum with the PDLP LP: ${sumRatio.pdlp! / n}`)
  })

  it('keeps every rule on larger random events, with fixed meetings and their tables', async () => {
    // Heuristic with the simplex LP; exact; heuristic with PDLP then simplex (the path of large events).
    for (const [seed, exactMaxVariables, pdlpMinVariables] of [
      [7, 0, 20_000],
      [8, 40_000, 20_000],
      [9, 0, 0],
    ] as const) {
      const input = randomEvent(seed, { participants: 120, slots: 8, requests: 600, tables: 25, fixed: 0 })
      // Fixed meetings chosen from a schedule, so they can all hold; one with its table, one without.
      const free = await scheduleMeetings(input, { exactMaxVariables: 0, skipLp: true })
      const [m1, m2] = free.meetings
      assert.ok(m1 && m2)
      const withFixed = {
        ...input,
        fixed: [
          { request: m1.request, slot: m1.slot, table: 3 },
          { request: m2.request, slot: m2.slot },
        ],
      }
      const res = await scheduleMeetings(withFixed, { exactMaxVariables, pdlpMinVariables, exactTimeLimitMs: 5000 })
      assertValid(withFixed, res)
      assert.ok(res.meetings.some((m) => m.request === m1.request && m.slot === m1.slot && m.table === 3 && m.fixed))
      assert.ok(res.meetings.some((m) => m.request === m2.request && m.slot === m2.slot && m.fixed))
      assert.ok(res.ratio >= 0.95, `seed ${seed}: ratio ${res.ratio} (${res.boundKind})`)
    }
  })

  it('proves the optimum by integer programming where the LP bound is loose (an odd cycle of requests)', async () => {
    const input: SchedulingInput = {
      slots: [{ id: 'only', tables: 3 }],
      participants: ['a', 'b', 'c'].map((id) => ({ id, slots: ['only'] })),
      requests: [
        { id: 'ab', a: 'a', b: 'b' },
        { id: 'bc', a: 'b', b: 'c' },
        { id: 'ca', a: 'c', b: 'a' },
      ],
    }
    const heuristic = await scheduleMeetings(input, { exactMaxVariables: 0 })
    assert.equal(heuristic.objective, 1)
    assert.equal(heuristic.boundKind, 'lp')
    assert.ok(Math.abs(heuristic.upperBound - 1.5) < 1e-6, 'each request half-scheduled satisfies the LP')
    const exact = await scheduleMeetings(input)
    assertValid(input, exact)
    assert.deepEqual([exact.objective, exact.upperBound, exact.boundKind, exact.method], [1, 1, 'exact', 'milp'])
  })

  it('says why a request is left out', async () => {
    const input: SchedulingInput = {
      slots: [
        { id: 'morning', tables: 1 },
        { id: 'noon', tables: 1 },
      ],
      participants: [
        { id: 'ana', slots: ['morning'] },
        { id: 'ben', slots: ['noon'] },
        { id: 'cem', slots: ['morning', 'noon'], maxMeetings: 1 },
        { id: 'dan', slots: ['morning', 'noon'] },
        { id: 'eva', slots: ['morning', 'noon'] },
        { id: 'fay', slots: ['morning', 'noon'] },
      ],
      requests: [
        { id: 'ana-ben', a: 'ana', b: 'ben', weight: 3 },
        { id: 'ana-cem', a: 'ana', b: 'cem', weight: 3 },
        { id: 'cem-dan', a: 'cem', b: 'dan', weight: 1 },
        { id: 'eva-fay', a: 'eva', b: 'fay', weight: 2 },
        { id: 'dan-eva', a: 'dan', b: 'eva', weight: 1 },
      ],
    }
    const res = await scheduleMeetings(input)
    assertValid(input, res)
    assert.equal(res.objective, 5)
    const why = Object.fromEntries(res.unscheduled.map((u) => [u.request, u]))
    assert.deepEqual(why['ana-ben'], { request: 'ana-ben', reason: 'no_common_slot' })
    assert.deepEqual(why['cem-dan'], { request: 'cem-dan', reason: 'max_meetings', participant: 'cem' })
    assert.equal(why['dan-eva']?.reason, 'no_free_slot')
  })

  it('refuses fixed meetings that cannot all be kept, naming each conflict', async () => {
    const input: SchedulingInput = {
      slots: [
        { id: 's1', tables: 1 },
        { id: 's2', tables: 2 },
      ],
      participants: [
        { id: 'a', slots: ['s1', 's2'], maxMeetings: 1 },
        { id: 'b', slots: ['s1', 's2'] },
        { id: 'c', slots: ['s2'] },
        { id: 'd', slots: ['s1', 's2'] },
      ],
      requests: [
        { id: 'ab', a: 'a', b: 'b' },
        { id: 'ac', a: 'a', b: 'c' },
        { id: 'bd', a: 'b', b: 'd' },
        { id: 'cd', a: 'c', b: 'd' },
      ],
      fixed: [
        { request: 'ab', slot: 's1' },
        { request: 'ac', slot: 's1' },
        { request: 'bd', slot: 's2', table: 3 },
        { request: 'cd', slot: 's2', table: 3 },
      ],
    }
    await assert.rejects(scheduleMeetings(input), (e: unknown) => {
      assert.ok(e instanceof DomainError)
      assert.equal(e.code, 'schedule_fixed_infeasible')
      assert.equal(e.status, 409)
      const kinds = (e.details.conflicts as { kind: string; request: string; participant?: string }[]).map(
        (c) => `${c.kind}:${c.request}${c.participant ? `:${c.participant}` : ''}`,
      )
      assert.deepEqual(kinds.sort(), [
        'max_meetings_exceeded:ac:a',
        'participant_double_booked:ac:a',
        'participant_double_booked:cd:d',
        'participant_unavailable:ac:c',
        'table_out_of_range:bd',
        'table_out_of_range:cd',
        'table_taken:cd',
        'tables_exceeded:ac',
      ])
      return true
    })
  })

  it('rejects unknown ids and meetings with oneself as validation errors', async () => {
    const input: SchedulingInput = {
      slots: [{ id: 's1', tables: 1 }],
      participants: [{ id: 'a', slots: ['s1', 'nope'] }],
      requests: [
        { id: 'r1', a: 'a', b: 'a' },
        { id: 'r2', a: 'a', b: 'ghost' },
      ],
    }
    await assert.rejects(scheduleMeetings(input), (e: unknown) => {
      assert.ok(e instanceof DomainError && e.code === 'validation_failed')
      assert.deepEqual(
        e.fieldErrors?.map((f) => `${f.path}:${f.code}`),
        ['participants[0].slots:unknown_slot', 'requests[0].b:same_participant', 'requests[1].b:unknown_participant'],
      )
      return true
    })
  })

  it('reports its progress phase by phase', async () => {
    const input = randomEvent(3, { participants: 60, slots: 6, requests: 250, tables: 10, fixed: 0 })
    const phases: string[] = []
    const res = await scheduleMeetings(input, { onProgress: (p) => phases.push(p.phase) })
    assert.equal(phases[0], 'validate')
    assert.equal(phases.at(-1), 'done')
    assert.ok(phases.includes('greedy'))
    assertValid(input, res)
  })

  it('runs in a worker thread with the same result, progress and errors', async () => {
    const input = randomEvent(21, { participants: 80, slots: 6, requests: 300, tables: 12, fixed: 0 })
    const phases: string[] = []
    const inWorker = await scheduleMeetingsInWorker(input, { onProgress: (p) => phases.push(p.phase) })
    const inProcess = await scheduleMeetings(input)
    assertValid(input, inWorker)
    // Small enough that no time limit cuts a phase short: the same schedule both ways.
    assert.deepEqual(inWorker.meetings, inProcess.meetings)
    assert.deepEqual([inWorker.objective, inWorker.upperBound], [inProcess.objective, inProcess.upperBound])
    assert.equal(phases[0], 'validate')
    assert.equal(phases.at(-1), 'done')
    const first = inProcess.meetings[0]!
    const clash = { ...input, fixed: [{ request: first.request, slot: first.slot, table: 99 }] }
    await assert.rejects(scheduleMeetingsInWorker(clash), (e: unknown) => {
      assert.ok(e instanceof DomainError && e.code === 'schedule_fixed_infeasible')
      assert.deepEqual(
        (e.details.conflicts as { kind: string }[]).map((c) => c.kind),
        ['table_out_of_range'],
      )
      return true
    })
  })
})
