// `npm run eval:matching -- --data <folder> [--projects h2020|fp7] [--no-constraints]`
// Evaluates the matching engine on real data with its own ground truth, next to two baselines computed
// in the same run (plain word overlap; BM25 without stemming): Recall@1, @5, @10 and MRR. Prints a
// table on stderr and, last, one JSON line on stdout. Folders it recognises (see eval-matching/datasets.ts):
//   ../shared/data/cordis-security-research   project objectives → security topic catalogue
//   ../shared/data/horizon-europe-topics      HE Cluster 3 projects (EuroSciVoc) → HE topic catalogue
//   ../shared/data/reviewer-assignment        reviewers' own papers → submissions, against declared expertise
//                                             (wrongly ordered pairs instead of Recall/MRR; eval-matching/expertise.ts)
// Exit codes: 0 done · 2 usage error or a folder it does not recognise.
import { parseArgs } from 'node:util'
import { cordisSet, type EvalSet, horizonSet, recognise } from './eval-matching/datasets.ts'
import { evaluateExpertise } from './eval-matching/expertise.ts'
import { DEPTH, evaluate } from './eval-matching/run.ts'

const USAGE = `Usage: npm run eval:matching -- --data <folder> [--projects h2020|fp7] [--no-constraints]

  --data <folder>     ../shared/data/cordis-security-research, ../shared/data/horizon-europe-topics or
                      ../shared/data/reviewer-assignment (its gold-standard expertise ratings)
  --projects <set>    cordis only: the queries are the H2020 SC7 projects (default) or the FP7-SECURITY ones
  --no-constraints    rank over the whole catalogue (else only topics of the project's framework programme
                      or cluster)`

function usage(message: string): never {
  console.error(`eval:matching: ${message}\n\n${USAGE}`)
  process.exit(2)
}

let values: { data?: string; projects?: string; 'no-constraints'?: boolean }
try {
  ;({ values } = parseArgs({
    options: { data: { type: 'string' }, projects: { type: 'string' }, 'no-constraints': { type: 'boolean' } },
    strict: true,
  }))
} catch (err) {
  usage((err as Error).message)
}
if (!values.data) usage('--data <folder> is required')
const projects = values.projects ?? 'h2020'
if (projects !== 'h2020' && projects !== 'fp7') usage(`--projects must be h2020 or fp7, not "${projects}"`)
const kind = recognise(values.data)
if (!kind) usage(`${values.data}: no security_topics.csv, he_topics_catalogue.csv or goldstandard-expertise/ there`)
const constraints = !values['no-constraints']

if (kind === 'expertise') {
  const r = evaluateExpertise(values.data)
  console.error(
    `reviewers' papers → submissions: ${r.pairs} pairs of rated papers with different expertise, ${r.ms} ms\n`,
  )
  console.error(`${'method (lower is better)'.padEnd(38)} ${'discordant'.padStart(10)} ${'weighted'.padStart(9)}`)
  const lines = [
    ['ours', r.ours],
    ['baseline: word overlap', r.baselines.wordOverlap],
    ['baseline: BM25 without stemming', r.baselines.bm25NoStemming],
    ['ablation: no background, no coverage', r.ablations.oursNoBackgroundNoCoverage],
  ] as const
  for (const [name, m] of lines) {
    console.error(`${name.padEnd(38)} ${m.discordant.toFixed(3).padStart(10)} ${m.weighted.toFixed(3).padStart(9)}`)
  }
  console.log(JSON.stringify({ eval: 'matching', data: 'reviewer-assignment/goldstandard-expertise', ...r }))
  process.exit(0)
}

const set: EvalSet = kind === 'cordis' ? cordisSet(values.data, projects) : horizonSet(values.data)
const result = evaluate(set, constraints)

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7)
const rows = [
  ['ours (BM25F, stemmed)', result.ours],
  ['baseline: word overlap', result.baselines.wordOverlap],
  ['baseline: BM25 without stemming', result.baselines.bm25NoStemming],
  ['ablation: ours without stemming', result.ablations.oursNoStemming],
  ['ablation: ours on one field', result.ablations.oursOneField],
  ['ablation: no background, no coverage', result.ablations.oursNoBackgroundNoCoverage],
] as const
console.error(`${set.description}`)
console.error(
  `${set.queries.length} queries (${set.skipped} without an answer in the catalogue or without text), ` +
    `${set.docs.length} documents, constraint ${constraints ? 'on' : 'off'}, ${result.ms} ms\n`,
)
console.error(
  `${'method'.padEnd(34)} ${'R@1'.padStart(7)} ${'R@5'.padStart(7)} ${'R@10'.padStart(7)} ${'MRR'.padStart(7)}`,
)
for (const [name, m] of rows) {
  console.error(
    `${name.padEnd(34)} ${pct(m.recall1)} ${pct(m.recall5)} ${pct(m.recall10)} ${m.mrr.toFixed(3).padStart(7)}`,
  )
}
console.log(
  JSON.stringify({
    eval: 'matching',
    data: set.name,
    queries: set.queries.length,
    documents: set.docs.length,
    constraints,
    mrrDepth: DEPTH,
    ...result,
  }),
)
