/**
 * Lookups of imports (any module): what the rows of a file name, gathered once before validation so each
 * row is matched in memory. Keys are trimmed and in lower case.
 */

/** The distinct non-empty values of one mapped column (none when the column is not mapped). */
export function distinctColumnValues(data: readonly { cells: string[] }[], index: number | undefined): string[] {
  if (index === undefined) return []
  return [...new Set(data.map((r) => (r.cells[index] ?? '').trim().toLowerCase()).filter(Boolean))]
}

/** Files `value` under `key` unless the list there already holds one that is `same`; no key, nothing. */
export function addToIndex<V>(index: Map<string, V[]>, key: string | null, value: V, same: (v: V) => boolean): void {
  if (!key) return
  const k = key.trim().toLowerCase()
  const list = index.get(k) ?? []
  if (!list.some(same)) list.push(value)
  index.set(k, list)
}

/** Organisations found for a file, by registration number and by legal or short name. */
export function indexOrganisations<
  O extends { id: string; registration_number: string | null; legal_name: string; short_name: string | null },
  V,
>(orgs: readonly O[], toValue: (o: O) => V) {
  const organisationsByNumber = new Map<string, V[]>()
  const organisationsByName = new Map<string, V[]>()
  for (const o of orgs) {
    const v = toValue(o)
    const same = (x: V) => x === v
    addToIndex(organisationsByNumber, o.registration_number, v, same)
    addToIndex(organisationsByName, o.legal_name, v, same)
    addToIndex(organisationsByName, o.short_name, v, same)
  }
  return { organisationsByNumber, organisationsByName }
}
