// The brokerage-event scheduler at scale: generates an event from a seed (bench/scheduling-data.ts), schedules every
// accepted request centrally, checks the schedule against the rules independently, and prints ONE JSON line:
// meetings scheduled, their total weight, the upper bound and its kind, the ratio, the time and the peak memory.
//   npm run bench:scheduling
//   npm run bench:scheduling -- --participants 2000 --requests 10000 --slots 16 --tables 200 --seed 1
// Progress goes to stderr; time_ms covers the scheduler only (checking, indexing, greedy, LP bound and rounding),
// not the generation of the event.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { checkSchedule } from '../server/modules/matchmaking/scheduler/check.ts'
import { scheduleMeetings } from '../server/modules/matchmaking/scheduler/index.ts'
import { generateEvent } from './scheduling-data.ts'

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '10000' },
    slots: { type: 'string', default: '16' },
    tables: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    quiet: { type: 'boolean', default: false },
  },
})
const size = {
  participants: Number(values.participants),
  requests: Number(values.requests),
  slots: Number(values.slots),
  tables: Number(values.tables),
  seed: Number(values.seed),
}
const load = loadavg()[0]!
const input = generateEvent(size)
const log = (s: string) => values.quiet || process.stderr.write(`${s}\n`)
log(`scheduling bench · ${JSON.stringify(size)} · load average ${load.toFixed(2)}`)

const result = await scheduleMeetings(input, {
  onProgress: (p) =>
    log(
      `  ${p.phase.padEnd(8)} ${(p.elapsedMs / 1000).toFixed(2).padStart(6)} s` +
        (p.objective !== undefined ? `  weight ${p.objective}` : '') +
        (p.upperBound !== undefined ? `  bound ${p.upperBound.toFixed(3)}` : ''),
    ),
})
const violations = checkSchedule(input, result.meetings)
if (violations.length > 0) {
  console.error(`The schedule breaks ${violations.length} rules, first: ${JSON.stringify(violations[0])}`)
  process.exit(1)
}
const reasons: Record<string, number> = {}
for (const u of result.unscheduled) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1
log(`  unscheduled: ${JSON.stringify(reasons)}`)

console.log(
  JSON.stringify({
    participants: size.participants,
    requests: size.requests,
    slots: size.slots,
    tables: size.tables,
    scheduled: result.meetings.length,
    weight: result.objective,
    upper_bound: Number(result.upperBound.toFixed(6)),
    bound_kind: result.boundKind,
    ratio: Number(result.ratio.toFixed(6)),
    time_ms: result.timeMs,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    seed: size.seed,
    method: result.method,
    load_avg: Number(load.toFixed(2)),
  }),
)
