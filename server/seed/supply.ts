import { recordAudit } from '../platform/audit/index.ts'
import { type Database, inTransaction } from '../platform/db/client.ts'
import { seedAssessments } from './supply-assessments.ts'
import { seedOrganisations } from './supply-organisations.ts'
import { seedSolutions } from './supply-solutions.ts'
import { ctx } from './supply-support.ts'

export { demoAnswers } from './supply-assessments.ts'
export { organisationIdOf, solutionIdOf, tagId } from './supply-support.ts'

/**
 * Seeds the demo supply side: about forty-five organisations in seventeen countries, and sixty-odd
 * solutions, each with its revision, links, tags and a completed TRL self-assessment (some reviewed by
 * the demo staff and expert). Batched: a handful of statements whatever the number of rows. Idempotent.
 * Needs the programme (domains, challenges, taxonomies) and, for the demo SME's own solutions and the
 * reviews, the demo accounts — without them those parts are skipped.
 */
export async function seedSupply(
  db: Database,
  programmeId: string,
): Promise<{ organisations: number; solutions: number }> {
  return inTransaction(db, async (tx) => {
    const now = ctx.clock.now()
    const organisationIds = await seedOrganisations(tx, now)
    const seeded = await seedSolutions(tx, programmeId)
    if (!seeded) return { organisations: organisationIds.length, solutions: 0 }
    const { solutions, rows, reviewers, known, missing } = seeded
    const reviews = await seedAssessments(tx, solutions, rows, reviewers)

    await recordAudit(tx, ctx, {
      action: known.size === missing.length ? 'supply.seeded' : 'supply.reseeded',
      subjectType: 'programme',
      subjectId: programmeId,
      change: { organisations: organisationIds.length, solutions: rows.length, reviews },
    })
    return { organisations: organisationIds.length, solutions: rows.length }
  })
}
