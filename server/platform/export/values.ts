/**
 * Reading typed values from spreadsheet text (imports of any module). Numbers are written many ways
 * across Europe: "1 234 567,89" (French), "1.234.567,89" (Dutch, German), "1,234,567.89" (English),
 * "1234567.89" (a cell). A lone separator followed by exactly three digits ("1.500", "2,000") could be
 * either a thousands or a decimal separator: it is refused as ambiguous rather than guessed.
 */
export type Parsed<T> = T | null | { error: string }

export const isParseError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v

const SPACES = /[\s\u00a0\u202f']/g

export function parseDecimal(raw: string): Parsed<number> {
  let s = raw
    .trim()
    .replace(/^(€|eur)\s*/i, '')
    .replace(/\s*(€|eur)$/i, '')
    .replace(SPACES, '')
  if (s === '') return null
  const negative = s.startsWith('-')
  if (negative) s = s.slice(1)
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { error: 'invalid_number' }
  const dots = (s.match(/\./g) ?? []).length
  const commas = (s.match(/,/g) ?? []).length
  let normal: string
  if (dots > 0 && commas > 0) {
    // The last separator is the decimal one; the other must group thousands.
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ','
    const group = decimal === '.' ? ',' : '.'
    const [int, frac, ...more] = s.split(decimal)
    if (more.length > 0 || !new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(int ?? ''))
      return { error: 'invalid_number' }
    normal = `${int!.replaceAll(group, '')}.${frac}`
  } else if (dots + commas > 1) {
    const sep = dots > 0 ? '.' : ','
    if (!new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(s)) return { error: 'invalid_number' }
    normal = s.replaceAll(sep, '')
  } else if (dots + commas === 1) {
    const [int, frac] = s.split(/[.,]/)
    if (frac === undefined || frac === '' || int === '') return { error: 'invalid_number' }
    if (frac.length === 3 && int!.length <= 3 && int !== '0') return { error: 'ambiguous_number' }
    normal = `${int}.${frac}`
  } else {
    normal = s
  }
  const n = Number(normal)
  if (!Number.isFinite(n)) return { error: 'invalid_number' }
  return negative ? -n : n
}

/** A whole number (a year, a count). */
export function parseWhole(raw: string): Parsed<number> {
  const n = parseDecimal(raw)
  if (n === null || isParseError(n)) return n
  return Number.isInteger(n) ? n : { error: 'invalid_number' }
}

/** An amount in euros with at most two decimals, as integer cents. */
export function parseEuroCents(raw: string): Parsed<number> {
  const n = parseDecimal(raw)
  if (n === null || isParseError(n)) return n
  const cents = Math.round(n * 100)
  if (Math.abs(cents - n * 100) > 1e-6) return { error: 'too_many_decimals' }
  return cents
}

/** A list in one cell: items separated by semicolons, vertical bars or line breaks. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}
