import { importMaxBytes, importMaxRows } from '../../../../shared/contracts/transfer.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import { type ReadTable, readTable, UnreadableFile } from '../../../platform/export/index.ts'
import { isBlankRow } from '../domain/import-mapping.ts'

export interface ImportTable extends ReadTable {
  header: string[]
  /** Non-blank data rows with their spreadsheet row number (the header is row 1). */
  data: { row: number; cells: string[] }[]
}

/** Decodes and reads an uploaded file; 413 over 5 MB, 400 `validation_failed` on `file` otherwise. */
export async function readImportFile(base64: string): Promise<ImportTable> {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > importMaxBytes) {
    throw new DomainError('payload_too_large', 'The file is larger than 5 MB.', { maxBytes: importMaxBytes })
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
  if (data.length > importMaxRows) {
    throw fieldError('file', 'too_many_rows', `At most ${importMaxRows} rows per import.`)
  }
  return { ...table, header, data }
}
