// `npm run eval:assignment -- --data ../shared/data/reviewer-assignment`
// Runs the expert-assignment optimiser on the real reviewer-assignment instances of that folder (k and the maximum
// load as given, conflicts excluded, no panel rules) and compares each total similarity with the optimum in the
// folder's README (its "optimum total similarity" table, read at run time). Each assignment is checked by the
// independent checker. Prints a table on stderr and, last, one JSON line on stdout.
// Exit codes: 0 every optimum met within 1e-6 and every assignment feasible · 1 otherwise · 2 usage error.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { assignExperts, checkAssignment } from '../server/modules/evaluation/assignment/index.ts'
import type { AssignmentInput } from '../server/modules/evaluation/assignment/types.ts'

const USAGE = 'Usage: npm run eval:assignment -- --data ../shared/data/reviewer-assignment'
let data: string | undefined
try {
  ;({
    values: { data },
  } = parseArgs({ options: { data: { type: 'string' } }, strict: true }))
} catch (err) {
  console.error(`eval:assignment: ${(err as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (!data) {
  console.error(`eval:assignment: --data <folder> is required\n${USAGE}`)
  process.exit(2)
}

/** The README's table of optima: rows "| name [(note)] | number | greedy |". */
function readOptima(readme: string): Map<string, number> {
  const optima = new Map<string, number>()
  for (const line of readme.split('\n')) {
    const m = /^\|\s*([a-z0-9_]+)(?:\s*\([^|]*\))?\s*\|\s*([0-9]+(?:\.[0-9]+)?)\s*\|/.exec(line)
    if (m) optima.set(m[1]!, Number(m[2]))
  }
  return optima
}

interface Instance {
  name: string
  reviewersPerPaper: number
  maxPapersPerReviewer: number
  numPapers: number
  numReviewers: number
  similarity: number[][]
  conflicts?: [number, number][]
}

const optima = readOptima(readFileSync(join(data, 'README.md'), 'utf8'))
const folder = join(data, 'assignment-instances')
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
if (files.length === 0 || optima.size === 0) {
  console.error(`eval:assignment: no instances or no optimum table in ${data}`)
  process.exit(2)
}

const rows: Record<string, unknown>[] = []
let allOk = true
console.error('instance          papers×reviewers  k/l   total similarity   known optimum   diff        feasible  time')
for (const file of files) {
  const inst = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Instance
  const input: AssignmentInput = {
    applications: Array.from({ length: inst.numPapers }, (_, p) => ({ id: `p${p}`, k: inst.reviewersPerPaper })),
    experts: Array.from({ length: inst.numReviewers }, (_, r) => ({
      id: `r${r}`,
      maxLoad: inst.maxPapersPerReviewer,
      kind: 'technical' as const,
    })),
    affinity: { kind: 'dense', rows: inst.similarity },
    conflicts: (inst.conflicts ?? []).map(([p, r]) => ({ application: `p${p}`, expert: `r${r}` })),
  }
  const t0 = performance.now()
  const result = await assignExperts(input)
  const timeMs = performance.now() - t0
  const check = checkAssignment(input, result.pairs)
  const known = optima.get(inst.name)
  const diff = known === undefined ? Number.NaN : check.total - known
  const ok =
    known !== undefined &&
    Math.abs(diff) <= 1e-6 &&
    Math.abs(check.total - result.objective) <= 1e-6 &&
    check.violations.length === 0 &&
    result.optimal
  allOk &&= ok
  console.error(
    `${inst.name.padEnd(18)}${`${inst.numPapers}×${inst.numReviewers}`.padEnd(18)}${`${inst.reviewersPerPaper}/${inst.maxPapersPerReviewer}`.padEnd(6)}` +
      `${check.total.toFixed(6).padStart(16)}   ${(known?.toFixed(6) ?? '–').padStart(13)}   ${diff.toExponential(1).padEnd(10)}  ` +
      `${check.violations.length === 0 ? 'yes' : `NO (${check.violations.length})`}`.padEnd(10) +
      `${(timeMs / 1000).toFixed(2)} s`,
  )
  rows.push({
    instance: inst.name,
    papers: inst.numPapers,
    reviewers: inst.numReviewers,
    k: inst.reviewersPerPaper,
    max_load: inst.maxPapersPerReviewer,
    conflicts: inst.conflicts?.length ?? 0,
    total: Number(check.total.toFixed(9)),
    optimum: known ?? null,
    diff: Number(diff.toExponential(3)),
    feasible: check.violations.length === 0,
    proven_optimal: result.optimal,
    method: result.method,
    time_ms: Math.round(timeMs),
  })
}
console.log(JSON.stringify({ eval: 'assignment', all_optimal: allOk, tolerance: 1e-6, instances: rows }))
process.exit(allOk ? 0 : 1)
