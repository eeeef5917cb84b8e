// `npm run receipt:verify -- <receipt.json> [--keys <keys.json> | --url <base url>] [--content <revision.json>] [--json]`
// Verifies a Cascade submission receipt offline: the Ed25519 signature over the canonical JSON
// (RFC 8785) of its payload, that its key is one of the platform's published keys, and, given the
// revision's content, that the content's SHA-256 is the receipt's digest.
// Exit codes: 0 valid (checked against the published keys); 1 invalid; 2 usage or unreadable input;
// 3 the signature matches the key embedded in the receipt, but that key was not checked against the
// published keys (no --keys/--url): compare the printed fingerprint with the one the programme publishes.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { keysOf, type PublishedKey, verifyReceipt } from '../server/platform/signing/verify-receipt.ts'

const USAGE = `Usage: npm run receipt:verify -- <receipt.json> [--keys <keys.json> | --url <base url>] [--content <revision.json>] [--json]

  <receipt.json>          the signed receipt (receipt-<reference>-r<revision>.json)
  --keys <keys.json>      the published keys, saved from <platform>/.well-known/cascade-receipt-keys.json
  --url <base url>        the platform's address: the keys are fetched from <url>/.well-known/cascade-receipt-keys.json
  --content <file.json>   the revision as downloaded (GET …/revisions/<n>) or its content: its digest is recomputed
  --json                  print the result as one JSON object

Exit codes: 0 valid · 1 invalid · 2 usage error · 3 signature valid but the key was not checked (no --keys or --url)`

function usage(message?: string): never {
  if (message) console.error(`receipt:verify: ${message}\n`)
  console.error(USAGE)
  process.exit(2)
}

function readJson(path: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    usage(`cannot read the ${what} ${path}: ${(err as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch {
    usage(`the ${what} ${path} is not JSON`)
  }
}

async function fetchKeys(base: string): Promise<{ keys: PublishedKey[]; source: string }> {
  let url: URL
  try {
    url = new URL('/.well-known/cascade-receipt-keys.json', base)
  } catch {
    usage(`--url ${base} is not an address`)
  }
  let res: Response
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(15_000) })
  } catch (err) {
    usage(`cannot fetch ${url.href}: ${(err as Error).message}`)
  }
  if (!res.ok) usage(`${url.href} answered ${res.status}`)
  const keys = keysOf(await res.json().catch(() => null))
  if (!keys) usage(`${url.href} is not a keys document`)
  return { keys, source: url.href }
}

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      keys: { type: 'string' },
      url: { type: 'string' },
      content: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
}
try {
  parsed = parse()
} catch (err) {
  usage((err as Error).message)
}
const { values: args, positionals } = parsed
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}
if (positionals.length !== 1) usage(positionals.length ? 'one receipt at a time' : 'which receipt?')
if (args.keys && args.url) usage('give --keys or --url, not both')

const receiptPath = positionals[0]!
const receipt = readJson(receiptPath, 'receipt')
let keys: PublishedKey[] | undefined
let keySource: string | null = null
if (args.keys) {
  const doc = keysOf(readJson(args.keys, 'keys file'))
  if (!doc) usage(`${args.keys} is not a keys document ({ "keys": [{ "keyId", "publicKey", … }] })`)
  keys = doc
  keySource = args.keys
} else if (args.url) {
  const fetched = await fetchKeys(args.url)
  keys = fetched.keys
  keySource = fetched.source
}
const content = args.content ? readJson(args.content, 'content file') : undefined

const result = verifyReceipt(receipt, { ...(keys ? { keys } : {}), ...(content !== undefined ? { content } : {}) })
const exitCode = result.verdict === 'valid' ? 0 : result.verdict === 'invalid' ? 1 : 3

if (args.json) {
  console.log(
    JSON.stringify({
      verdict: result.verdict,
      exitCode,
      receipt: receiptPath,
      keys: keySource,
      fingerprint: result.fingerprint,
      checks: result.checks,
    }),
  )
} else {
  const p = result.receipt?.payload
  const lines: string[] = []
  if (p) {
    lines.push(`Receipt ${p.reference} (${p.acronym || p.title || p.applicationId}), revision ${p.revision}`)
    lines.push(`  call ${p.callCode} v${p.callVersion} · submitted ${p.submittedAt} · deadline ${p.deadline}`)
    lines.push(`  digest ${p.digest}`)
    lines.push(`  key ${result.receipt?.keyId} · fingerprint (SHA-256) ${result.fingerprint}`)
  } else {
    lines.push(`File ${receiptPath}`)
  }
  if (keySource) lines.push(`  published keys from ${keySource}`)
  lines.push('')
  const mark = { pass: 'ok  ', fail: 'FAIL', skipped: '--  ' } as const
  for (const c of result.checks) lines.push(`  [${mark[c.status]}] ${c.name.padEnd(13)} ${c.detail}`)
  lines.push('')
  if (result.verdict === 'valid') {
    lines.push('VALID: the receipt was signed by a published key of the platform and has not been altered.')
  } else if (result.verdict === 'invalid') {
    lines.push('INVALID: this receipt must not be trusted (see the failed checks above).')
  } else {
    lines.push(
      'SIGNATURE VALID, KEY NOT VERIFIED: the receipt is intact for the key it carries, but that key was not checked',
      'against the published keys. Run again with --url <platform address> or --keys <keys.json>, or compare the',
      `fingerprint above with the one the programme publishes. (exit code 3)`,
    )
  }
  console.log(lines.join('\n'))
}
process.exit(exitCode)
