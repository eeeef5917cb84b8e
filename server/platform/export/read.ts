/**
 * Reads an uploaded table (CSV or XLSX) into rows of strings. The format is read from the bytes, never
 * from a file name: XLSX is a ZIP ("PK\3\4"); legacy XLS (OLE2) is refused; anything else must be text:
 * UTF-8 (with or without BOM), else Windows-1252 (what Excel on Windows writes as "CSV").
 * The CSV delimiter is detected from the header line (comma, semicolon as in French/Dutch Excel, tab).
 */
import ExcelJS from 'exceljs'

export type InputFormat = 'csv' | 'xlsx'
export interface ReadTable {
  format: InputFormat
  /** Every row, the header first, as trimmed strings; trailing empty rows dropped. */
  rows: string[][]
}

export type UnreadableReason = 'unsupported_file_type' | 'unreadable_file' | 'empty_file'
export class UnreadableFile extends Error {
  readonly reason: UnreadableReason
  constructor(reason: UnreadableReason) {
    super(reason)
    this.reason = reason
  }
}

export function detectFormat(bytes: Uint8Array): InputFormat | 'xls' | 'binary' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx'
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls'
  const head = bytes.subarray(0, 4096)
  if (head.includes(0)) return 'binary'
  return 'csv'
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** RFC 4180 parsing with a given delimiter; tolerant of LF-only line ends and a missing final newline. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
      i++
    } else if (ch === delimiter) {
      row.push(field)
      field = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += ch
      i++
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** The delimiter of the first line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  let best = ','
  for (const [d, c] of counts) if (c > counts.get(best)!) best = d
  return best
}

/** Removes the apostrophe our own CSV export puts before formula-like text. */
export function unguard(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s
}

function tidy(rows: string[][]): string[][] {
  const out = rows.map((r) => r.map((c) => unguard(c.trim())))
  while (out.length > 0 && out[out.length - 1]!.every((c) => c === '')) out.pop()
  return out
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('text' in v && typeof v.text === 'string') return v.text // hyperlink
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue) // formula: its cached result
    if ('error' in v) return ''
    return ''
  }
  return String(v)
}

export async function readTable(bytes: Buffer): Promise<ReadTable> {
  if (bytes.length === 0) throw new UnreadableFile('empty_file')
  const format = detectFormat(bytes)
  if (format === 'xls' || format === 'binary') throw new UnreadableFile('unsupported_file_type')
  if (format === 'csv') {
    const text = decodeText(bytes).replace(/^\uFEFF/, '')
    const rows = tidy(parseCsv(text, detectDelimiter(text)))
    if (rows.length === 0) throw new UnreadableFile('empty_file')
    return { format, rows }
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new UnreadableFile('unreadable_file')
  }
  const ws = wb.worksheets[0]
  if (!ws) throw new UnreadableFile('empty_file')
  const width = ws.columnCount
  const rows: string[][] = []
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value))
    rows.push(cells)
  }
  const out = tidy(rows)
  if (out.length === 0) throw new UnreadableFile('empty_file')
  return { format, rows: out }
}
