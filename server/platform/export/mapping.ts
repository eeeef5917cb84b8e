/**
 * Column mapping for imports (any module): which column feeds which field, suggested from the headers
 * (synonyms in several languages, our own export's headers), and the problems of a mapping that make an
 * import read no row. Errors have stable codes so the UI translates them and tests name them.
 */
export type ColumnMapping<F extends string> = Partial<Record<F, number>>

export interface RowError {
  field: string
  code: string
  value?: string
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] }

/** Lower case, no accents, letters and digits only: "Numéro d'entreprise" → "numerodentreprise". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * The suggested mapping: an exact synonym first, else a header that starts with one (synonyms of four
 * letters or more); each column feeds one field at most, and fields are served in the order given.
 */
export function suggestColumnMapping<F extends string>(
  headers: readonly string[],
  fields: readonly F[],
  synonyms: Record<F, readonly string[]>,
): ColumnMapping<F> {
  const norm = headers.map(normaliseHeader)
  const out: ColumnMapping<F> = {}
  const used = new Set<number>()
  const pass = (matches: (h: string, s: string) => boolean) => {
    for (const field of fields) {
      if (out[field] !== undefined) continue
      const words = [field, ...synonyms[field]].map(normaliseHeader)
      const i = norm.findIndex((h, idx) => !used.has(idx) && h !== '' && words.some((w) => matches(h, w)))
      if (i >= 0) {
        out[field] = i
        used.add(i)
      }
    }
  }
  pass((h, w) => h === w)
  pass((h, w) => w.length >= 4 && h.startsWith(w))
  return out
}

/** Required fields unmapped, columns that do not exist, a column mapped to two fields. */
export function checkColumnMapping<F extends string>(
  mapping: ColumnMapping<F>,
  columnCount: number,
  required: readonly F[],
): RowError[] {
  const errors: RowError[] = []
  for (const f of required) if (mapping[f] === undefined) errors.push({ field: f, code: 'field_not_mapped' })
  const seen = new Set<number>()
  for (const [field, col] of Object.entries(mapping) as [F, number][]) {
    if (col >= columnCount) errors.push({ field, code: 'column_not_found', value: String(col) })
    else if (seen.has(col)) errors.push({ field, code: 'column_mapped_twice', value: String(col) })
    seen.add(col)
  }
  return errors
}

/** A reader of one row's cells by field (trimmed; '' when the field is not mapped). */
export function cellsByField<F extends string>(cells: readonly string[], mapping: ColumnMapping<F>) {
  return (f: F): string => {
    const i = mapping[f]
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
}
