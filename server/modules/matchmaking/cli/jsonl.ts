/**
 * Reading the `match` command's JSON-lines inputs: one object per line, blank lines skipped, every
 * problem reported with its file and line number.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { EngineDocument, EngineQuery } from '../engine/index.ts'

export class InputError extends Error {}

type Id = string | number

/** Each non-blank line of a file ("-": standard input), parsed, with its line number. */
export async function* jsonLines(path: string): AsyncGenerator<{ value: unknown; line: number }> {
  let stream: NodeJS.ReadableStream
  if (path === '-') {
    process.stdin.setEncoding('utf8')
    stream = process.stdin
  } else {
    const file = createReadStream(path, { encoding: 'utf8' })
    await new Promise<void>((resolve, reject) => {
      file.once('open', () => resolve())
      file.once('error', (err) => reject(new InputError(`cannot read ${path}: ${err.message}`)))
    })
    stream = file
  }
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })
  let line = 0
  for await (const raw of lines) {
    line++
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
    if (text.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw new InputError(`${path}:${line}: not a JSON object`)
    }
    yield { value, line }
  }
}

function fail(where: string, message: string): never {
  throw new InputError(`${where}: ${message}`)
}

function id(o: Record<string, unknown>, where: string): Id {
  const v = o.id
  if (typeof v === 'string' && v !== '') return v
  if (typeof v === 'number' && Number.isFinite(v)) return v
  fail(where, '"id" must be a non-empty string or a number')
}

function optionalString(o: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = o[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') fail(where, `"${key}" must be a string`)
  return v
}

function optionalStrings(o: Record<string, unknown>, key: string, where: string): string[] | undefined {
  const v = o[key]
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
    fail(where, `"${key}" must be an array of strings`)
  }
  return v.map(String)
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'not a JSON object')
  return value as Record<string, unknown>
}

/** A corpus line: {"id", "text", "lang"?, "tags"?, "country"?, "type"?}. The original id is kept in `data`. */
export function corpusDocument(value: unknown, where: string): EngineDocument<Id> {
  const o = objectAt(value, where)
  const docId = id(o, where)
  const text = optionalString(o, 'text', where)
  const tags = optionalStrings(o, 'tags', where)
  if (text === undefined && !tags?.length) fail(where, 'a document needs "text" (or "tags")')
  return {
    id: String(docId),
    text: text ?? '',
    lang: optionalString(o, 'lang', where) ?? null,
    tags: tags ?? null,
    country: optionalString(o, 'country', where) ?? null,
    type: optionalString(o, 'type', where) ?? null,
    data: docId,
  }
}

/**
 * A query line: {"id", "text", "lang"?, "tags"?, "exclude"?: [ids]}, and optionally the hard filters
 * "types", "countries" and "excludeCountries" (arrays).
 */
export function queryLine(value: unknown, where: string): { id: Id; query: EngineQuery } {
  const o = objectAt(value, where)
  const queryId = id(o, where)
  const text = optionalString(o, 'text', where)
  const tags = optionalStrings(o, 'tags', where)
  if (text === undefined && !tags?.length) fail(where, 'a query needs "text" (or "tags")')
  return {
    id: queryId,
    query: {
      text: text ?? '',
      lang: optionalString(o, 'lang', where) ?? null,
      tags: tags ?? null,
      exclude: optionalStrings(o, 'exclude', where) ?? null,
      types: optionalStrings(o, 'types', where) ?? null,
      countries: optionalStrings(o, 'countries', where) ?? null,
      excludeCountries: optionalStrings(o, 'excludeCountries', where) ?? null,
    },
  }
}
