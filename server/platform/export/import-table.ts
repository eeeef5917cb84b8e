import { DomainError, fieldError } from '../errors.ts'
import type { ColumnMapping } from './mapping.ts'
import { type ReadTable, readTable, UnreadableFile } from './read.ts'

/**
 * The first step of every import (any module): an uploaded file (base64 in a JSON body, CSV or XLSX
 * recognised from its bytes) read into a header and numbered data rows, and a preview of its columns.
 * Errors: 413 `payload_too_large` over `maxBytes`; 400 on the field `file` (`unsupported_file_type`,
 * `unreadable_file`, `empty_file`, `too_many_rows`).
 */
export interface ImportTable extends ReadTable {
  header: string[]
  /** Non-blank data rows with their spreadsheet row number (the header is row 1). */
  data: { row: number; cells: string[] }[]
  /** The number of columns (the widest row). */
  width: number
}

export interface ImportColumn {
  index: number
  header: string
  /** The first non-empty values, to help choose a mapping. */
  samples: string[]
}

/** Whether a data row is blank (skipped, not reported). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

export async function readImportTable(
  base64: string,
  limits: { maxBytes: number; maxRows: number },
): Promise<ImportTable> {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > limits.maxBytes) {
    const mb = Math.round(limits.maxBytes / 1024 / 1024)
    throw new DomainError('payload_too_large', `The file is larger than ${mb} MB.`, { maxBytes: limits.maxBytes })
  }
  let table: ReadTable
  try {
    table = await readTable(bytes)
  } catch (err) {
    if (err instanceof UnreadableFile) throw fieldError('file', err.reason, 'The file is not a readable CSV or XLSX.')
    throw err
  }
  const [header = [], ...rest] = table.rows
  const data = rest.map((cells, i) => ({ row: i + 2, cells })).filter((r) => !isBlankRow(r.cells))
  if (data.length > limits.maxRows) {
    throw fieldError('file', 'too_many_rows', `At most ${limits.maxRows} rows per import.`)
  }
  const width = Math.max(header.length, ...data.map((r) => r.cells.length))
  return { ...table, header, data, width }
}

/** Each column's header and first three non-empty values (long values cut at 80 characters). */
export function previewColumns(t: ImportTable): ImportColumn[] {
  return Array.from({ length: t.width }, (_, index) => ({
    index,
    header: t.header[index] ?? '',
    samples: t.data
      .map((r) => r.cells[index] ?? '')
      .filter((v) => v !== '')
      .slice(0, 3)
      .map((v) => (v.length > 80 ? `${v.slice(0, 79)}…` : v)),
  }))
}

/** Step 1 of every import: the file's columns, a few values each, a suggested mapping and the fields. */
export function previewImport<F extends string>(
  t: ImportTable,
  suggest: (headers: string[]) => ColumnMapping<F>,
  fields: readonly F[],
  isRequired: (field: F) => boolean,
) {
  const columns = previewColumns(t)
  return {
    format: t.format,
    rowCount: t.data.length,
    columns,
    suggestedMapping: suggest(columns.map((c) => c.header)),
    fields: fields.map((field) => ({ field, required: isRequired(field) })),
  }
}
