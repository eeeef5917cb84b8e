import type { Database, Tx } from '../db/client.ts'
import { inTransaction } from '../db/client.ts'
import type { RowError, RowResult } from './mapping.ts'

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
