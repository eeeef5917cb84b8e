import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'
import type { PdfFonts } from './fonts.ts'

/**
 * A small flowing layout over pdf-lib: text wrapped to the column, pages added as the cursor reaches
 * the bottom margin, tables whose rows never split across pages (their header repeats), and page
 * numbers written last ("page 3 of 12" needs the count).
 */

const A4: [number, number] = [595.28, 841.89]
const MARGIN = { top: 56, bottom: 60, left: 56, right: 56 }
export const colours = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.45),
  rule: rgb(0.8, 0.82, 0.86),
  band: rgb(0.93, 0.95, 0.98),
  accent: rgb(0.09, 0.3, 0.6),
}

export interface TextStyle {
  font?: 'regular' | 'bold' | 'mono'
  size?: number
  color?: ReturnType<typeof rgb>
  indent?: number
  /** Space after the block, in points. */
  after?: number
}

export interface Column {
  header: string
  /** Share of the table's width. */
  width: number
  align?: 'left' | 'right'
  mono?: boolean
}

const widths = new WeakMap<PDFFont, Map<string, number>>()

/**
 * Width of a piece of text, cached per font and word: fontkit shapes every string it measures (GSUB,
 * GPOS), which made measuring each candidate line the most expensive part of a render. A line's width
 * is the sum of its words' (kerning across a space is nil in these fonts).
 */
export function measure(font: PDFFont, text: string, size: number): number {
  let cache = widths.get(font)
  if (!cache) {
    cache = new Map()
    widths.set(font, cache)
  }
  let total = 0
  for (const word of text.split(/(?<= )/)) {
    let w = cache.get(word)
    if (w === undefined) {
      w = font.widthOfTextAtSize(word, 1000)
      if (cache.size < 50_000) cache.set(word, w)
    }
    total += w
  }
  return (total * size) / 1000
}

/** Greedy line breaking; a word longer than the line (a digest, a signature) is cut by characters. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  if (width <= size) return text.split('\n')
  const lines: string[] = []
  const fits = (s: string) => measure(font, s, size) <= width
  for (const paragraph of text.split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const word of paragraph.split(/(?<= )/)) {
      const bare = measure(font, word.trimEnd(), size)
      if (lineWidth + bare <= width) {
        line += word
        lineWidth += measure(font, word, size)
        continue
      }
      if (line.trim()) lines.push(line.trimEnd())
      let rest = word
      while (!fits(rest.trimEnd())) {
        let n = rest.length - 1
        while (n > 1 && !fits(rest.slice(0, n))) n--
        lines.push(rest.slice(0, n))
        rest = rest.slice(n)
      }
      line = rest
      lineWidth = measure(font, rest, size)
    }
    lines.push(line.trimEnd())
  }
  return lines
}

export class PdfWriter {
  readonly doc: PDFDocument
  readonly fonts: PdfFonts
  readonly width = A4[0] - MARGIN.left - MARGIN.right
  page!: PDFPage
  y = 0
  readonly #pages: PDFPage[] = []

  constructor(doc: PDFDocument, fonts: PdfFonts) {
    this.doc = doc
    this.fonts = fonts
    this.newPage()
  }

  get pageCount(): number {
    return this.#pages.length
  }

  newPage(): void {
    this.page = this.doc.addPage(A4)
    this.#pages.push(this.page)
    this.y = A4[1] - MARGIN.top
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage()
  }

  space(points: number): void {
    this.y -= points
  }

  #font(style: TextStyle): PDFFont {
    return this.fonts[style.font ?? 'regular']
  }

  /** Wrapped text; breaks pages between lines. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10
    const font = this.#font(style)
    const indent = style.indent ?? 0
    const leading = size * 1.35
    for (const line of wrap(this.fonts.sanitize(text), font, size, this.width - indent)) {
      this.ensure(leading)
      this.y -= leading
      if (line)
        this.page.drawText(line, {
          x: MARGIN.left + indent,
          y: this.y + size * 0.3,
          size,
          font,
          color: style.color ?? colours.text,
        })
    }
    this.y -= style.after ?? 4
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 17 : level === 2 ? 13 : 11
    this.ensure(size * 4)
    this.y -= level === 1 ? 0 : level === 2 ? 10 : 6
    this.text(text, {
      font: 'bold',
      size,
      color: level === 3 ? colours.text : colours.accent,
      after: level === 1 ? 8 : 4,
    })
    if (level < 3) this.rule()
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: MARGIN.left + this.width, y: this.y },
      thickness: 0.6,
      color: colours.rule,
    })
    this.y -= 8
  }

  /** Label on the left, value wrapped on the right (for the receipt's facts). */
  field(label: string, value: string, style: { mono?: boolean; labelWidth?: number } = {}): void {
    const labelWidth = style.labelWidth ?? 150
    const size = 10
    const leading = size * 1.35
    const valueFont = style.mono ? this.fonts.mono : this.fonts.regular
    const valueSize = style.mono ? 8.5 : size
    const labels = wrap(this.fonts.sanitize(label), this.fonts.bold, 9, labelWidth - 10)
    const values = wrap(this.fonts.sanitize(value), valueFont, valueSize, this.width - labelWidth)
    const rows = Math.max(labels.length, values.length)
    // Keep a short field together; a long one (a signature) may break between lines.
    this.ensure(Math.min(rows, 4) * leading)
    for (let i = 0; i < rows; i++) {
      this.ensure(leading)
      this.y -= leading
      const l = labels[i]
      const v = values[i]
      if (l)
        this.page.drawText(l, { x: MARGIN.left, y: this.y + 3, size: 9, font: this.fonts.bold, color: colours.muted })
      if (v)
        this.page.drawText(v, {
          x: MARGIN.left + labelWidth,
          y: this.y + 3,
          size: valueSize,
          font: valueFont,
          color: colours.text,
        })
    }
    this.y -= 3
  }

  /** A question and its answer, the answer indented under it. */
  answer(question: string, answer: string, style: { muted?: boolean } = {}): void {
    this.ensure(40)
    this.text(question, { font: 'bold', size: 9.5, after: 1 })
    this.text(answer, { indent: 10, color: style.muted ? colours.muted : colours.text, after: 8 })
  }

  /** A table; rows are never split, the header is repeated on each page. */
  table(columns: Column[], rows: string[][], opts: { boldLast?: boolean } = {}): void {
    const size = 8.5
    const leading = size * 1.3
    const pad = 4
    const total = columns.reduce((s, c) => s + c.width, 0)
    const widths = columns.map((c) => (c.width / total) * this.width)
    const cellLines = (cells: string[], bold: boolean) =>
      cells.map((cell, i) => {
        const col = columns[i]!
        const font = bold ? this.fonts.bold : col.mono ? this.fonts.mono : this.fonts.regular
        return { font, lines: wrap(this.fonts.sanitize(cell), font, size, widths[i]! - 2 * pad) }
      })
    const drawRow = (cells: ReturnType<typeof cellLines>, band: boolean) => {
      const height = Math.max(...cells.map((c) => c.lines.length)) * leading + 2 * pad
      if (band) {
        this.page.drawRectangle({ x: MARGIN.left, y: this.y - height, width: this.width, height, color: colours.band })
      }
      let x = MARGIN.left
      cells.forEach((cell, i) => {
        const col = columns[i]!
        cell.lines.forEach((line, n) => {
          const w = measure(cell.font, line, size)
          const lx = col.align === 'right' ? x + widths[i]! - pad - w : x + pad
          this.page.drawText(line, {
            x: lx,
            y: this.y - pad - (n + 1) * leading + 3,
            size,
            font: cell.font,
            color: colours.text,
          })
        })
        x += widths[i]!
      })
      this.y -= height
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: MARGIN.left + this.width, y: this.y },
        thickness: 0.4,
        color: colours.rule,
      })
    }
    const header = cellLines(
      columns.map((c) => c.header),
      true,
    )
    const headerHeight = Math.max(...header.map((c) => c.lines.length)) * leading + 2 * pad
    const first = rows[0] ? cellLines(rows[0], false) : null
    this.ensure(headerHeight + (first ? Math.max(...first.map((c) => c.lines.length)) * leading + 2 * pad : 0))
    drawRow(header, true)
    rows.forEach((row, r) => {
      const cells = cellLines(row, opts.boldLast === true && r === rows.length - 1)
      const height = Math.max(...cells.map((c) => c.lines.length)) * leading + 2 * pad
      if (this.y - height < MARGIN.bottom) {
        this.newPage()
        drawRow(header, true)
      }
      drawRow(cells, false)
    })
    this.y -= 10
  }

  /** Writes the footer of every page: `left` text and "page n of N" on the right. */
  finish(left: string, pageLabel: (n: number, total: number) => string): void {
    const size = 7.5
    const total = this.#pages.length
    const text = this.fonts.sanitize(left)
    this.#pages.forEach((page, i) => {
      const right = this.fonts.sanitize(pageLabel(i + 1, total))
      const rw = measure(this.fonts.regular, right, size)
      const lines = wrap(text, this.fonts.regular, size, this.width - rw - 20)
      page.drawLine({
        start: { x: MARGIN.left, y: MARGIN.bottom - 18 },
        end: { x: MARGIN.left + this.width, y: MARGIN.bottom - 18 },
        thickness: 0.4,
        color: colours.rule,
      })
      page.drawText(lines[0] ?? '', {
        x: MARGIN.left,
        y: MARGIN.bottom - 30,
        size,
        font: this.fonts.regular,
        color: colours.muted,
      })
      page.drawText(right, {
        x: MARGIN.left + this.width - rw,
        y: MARGIN.bottom - 30,
        size,
        font: this.fonts.regular,
        color: colours.muted,
      })
    })
  }
}
