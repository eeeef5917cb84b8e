// `node scripts/import-taxonomies.ts [dataDir]`: reads the taxonomy CSV files of ../shared/data/taxonomies
// and writes Cascade's own seed data, server/seed/taxonomies/<id>.json (term code, name, kind, parent
// code, with the source and licence). Run it again when the sources change; commit the JSON.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { jrcTerms, mispTerms, type TaxonomyFile } from '../server/seed/taxonomies/terms.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const dataDir = process.argv[2] ?? join(root, '../shared/data/taxonomies')
const read = (file: string) => readFileSync(join(dataDir, file), 'utf8')

const files: TaxonomyFile[] = [
  {
    id: 'jrc-cybersecurity',
    name: 'European Cybersecurity Taxonomy (JRC)',
    source:
      'I. Nai-Fovino et al., A Proposal for a European Cybersecurity Taxonomy, JRC118089, EUR 29868 EN, Publications Office of the EU, 2019; term names as used by the ECCC Cybersecurity Atlas. Local codes D01…, S01…, T01… in source order.',
    licence: 'CC BY 4.0 (© European Union, Commission reuse policy)',
    terms: jrcTerms(read('jrc_cybersecurity_taxonomy.csv')),
  },
  {
    id: 'nis-sectors',
    name: 'NIS Directive sectors and subsectors',
    source: 'MISP taxonomies (github.com/MISP/misp-taxonomies, namespace eu-nis-sector-and-subsectors, HEAD 7591c55)',
    licence: 'CC0 1.0 or BSD-2-Clause',
    terms: mispTerms(read('misp_eu_nis_sectors.csv'), { group: 'group', term: 'sector' }),
  },
  {
    id: 'enisa-threats',
    name: 'ENISA threat taxonomy',
    source:
      'ENISA threat taxonomy v2017-07-25 as packaged by MISP (github.com/MISP/misp-taxonomies, namespace enisa, HEAD 7591c55)',
    licence: 'CC0 1.0 or BSD-2-Clause',
    terms: mispTerms(read('misp_enisa_threat_taxonomy.csv'), { group: 'threat_group', term: 'threat' }),
  },
]

for (const f of files) {
  const codes = new Set(f.terms.map((t) => t.code))
  if (codes.size !== f.terms.length) throw new Error(`${f.id}: duplicate term codes`)
  const orphan = f.terms.find((t) => t.parentCode && !codes.has(t.parentCode))
  if (orphan) throw new Error(`${f.id}: ${orphan.code} has an unknown parent ${orphan.parentCode}`)
  const out = join(root, 'server/seed/taxonomies', `${f.id}.json`)
  writeFileSync(out, `${JSON.stringify(f, null, 2)}\n`)
  console.log(`${f.id}: ${f.terms.length} terms → ${out}`)
}
