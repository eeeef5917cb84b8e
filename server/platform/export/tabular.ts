/**
 * A reusable tabular exporter: one column list, two formats.
 *  - CSV: UTF-8 with a byte-order mark (so Excel reads accents right), RFC 4180 quoting, CRLF line ends,
 *    dates as ISO 8601 in UTC. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 *    start) is prefixed with an apostrophe (OWASP "CSV injection"); `readTable` removes it again.
 *  - XLSX (exceljs): a bold, frozen header row, an autofilter, dates as real date cells (UTC), numbers as
 *    numbers. Strings are stored as strings, never as formulas.
 */
import ExcelJS from 'exceljs'

export type CellValue = string | number | Date | null | undefined

export interface Column<T> {
  header: string
  kind?: 'text' | 'number' | 'date' | 'datetime'
  /** Width in characters in the XLSX (a guess from the header otherwise). */
  width?: number
  value: (row: T) => CellValue
}

export interface Table<T> {
  columns: readonly Column<T>[]
  rows: readonly T[]
  /** The XLSX sheet's name (31 characters at most). */
  sheetName?: string
}

const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: CellValue, kind: Column<unknown>['kind'] = 'text'): string {
  if (value === null || value === undefined) return ''
  let s: string
  if (value instanceof Date) s = kind === 'date' ? value.toISOString().slice(0, 10) : isoSeconds(value)
  else if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : ''
  else s = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

export function toCsv<T>(table: Table<T>): Buffer {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')]
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(c.value(row), c.kind)).join(','))
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8')
}

export async function toXlsx<T>(table: Table<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Cascade'
  wb.created = new Date(0) // stable bytes for the same content
  const ws = wb.addWorksheet(sanitizeSheetName(table.sheetName ?? 'Export'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  ws.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, Math.min(50, c.header.length + 4)),
    style:
      c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }))
  ws.getRow(1).font = { bold: true }
  for (const row of table.rows) {
    ws.addRow(
      table.columns.map((c) => {
        const v = c.value(row)
        if (v === undefined || v === null) return null
        if (c.kind === 'number' && typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) return Number(v)
        return v
      }),
    )
  }
  if (table.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
  }
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}

function sanitizeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Export'
}

export const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
export type TabularFormat = keyof typeof mediaTypes

export async function renderTable<T>(format: TabularFormat, table: Table<T>): Promise<Buffer> {
  return format === 'csv' ? toCsv(table) : toXlsx(table)
}

/** `name-2026-11-25.csv`: the date of the export, in UTC. */
export function datedFilename(base: string, format: TabularFormat, now: Date): string {
  return `${base}-${now.toISOString().slice(0, 10)}.${format}`
}

/** A Content-Disposition header for a download: ASCII fallback plus RFC 5987 UTF-8 name. */
export function attachmentHeader(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}
