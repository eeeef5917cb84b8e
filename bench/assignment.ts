// Expert assignment at scale: generates a call (bench/assignment-data.ts: 10,000 applications, 3,000 experts, k = 3,
// 1% of pairs in conflict, 20% of experts with a second country, all three panel rules), assigns exactly, checks the
// result with the independent checker, and prints ONE JSON line: objective, upper bound (LP), gap, whether
// optimality is proven, time and peak memory.
//   npm run bench:assignment
//   npm run bench:assignment -- --applications 2000 --experts 600 --seed 2
//   npm run bench:assignment -- --candidates 30      (candidates kept per application before pricing)
//   npm run bench:assignment -- --second-countries 0 (every expert with one country)
// Progress goes to stderr; time_ms (wall) and cpu_ms cover the optimiser only (not the generation nor the check).
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { assignExperts, checkAssignment } from '../server/modules/evaluation/assignment/index.ts'
import { generateAssignment } from './assignment-data.ts'

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '10000' },
    experts: { type: 'string', default: '3000' },
    k: { type: 'string', default: '3' },
    conflicts: { type: 'string', default: '0.01' },
    topics: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    'second-countries': { type: 'string', default: '0.2' },
    candidates: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
})
const size = {
  applications: Number(values.applications),
  experts: Number(values.experts),
  k: Number(values.k),
  conflictShare: Number(values.conflicts),
  topics: Number(values.topics),
  seed: Number(values.seed),
  secondCountryShare: Number(values['second-countries']),
}
const load = loadavg()[0]!
const log = (s: string) => values.quiet || process.stderr.write(`${s}\n`)
const input = generateAssignment(size)
log(
  `assignment bench · ${JSON.stringify(size)} · ${input.affinity.kind === 'sparse' ? input.affinity.value.length : 0} ` +
    `affinities > 0 · ${input.conflicts?.length} conflicts · load average ${load.toFixed(2)}`,
)
const cpu0 = process.cpuUsage()
const result = await assignExperts(input, {
  ...(values.candidates ? { candidatesPerApplication: Number(values.candidates) } : {}),
  onProgress: (p) =>
    log(
      `  ${p.phase.padEnd(8)} ${(p.elapsedMs / 1000).toFixed(2).padStart(7)} s` +
        (p.modelledPairs !== undefined ? `  pairs ${p.modelledPairs}` : '') +
        (p.objective !== undefined ? `  objective ${p.objective.toFixed(3)}` : '') +
        (p.upperBound !== undefined ? `  bound ${p.upperBound.toFixed(3)}` : ''),
    ),
})
const cpu = process.cpuUsage(cpu0)
const check = checkAssignment(input, result.pairs)
if (check.violations.length > 0) {
  console.error(`The assignment breaks ${check.violations.length} rules, first: ${JSON.stringify(check.violations[0])}`)
  process.exit(1)
}
const reasons: Record<string, number> = {}
for (const p of result.pairs) reasons[p.reason] = (reasons[p.reason] ?? 0) + 1
log(`  reasons: ${JSON.stringify(reasons)}`)
console.log(
  JSON.stringify({
    applications: size.applications,
    experts: size.experts,
    k: size.k,
    conflicts: input.conflicts?.length ?? 0,
    second_countries: input.experts.filter((x) => (x.countries?.length ?? 0) > 1).length,
    rules: 'practitioner,one_per_country,no_applicant_country',
    objective: Number(result.objective.toFixed(6)),
    checked_objective: Number(check.total.toFixed(6)),
    lp_bound: Number(result.upperBound.toFixed(6)),
    lp_gap: Number(result.lpGap.toExponential(3)),
    mip_gap: result.mipGap,
    optimal: result.optimal,
    method: result.method,
    allowed_pairs: result.allowedPairs,
    modelled_pairs: result.modelledPairs,
    rounds: result.rounds,
    time_ms: result.timeMs,
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    seed: size.seed,
    load_avg: Number(load.toFixed(2)),
  }),
)
