// `npm test [unit|integration|e2e]`: runs the test layers with node:test.
//   unit         pure logic next to the code (server/**, shared/**, web/**)
//   integration  the HTTP API in-process against a real database (PGlite; PostgreSQL with TEST_DATABASE_URL)
//   e2e          journeys in Chromium through playwright-core, axe-core on every page
// With no argument, all three run in one node:test invocation (one summary).
import { spawnSync } from 'node:child_process'
import { globSync } from 'node:fs'
import { HOW_TO_INSTALL, resolveChromium } from '../tests/support/browser.ts'
import { buildIfStale } from './build-if-stale.ts'

const layers = {
  unit: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts'],
  integration: ['tests/integration/**/*.test.ts'],
  e2e: ['tests/e2e/**/*.test.ts'],
} as const
type Layer = keyof typeof layers

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const extra = process.argv.slice(2).filter((a) => a.startsWith('-'))
for (const a of asked) {
  if (!(a in layers)) {
    console.error(`Unknown test layer "${a}". Use: unit, integration, e2e.`)
    process.exit(2)
  }
}
const chosen = (asked.length ? asked : Object.keys(layers)) as Layer[]

if (chosen.includes('e2e') || chosen.includes('integration')) buildIfStale()
if (chosen.includes('e2e')) {
  const browser = await resolveChromium()
  if (!browser) {
    console.error(HOW_TO_INSTALL)
    process.exit(1)
  }
  console.log(`End-to-end tests use Chromium from ${browser.source}: ${browser.executablePath}`)
}

const files = chosen.flatMap((l) =>
  layers[l].flatMap((g) => globSync(g, { exclude: (f) => f.includes('node_modules') })),
)
if (files.length === 0) {
  console.error('No test files found.')
  process.exit(1)
}
const db = process.env.TEST_DATABASE_URL ? `PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host})` : 'PGlite'
console.log(`Running ${files.length} test files (${chosen.join(', ')}) on ${db}`)
const res = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...extra, ...files.sort()], {
  stdio: 'inherit',
})
process.exit(res.status ?? 1)
