import { readFileSync } from 'node:fs'
import type { Queryable } from '../../platform/db/client.ts'
import { seedId } from '../ids.ts'
import type { TaxonomyFile } from './terms.ts'

/** The taxonomies Cascade ships, written by scripts/import-taxonomies.ts from their sources. */
export const taxonomyIds = ['jrc-cybersecurity', 'nis-sectors', 'enisa-threats'] as const

export function loadTaxonomy(id: string): TaxonomyFile {
  return JSON.parse(readFileSync(new URL(`./${id}.json`, import.meta.url), 'utf8')) as TaxonomyFile
}

/** Stable term ids, the same on every database, so tags survive a reseed. */
export const termId = (taxonomyId: string, code: string) => seedId(`taxonomy-term:${taxonomyId}:${code}`)

/** Upserts the shipped taxonomies and their terms (idempotent; terms are never deleted, tags keep them). */
export async function seedTaxonomies(db: Queryable): Promise<void> {
  for (const id of taxonomyIds) {
    const t = loadTaxonomy(id)
    const v = { name: t.name, source: t.source, licence: t.licence }
    await db
      .insertInto('taxonomies')
      .values({ id, ...v })
      .onConflict((oc) => oc.column('id').doUpdateSet(v))
      .execute()
    const rows = t.terms.map((term, position) => ({
      id: termId(id, term.code),
      taxonomy_id: id,
      code: term.code,
      name: term.name,
      kind: term.kind,
      parent_code: term.parentCode,
      position,
    }))
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto('taxonomy_terms')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) =>
          oc.columns(['taxonomy_id', 'code']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            parent_code: eb.ref('excluded.parent_code'),
            position: eb.ref('excluded.position'),
          })),
        )
        .execute()
    }
  }
}
