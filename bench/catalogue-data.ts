// The generated catalogue of the scale benchmark (bench/catalogue.ts): organisations and solutions with
// texts in six languages put together from word lists (catalogue-words.ts), written with batched SQL.
import { sql } from 'kysely'
import type { Database } from '../server/platform/db/client.ts'
import { weightedVector } from '../server/platform/search/language.ts'
import { seedProgramme } from '../server/seed/index.ts'
import {
  type BenchLanguage,
  brandEnds,
  brandStarts,
  concepts,
  countries,
  endUsers,
  pitchPatterns,
  sentencePatterns,
} from './catalogue-words.ts'

/** A small deterministic generator (mulberry32), so every run builds the same catalogue. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
  const weighted = <T>(xs: readonly [T, number][]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0)
    let r = next() * total
    for (const [x, w] of xs) {
      r -= w
      if (r < 0) return x
    }
    return xs[xs.length - 1]![0]
  }
  return { next, int, pick, weighted }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
function fill(pattern: string, lang: BenchLanguage, r: ReturnType<typeof prng>, picked: number[]) {
  const c = (i: number) => concepts[picked[i]!]![lang]
  return pattern
    .replaceAll('{A}', capitalise(c(0)))
    .replaceAll('{a}', c(0))
    .replaceAll('{b}', c(1))
    .replaceAll('{c}', c(2))
    .replaceAll('{u}', r.pick(endUsers)[lang])
    .replaceAll('{y}', String(2018 + r.int(8)))
    .replaceAll('{n}', String(10 + r.int(80)))
}

export const types = ['hardware', 'software', 'service', 'data_model', 'methodology'] as const
const ipStatuses = ['proprietary', 'patented', 'patent_pending', 'open_source', 'licensed', 'other'] as const

export interface Generated {
  solutions: number
  organisations: number
  ms: number
}

/** Fills a migrated database with the programme and the generated catalogue. */
export async function generateCatalogue(
  db: Database,
  size: { solutions: number; organisations: number },
  log: (s: string) => void,
): Promise<Generated> {
  const SOLUTIONS = size.solutions
  const ORGANISATIONS = size.organisations
  const t0 = performance.now()
  await seedProgramme(db)
  const r = prng(20261126)
  const domains = await db.selectFrom('domains').select(['id', 'position']).orderBy('position').execute()
  const challenges = await db.selectFrom('challenges').select(['id', 'domain_id']).execute()
  const terms = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'name'])
    .orderBy('taxonomy_id')
    .orderBy('position')
    .execute()
  // Some tags are far more common than others (a rough Zipf curve).
  const tagWeights: [number, number][] = terms.map((_, i) => [i, 1 / (1 + i / 8)])

  // Organisations.
  const orgs: { id: string; languages: BenchLanguage[] }[] = []
  const countryWeights = countries.map((c) => [c, c.weight] as [(typeof countries)[number], number])
  for (let start = 0; start < ORGANISATIONS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, ORGANISATIONS - start) }, (_, k) => {
      const i = start + k
      const c = r.weighted(countryWeights)
      const brand = `${r.pick(brandStarts)}${r.pick(brandEnds)}`
      const sme = r.weighted<string | null>([
        ['micro', 35],
        ['small', 35],
        ['medium', 18],
        ['not_sme', 7],
        [null, 5],
      ])
      return {
        row: {
          legal_name: `${brand} ${i} ${c.suffix}`,
          short_name: `${brand} ${i}`,
          country: c.code,
          type: r.weighted([
            ['sme', 85],
            ['large_company', 6],
            ['research_organisation', 5],
            ['integrator', 4],
          ]),
          registration_number: `${c.code}-${String(100000 + i)}`,
          website: `https://${brand.toLowerCase()}${i}.example`,
          visibility: r.weighted([
            ['public', 70],
            ['members', 20],
            ['anonymous', 10],
          ]),
          sme_status: sme,
          language: c.languages[0]!,
          founded_year: 1990 + r.int(35),
        },
        languages: c.languages,
      }
    })
    const ids = await db
      .insertInto('organisations')
      .values(batch.map((b) => b.row))
      .returning('id')
      .execute()
    for (const [k, x] of ids.entries()) orgs.push({ id: x.id, languages: batch[k]!.languages })
  }
  log(`  ${orgs.length} organisations in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  // Solutions, with their links, in batches.
  const epoch = Date.parse('2023-01-01T00:00:00Z')
  const span = Date.parse('2026-11-01T00:00:00Z') - epoch
  const BATCH = 1000
  for (let start = 0; start < SOLUTIONS; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, SOLUTIONS - start) }, (_, k) => {
      const n = start + k + 1
      const org = orgs[r.int(orgs.length)]!
      const lang = r.pick(org.languages)
      const picked = [r.int(concepts.length), r.int(concepts.length), r.int(concepts.length)]
      const type = r.pick(types)
      const name = `${r.pick(brandStarts)}${r.pick(brandEnds)} ${concepts[picked[0]!]![lang]}`
      const pitch = fill(r.pick(pitchPatterns[lang]), lang, r, picked).slice(0, 160)
      const sentences = sentencePatterns[lang]
      const description = [0, 1, 2].map(() => fill(r.pick(sentences), lang, r, picked)).join(' ')
      const problem = fill(r.pick(sentences), lang, r, [picked[1]!, picked[2]!, picked[0]!])
      const tagIdx = [...new Set(Array.from({ length: 2 + r.int(4) }, () => r.weighted(tagWeights)))]
      const domainIdx = [...new Set([picked[0]! % domains.length, ...(r.next() < 0.3 ? [r.int(domains.length)] : [])])]
      const domainIds = domainIdx.map((i) => domains[i]!.id)
      const inDomains = challenges.filter((c) => domainIds.includes(c.domain_id))
      const challengeIds =
        r.next() < 0.35 && inDomains.length > 0 ? [...new Set([r.pick(inDomains).id, r.pick(inDomains).id])] : []
      const assessed = r.weighted<number | null>([
        [null, 10],
        [3, 5],
        [4, 12],
        [5, 18],
        [6, 20],
        [7, 17],
        [8, 12],
        [9, 6],
      ])
      const created = new Date(epoch + Math.floor(r.next() * span))
      const tagNames = tagIdx.map((i) => terms[i]!.name)
      return {
        row: {
          organisation_id: org.id,
          reference: `SOL-${String(n).padStart(6, '0')}`,
          status: r.weighted([
            ['published', 86],
            ['draft', 10],
            ['archived', 4],
          ]),
          visibility: r.weighted([
            ['public', 70],
            ['members', 18],
            ['anonymous', 12],
          ]),
          type,
          name,
          pitch,
          content: JSON.stringify({ description, problem, targetUsers: [], references: [] }),
          language: lang,
          language_declared: true,
          ip_status: r.pick(ipStatuses),
          assessed_trl: assessed,
          target_trl: assessed === null ? null : Math.min(9, assessed + 1 + r.int(2)),
          created_at: created,
          updated_at: created,
          search_vector: weightedVector(lang, { a: name, b: pitch, c: [description, problem, ...tagNames].join('\n') }),
          // The copies the triggers of 0014 keep (sorted as they sort them), written at once so that the
          // link inserts below find them right and leave the rows alone.
          domain_ids: [...domainIds].sort(),
          challenge_ids: [...challengeIds].sort(),
          tag_ids: tagIdx.map((i) => terms[i]!.id).sort(),
        },
        domainIds,
        challengeIds,
        tagIds: tagIdx.map((i) => terms[i]!.id),
      }
    })
    const ids = await db
      .insertInto('solutions')
      .values(rows.map((x) => x.row))
      .returning('id')
      .execute()
    const link = <K extends string>(key: 'domainIds' | 'challengeIds' | 'tagIds', column: K) =>
      rows.flatMap((x, k) =>
        x[key].map((v) => ({ solution_id: ids[k]!.id, [column]: v }) as Record<K, string> & { solution_id: string }),
      )
    const d = link('domainIds', 'domain_id')
    const c = link('challengeIds', 'challenge_id')
    const t = link('tagIds', 'term_id')
    if (d.length) await db.insertInto('solution_domains').values(d).execute()
    if (c.length) await db.insertInto('solution_challenges').values(c).execute()
    if (t.length) await db.insertInto('solution_tags').values(t).execute()
    // Fold the facet-count deltas the triggers appended into the counts now and then, as readers would.
    if ((start / BATCH) % 10 === 9) await sql`select catalogue_counts_compact()`.execute(db)
    if ((start / BATCH) % 20 === 19) log(`  ${start + rows.length} solutions…`)
  }
  await sql`select catalogue_counts_compact()`.execute(db)
  await sql`vacuum analyze`.execute(db)
  const ms = performance.now() - t0
  log(`  ${SOLUTIONS} solutions in ${(ms / 1000).toFixed(1)} s (vacuum analyze included)`)
  return { solutions: SOLUTIONS, organisations: ORGANISATIONS, ms }
}
