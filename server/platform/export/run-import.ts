import type { Database, Tx } from '../db/client.ts'
import { inTransaction } from '../db/client.ts'
import type { ImportTable } from './import-table.ts'
import type { RowError, RowResult } from './mapping.ts'
import type { InputFormat } from './read.ts'

export type ImportMode = 'all_or_nothing' | 'valid_rows'

export interface RowOutcome<C> {
  row: number
  ok: boolean
  errors: RowError[]
  created: C | null
}

/**
 * The second step of every import (any module): validate every row (in file order, so a validator
 * can remember earlier rows to find duplicates within the file), then write — in ONE transaction —
 * either every row (`all_or_nothing`, only when all pass) or the valid ones (`valid_rows`). Invalid
 * rows never write; the answer is always the per-row outcome.
 */
export async function runImport<T, C>(opts: {
  db: Database
  rows: readonly { row: number; cells: string[] }[]
  mode: ImportMode
  validate: (cells: string[], row: number) => RowResult<T> | Promise<RowResult<T>>
  write: (tx: Tx, value: T, row: number) => Promise<C>
}): Promise<{ written: boolean; valid: number; invalid: number; rows: RowOutcome<C>[] }> {
  const checked: { row: number; result: RowResult<T> }[] = []
  for (const r of opts.rows) checked.push({ row: r.row, result: await opts.validate(r.cells, r.row) })
  const valid = checked.filter((c) => c.result.ok).length
  const invalid = checked.length - valid
  const written = valid > 0 && (opts.mode === 'valid_rows' || invalid === 0)
  const created = new Map<number, C>()
  if (written) {
    await inTransaction(opts.db, async (tx) => {
      for (const c of checked) if (c.result.ok) created.set(c.row, await opts.write(tx, c.result.value, c.row))
    })
  }
  return {
    written,
    valid,
    invalid,
    rows: checked.map((c) => ({
      row: c.row,
      ok: c.result.ok,
      errors: c.result.ok ? [] : c.result.errors,
      created: created.get(c.row) ?? null,
    })),
  }
}

/** The report every import answers with: counts, the mapping's problems, the outcome of every row. */
export interface ImportRun<E, C> {
  format: InputFormat
  mode: ImportMode
  total: number
  written: boolean
  valid: number
  invalid: number
  created: number
  mappingErrors: E[]
  rows: RowOutcome<C>[]
}

/**
 * Step 2 of every import, whole: a mapping with problems reads no row (nothing written, every row
 * counted invalid); otherwise `prepare` loads what validation looks up and answers the row validator,
 * and `runImport` validates and writes.
 */
export async function runMappedImport<T, C, E>(opts: {
  db: Database
  table: Pick<ImportTable, 'data' | 'format'>
  mode: ImportMode
  mappingErrors: E[]
  prepare: () => Promise<(cells: string[], row: number) => RowResult<T> | Promise<RowResult<T>>>
  write: (tx: Tx, value: T, row: number) => Promise<C>
}): Promise<ImportRun<E, C>> {
  const { table, mode, mappingErrors } = opts
  const base = { format: table.format, mode, total: table.data.length }
  if (mappingErrors.length > 0) {
    return { ...base, written: false, valid: 0, invalid: table.data.length, created: 0, mappingErrors, rows: [] }
  }
  const validate = await opts.prepare()
  const outcome = await runImport({ db: opts.db, rows: table.data, mode, validate, write: opts.write })
  return { ...base, ...outcome, created: outcome.rows.filter((r) => r.created).length, mappingErrors: [] }
}
