// Proves that the use-case exports open in LibreOffice, as a person would open them:
//   npm exec -- node scripts/check-exports-libreoffice.ts
// Not part of `npm test` (it needs LibreOffice: `apt-get install -y --no-install-recommends libreoffice-calc`).
//
// It starts the real server on a fresh in-memory PGlite with the demo seed, signs in as the demo operator,
// downloads the use cases as XLSX and CSV (in English and in French) through the HTTP API, and has LibreOffice
// convert them headless: XLSX → CSV (once as shown, once as raw values, which turns a real date cell into a
// serial number) and CSV → XLSX. It checks the headers, the row count and order, every accented name, and a
// date cell against what the JSON API says, prints a short report and exits non-zero on any mismatch.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { parseCsv } from '../server/platform/export/read.ts'
import { translate } from '../server/platform/i18n/index.ts'
import { DEMO_PASSWORD } from '../server/seed/index.ts'
import type { Locale } from '../shared/contracts/common.ts'
import { exportColumnKeys } from '../shared/contracts/transfer.ts'
import { exited, startServer } from '../tests/support/process.ts'

const soffice = process.env.SOFFICE ?? 'soffice'
const failures: string[] = []
const lines: string[] = []
const report = (s: string) => {
  lines.push(s)
  console.log(s)
}
function check(ok: boolean, what: string, detail = ''): void {
  report(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`)
  if (!ok) failures.push(what)
}

try {
  report(`LibreOffice: ${execFileSync(soffice, ['--version'], { encoding: 'utf8' }).trim()}`)
} catch {
  console.error(
    `LibreOffice (${soffice}) is not installed: apt-get install -y --no-install-recommends libreoffice-calc`,
  )
  process.exit(2)
}

const work = mkdtempSync(join(tmpdir(), 'cascade-lo-'))
const profile = `file://${join(work, 'profile')}`
/** Runs LibreOffice headless with a profile of its own (no clash with another running instance). */
function convert(file: string, to: string, outDir: string, infilter?: string): string {
  mkdirSync(outDir, { recursive: true })
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore']
  if (infilter) args.push(`--infilter=${infilter}`)
  execFileSync(soffice, [...args, '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: 180_000 })
  const base = file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '')
  const out = readdirSync(outDir).find((f) => f.startsWith(`${base}.`))
  if (!out) throw new Error(`LibreOffice did not convert ${file} to ${to}`)
  return join(outDir, out)
}
/** CSV as LibreOffice wrote it, read as strict UTF-8 (a byte that is not UTF-8 throws). */
function readUtf8Csv(file: string): string[][] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file))
  return parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c !== ''))
}

const server = await startServer({
  DATABASE_URL: 'memory://',
  SEED_DEMO: 'true',
  AUTH_SECRET: 'libreoffice-check-secret-0123456789-abcdef',
  LOG_LEVEL: 'warn',
})
try {
  const base = server.url
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'operator@securit.demo', password: DEMO_PASSWORD }),
  })
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`)
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } })
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
    return res
  }

  type Item = { reference: string; title: string; organisation: { name: string }; createdAt: string }
  const list = (await (await get('/api/v1/use-cases?pageSize=100')).json()) as { items: Item[]; total: number }
  const expected = list.items
  const accented = expected.filter((u) => /[^\x20-\x7e]/.test(u.title + u.organisation.name))
  report(`Server: ${base} (in-memory PGlite, demo seed); the operator sees ${list.total} use cases through the API.`)
  if (list.total > 100 || list.total === 0) failures.push(`unexpected number of use cases: ${list.total}`)
  if (accented.length === 0) failures.push('the demo seed has no accented use-case title or organisation name')
  const utc = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 19)

  /** Checks a table (header first) against the API's list. `date` reads a row's "Created" cell as a UTC instant. */
  function checkTable(rows: string[][], lang: Locale, what: string, date: (cell: string) => string | null): void {
    const header = exportColumnKeys.map((k) => translate(lang, `useCaseTransfer.export.columns.${k}`))
    const col = (k: (typeof exportColumnKeys)[number]) => exportColumnKeys.indexOf(k)
    check(JSON.stringify(rows[0]) === JSON.stringify(header), `${what}: headers`, rows[0]?.join(' | '))
    const data = rows.slice(1)
    check(data.length === expected.length, `${what}: row count`, `${data.length} rows, API says ${expected.length}`)
    const refs = data.map((r) => r[col('reference')])
    check(
      JSON.stringify(refs) === JSON.stringify(expected.map((u) => u.reference)),
      `${what}: rows in the list's order`,
    )
    const broken = accented.filter((u) => {
      const r = data.find((x) => x[col('reference')] === u.reference)
      return !r || r[col('title')] !== u.title || r[col('organisation')] !== u.organisation.name
    })
    const sample = accented.find((u) => /[^\x20-\x7e]/.test(u.organisation.name)) ?? accented[0]
    check(
      broken.length === 0,
      `${what}: accented names intact`,
      broken.length
        ? `broken: ${broken.map((u) => u.reference).join(', ')}`
        : `${accented.length} rows, e.g. “${sample?.organisation.name}” / “${sample?.title}”`,
    )
    const first = data[0]
    const got = first ? date(first[col('created')] ?? '') : null
    check(
      got === (expected[0] ? utc(expected[0].createdAt) : null),
      `${what}: date cell`,
      `${first?.[col('reference')]} created ${first?.[col('created')]} → ${got}, API ${expected[0]?.createdAt}`,
    )
  }

  for (const lang of ['en', 'fr'] as const) {
    report(`\nExport in ${lang === 'en' ? 'English' : 'French'}:`)
    const dir = join(work, lang)
    mkdirSync(dir, { recursive: true })
    const xlsx = join(dir, `use-cases-${lang}.xlsx`)
    const csv = join(dir, `use-cases-${lang}.csv`)
    writeFileSync(xlsx, Buffer.from(await (await get(`/api/v1/use-cases/export.xlsx?lang=${lang}`)).arrayBuffer()))
    writeFileSync(csv, Buffer.from(await (await get(`/api/v1/use-cases/export.csv?lang=${lang}`)).arrayBuffer()))

    // XLSX → CSV, as shown: the date cell shows with its format (yyyy-mm-dd hh:mm:ss, UTC).
    const shown = convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', join(dir, 'shown'))
    checkTable(readUtf8Csv(shown), lang, `XLSX → CSV by LibreOffice (as shown)`, (cell) =>
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(cell) ? cell : null,
    )
    // XLSX → flat ODF: LibreOffice's own reading of the cells. A real date cell is office:value-type="date".
    const fods = readFileSync(convert(xlsx, 'fods', join(dir, 'fods')), 'utf8')
    const dateCells = [...fods.matchAll(/office:value-type="date" office:date-value="([^"]+)"/g)].map((m) => m[1]!)
    const created = expected[0] ? utc(expected[0].createdAt).replace(' ', 'T') : ''
    check(
      dateCells.includes(created) && dateCells.length >= expected.length * 2,
      'XLSX in LibreOffice: dates are date cells',
      `${dateCells.length} date cells (created, updated, submitted), ${expected[0]?.reference} created = ${created}`,
    )
    // Our CSV as it is: ISO 8601 dates in UTC.
    checkTable(readUtf8Csv(csv), lang, 'CSV from the API', (cell) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(cell) ? utc(cell) : null,
    )
    // CSV → XLSX by LibreOffice, reading it as UTF-8 — what its Text Import dialog preselects on seeing the
    // byte-order mark. (Headless, there is no dialog, and without this option LibreOffice reads the file in the
    // system's legacy encoding: that case is reported below, not counted.)
    const reopened = convert(csv, 'xlsx', join(dir, 'from-csv'), 'CSV:44,34,76,1')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(reopened) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const rows: string[][] = []
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = []
      for (let c = 1; c <= exportColumnKeys.length; c++) {
        const v = row.getCell(c).value
        cells.push(v instanceof Date ? v.toISOString().replace(/\.000Z$/, 'Z') : v === null ? '' : String(v))
      }
      rows.push(cells)
    })
    checkTable(rows, lang, 'CSV → XLSX by LibreOffice (UTF-8)', (cell) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(cell) ? utc(cell) : null,
    )
    if (lang === 'fr') {
      const plain = convert(csv, 'csv:Text - txt - csv (StarCalc):44,34,76,1', join(dir, 'plain'))
      const header = readFileSync(plain, 'utf8').split(/\r?\n/)[0] ?? ''
      report(`  note headless import without a character set (no dialog): the header reads “${header.slice(0, 40)}…”`)
    }
  }
} catch (err) {
  failures.push(String(err))
  console.error(err)
} finally {
  server.child.kill('SIGTERM')
  await exited(server.child)
  rmSync(work, { recursive: true, force: true })
}

report(
  failures.length === 0
    ? '\nAll checks passed: the exports open in LibreOffice with the right columns, rows, accents and dates.'
    : `\n${failures.length} check(s) failed: ${failures.join('; ')}`,
)
process.exit(failures.length === 0 ? 0 : 1)
