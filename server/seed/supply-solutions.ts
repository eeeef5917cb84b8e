/** Supply seed, step 2: the demo solutions with their references, links, tags and first revision. */
import { sql } from 'kysely'
import type { SolutionSnapshot } from '../../shared/contracts/solutions.ts'
import { refreshSearchVectors, storedTrl } from '../modules/solutions/index.ts'
import type { Tx } from '../platform/db/client.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'
import { demoSolutions } from './supply-data/index.ts'
import { organisationIdOf, solutionIdOf, tagId } from './supply-support.ts'

/**
 * Upserts the demo solutions whose organisation exists, with their domains, challenges, tags and revision 1.
 * Returns what the assessment step and the audit need, or null when there is no solution to seed.
 */
export async function seedSolutions(tx: Tx, programmeId: string) {
  const challengeRows = await tx
    .selectFrom('challenges')
    .select(['id', 'code'])
    .where('programme_id', '=', programmeId)
    .execute()
  const challengeIds = new Map(challengeRows.map((c) => [c.code, c.id]))
  const owners = new Set(
    (
      await tx
        .selectFrom('organisations')
        .select('id')
        .where(
          'id',
          'in',
          demoSolutions.map((x) => organisationIdOf(x.org)),
        )
        .execute()
    ).map((r) => r.id),
  )
  const solutions = demoSolutions.filter((x) => owners.has(organisationIdOf(x.org)))
  const ids = solutions.map((x) => solutionIdOf(x.key))

  // References: kept for solutions seeded before, from the sequence for new ones.
  const known = new Map(
    (await tx.selectFrom('solutions').select(['id', 'reference']).where('id', 'in', ids).execute()).map((r) => [
      r.id,
      r.reference,
    ]),
  )
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length > 0) {
    const { rows } = await sql<{ n: string }>`select nextval('solution_reference_seq')::text as n
      from generate_series(1, ${missing.length})`.execute(tx)
    for (const [i, id] of missing.entries()) known.set(id, `SOL-${rows[i]!.n.padStart(5, '0')}`)
  }

  const reviewers = new Map(
    (
      await tx
        .selectFrom('users')
        .select(['id', 'email'])
        .where('email', 'in', [...new Set(solutions.flatMap((x) => (x.review ? [x.review.by] : [])))].concat(['-']))
        .execute()
    ).map((u) => [u.email, u.id]),
  )

  const links = solutions.map((x) => ({
    id: solutionIdOf(x.key),
    domainIds: x.domains.map((d) => seedId(`domain:${securit.slug}:${d}`)).sort(),
    challengeIds: x.challenges
      .map((c) => challengeIds.get(c))
      .filter((c): c is string => Boolean(c))
      .sort(),
    tagIds: [...new Set(x.tags.map(tagId))].sort(),
  }))
  const base = Date.parse('2025-01-06T09:00:00Z')
  const rows = solutions.map((x, i) => {
    const created = new Date(base + i * 3 * 86_400_000)
    const review = x.review && reviewers.has(x.review.by) ? x.review : undefined
    const effective = review ? (review.decision === 'adjusted' ? review.level! : x.trl) : x.trl
    return {
      id: solutionIdOf(x.key),
      organisation_id: organisationIdOf(x.org),
      reference: known.get(solutionIdOf(x.key))!,
      status: 'published',
      visibility: x.visibility ?? 'public',
      type: x.type,
      name: x.name,
      pitch: x.pitch,
      content: JSON.stringify({
        description: x.description,
        problem: x.problem,
        targetUsers: x.users,
        references: (x.references ?? []).map(([clientType, country, year, description]) => ({
          clientType,
          country,
          year,
          description,
        })),
      }),
      language: x.language,
      language_declared: true,
      ip_status: x.ip,
      assessed_trl: storedTrl(effective),
      target_trl: x.targetTrl,
      revision: 1,
      demo: true,
      created_at: created,
      updated_at: created,
    }
  })
  if (rows.length === 0) return null
  await tx
    .insertInto('solutions')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        visibility: eb.ref('excluded.visibility'),
        type: eb.ref('excluded.type'),
        name: eb.ref('excluded.name'),
        pitch: eb.ref('excluded.pitch'),
        content: eb.ref('excluded.content'),
        language: eb.ref('excluded.language'),
        language_declared: eb.ref('excluded.language_declared'),
        ip_status: eb.ref('excluded.ip_status'),
        assessed_trl: eb.ref('excluded.assessed_trl'),
        target_trl: eb.ref('excluded.target_trl'),
      })),
    )
    .execute()

  await tx.deleteFrom('solution_domains').where('solution_id', 'in', ids).execute()
  await tx.deleteFrom('solution_challenges').where('solution_id', 'in', ids).execute()
  await tx.deleteFrom('solution_tags').where('solution_id', 'in', ids).execute()
  await tx
    .insertInto('solution_domains')
    .values(links.flatMap((l) => l.domainIds.map((domain_id) => ({ solution_id: l.id, domain_id }))))
    .execute()
  const sc = links.flatMap((l) => l.challengeIds.map((challenge_id) => ({ solution_id: l.id, challenge_id })))
  if (sc.length > 0) await tx.insertInto('solution_challenges').values(sc).execute()
  await tx
    .insertInto('solution_tags')
    .values(links.flatMap((l) => l.tagIds.map((term_id) => ({ solution_id: l.id, term_id }))))
    .execute()
  await refreshSearchVectors(tx, ids)

  // Revision 1: the snapshot of what was seeded.
  await tx
    .insertInto('solution_revisions')
    .values(
      rows.map((r, i) => {
        const snapshot: SolutionSnapshot = {
          status: 'published',
          visibility: r.visibility as SolutionSnapshot['visibility'],
          type: r.type,
          name: r.name,
          pitch: r.pitch,
          content: JSON.parse(r.content),
          language: r.language,
          languageDeclared: true,
          ipStatus: r.ip_status,
          targetTrl: r.target_trl,
          domainIds: links[i]!.domainIds,
          challengeIds: links[i]!.challengeIds,
          tagIds: links[i]!.tagIds,
        }
        return {
          solution_id: r.id,
          revision: 1,
          snapshot: JSON.stringify(snapshot),
          author_id: null,
          created_at: r.created_at,
        }
      }),
    )
    .onConflict((oc) => oc.columns(['solution_id', 'revision']).doNothing())
    .execute()
  return { solutions, rows, reviewers, known, missing }
}
