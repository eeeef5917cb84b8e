/**
 * `cascade match`: ranks a JSON-lines corpus for each line of a JSON-lines query file with the
 * matching engine, and writes one JSON line per query as soon as it is ranked.
 */
import { statSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import {
  DEFAULT_COVERAGE,
  detectTextLanguage,
  type EngineDocument,
  type EngineLanguage,
  isEngineLanguage,
  MatchIndex,
  search,
} from '../engine/index.ts'
import { corpusDocument, InputError, jsonLines, queryLine } from './jsonl.ts'

export const MATCH_USAGE = `Usage: npm run cascade -- match --corpus <corpus.jsonl> --queries <queries.jsonl> [--k 50] [options] > ranked.jsonl

  --corpus <file>      one document per line: {"id", "text", "lang"?, "tags"?, "country"?, "type"?}
  --queries <file>     (- for standard input) one query per line: {"id", "text", "lang"?, "tags"?, "exclude"?: [ids]}
                       (optional hard filters: "types", "countries", "excludeCountries": arrays)
  --k <n>              results per query (default 10)
  --tag-weight <w>     weight of the tag overlap against text relevance (default 0.5)
  --lang <code>        language of texts that declare none (default: the corpus's most common detected
                       language, else en)
  --coverage <γ>       exponent of the coverage factor, the share of a document's words the query
                       covers (default 0.5; 0 for plain BM25)
  --explain            add each result's explanation (shared words and tags)
  --no-background      do not read the queries file twice: its first reading learns which query words
                       are common to all queries (they then count less); skipped for a pipe

Writes one line per query, in the queries' order: {"query": id, "ranked": [{"id", "score"}]}.
Exit codes: 0 done · 1 unreadable or invalid input (file:line on stderr) · 2 usage error`

export class UsageError extends Error {}

interface MatchArgs {
  corpus: string
  queries: string
  k: number
  tagWeight: number
  coverage: number
  lang: EngineLanguage | null
  explain: boolean
  background: boolean
}

export function parseMatchArgs(argv: string[]): MatchArgs {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        queries: { type: 'string' },
        k: { type: 'string' },
        'tag-weight': { type: 'string' },
        coverage: { type: 'string' },
        lang: { type: 'string' },
        explain: { type: 'boolean' },
        'no-background': { type: 'boolean' },
      },
      allowPositionals: false,
      strict: true,
    }))
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const corpus = values.corpus
  const queries = values.queries
  if (typeof corpus !== 'string' || corpus === '') throw new UsageError('--corpus <file> is required')
  if (typeof queries !== 'string' || queries === '') throw new UsageError('--queries <file> is required')
  if (corpus === '-' && queries === '-') throw new UsageError('--corpus and --queries cannot both be standard input')
  const kText = typeof values.k === 'string' ? values.k : '10'
  if (!/^\d+$/.test(kText) || Number(kText) < 1 || Number(kText) > 100_000) {
    throw new UsageError(`--k must be a whole number from 1 to 100000, not "${kText}"`)
  }
  const twText = typeof values['tag-weight'] === 'string' ? values['tag-weight'] : '0.5'
  const tagWeight = Number(twText)
  if (twText.trim() === '' || !Number.isFinite(tagWeight) || tagWeight < 0) {
    throw new UsageError(`--tag-weight must be a number ≥ 0, not "${twText}"`)
  }
  const cvText = typeof values.coverage === 'string' ? values.coverage : String(DEFAULT_COVERAGE)
  const coverage = Number(cvText)
  if (cvText.trim() === '' || !Number.isFinite(coverage) || coverage < 0) {
    throw new UsageError(`--coverage must be a number ≥ 0, not "${cvText}"`)
  }
  const lang = typeof values.lang === 'string' ? values.lang : null
  if (lang !== null && !isEngineLanguage(lang)) throw new UsageError(`--lang: unknown language "${lang}"`)
  return {
    corpus,
    queries,
    k: Number(kText),
    tagWeight,
    coverage,
    lang,
    explain: values.explain === true,
    background: values['no-background'] !== true,
  }
}

/** Writes a chunk, waiting when the stream asks to (a slow reader of stdout is not flooded). */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve))
}

type Id = string | number

/** Reads and indexes the corpus: languages are detected once per document, the most common one is the default. */
export async function loadCorpus(
  path: string,
  lang: EngineLanguage | null,
  warn: (message: string) => void,
): Promise<MatchIndex<Id>> {
  const docs: EngineDocument<Id>[] = []
  const lineOf = new Map<string, number>()
  const counts = new Map<EngineLanguage, number>()
  const undecided: EngineDocument<Id>[] = []
  for await (const { value, line } of jsonLines(path)) {
    const doc = corpusDocument(value, `${path}:${line}`)
    const before = lineOf.get(doc.id)
    if (before !== undefined)
      warn(`${path}:${line}: id ${JSON.stringify(doc.id)} again (line ${before}); the last one counts`)
    lineOf.set(doc.id, line)
    if (doc.lang != null && doc.lang !== '' && !isEngineLanguage(doc.lang)) {
      warn(`${path}:${line}: unknown language "${doc.lang}"; the detected or default language is used`)
    }
    if (!isEngineLanguage(doc.lang)) {
      const detected = lang ?? detectTextLanguage(doc.text ?? '')
      if (detected) doc.lang = detected
      else undecided.push(doc)
    }
    if (isEngineLanguage(doc.lang)) counts.set(doc.lang, (counts.get(doc.lang) ?? 0) + 1)
    docs.push(doc)
  }
  const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  const defaultLang = lang ?? majority ?? 'en'
  for (const doc of undecided) doc.lang = defaultLang
  const index = new MatchIndex<Id>({ defaultLang, keepSource: false })
  for (const doc of docs) index.upsert(doc)
  return index
}

export async function runMatch(argv: string[], out: Writable, err: Writable): Promise<number> {
  let args: MatchArgs
  try {
    args = parseMatchArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    err.write(`cascade match: ${e.message}\n\n${MATCH_USAGE}\n`)
    return 2
  }
  const warn = (m: string) => err.write(`cascade match: ${m}\n`)
  try {
    const started = performance.now()
    const index = await loadCorpus(args.corpus, args.lang, warn)
    const rereadable = args.queries !== '-' && (statSync(args.queries, { throwIfNoEntry: false })?.isFile() ?? false)
    if (args.background && !rereadable)
      warn(`${args.queries} is not a file that can be read twice: no background statistics`)
    if (args.background && rereadable) {
      for await (const { value, line } of jsonLines(args.queries)) {
        const { query } = queryLine(value, `${args.queries}:${line}`)
        if (query.text) index.learnBackground([{ text: query.text, lang: query.lang ?? args.lang }])
      }
    }
    warn(`indexed ${index.size} documents in ${Math.round(performance.now() - started)} ms`)
    let n = 0
    for await (const { value, line } of jsonLines(args.queries)) {
      const { id, query } = queryLine(value, `${args.queries}:${line}`)
      if (!query.lang && args.lang) query.lang = args.lang
      const ranked = search(index, query, {
        k: args.k,
        tagWeight: args.tagWeight,
        coverage: args.coverage,
        explain: args.explain,
      }).map((r) => ({
        id: index.get(r.id)?.data ?? r.id,
        score: round(r.score),
        ...(r.explanation ? { explanation: r.explanation } : {}),
      }))
      await write(out, `${JSON.stringify({ query: id, ranked })}\n`)
      n++
    }
    warn(`ranked ${n} queries in ${Math.round(performance.now() - started)} ms`)
    return 0
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    err.write(`cascade match: ${e.message}\n`)
    return 1
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6
}
