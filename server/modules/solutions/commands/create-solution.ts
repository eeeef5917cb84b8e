import { sql } from 'kysely'
import type { z } from 'zod'
import type { Solution, solutionInput } from '../../../../shared/contracts/solutions.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isOwnerMember } from '../domain/abilities.ts'
import { readSolution } from '../queries/get-solution.ts'
import { checkChallenges, checkDomains, checkTags, replaceLinks } from './references.ts'
import { writeRevision } from './revisions.ts'
import { refreshSearchVector, solutionLanguage } from './search.ts'

export type SolutionCreate = z.output<typeof solutionInput>

/** The next reference, SOL-00001 onwards (more digits when needed). */
export async function nextSolutionReference(db: Queryable): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('solution_reference_seq')::text as n`.execute(db)
  return `SOL-${rows[0]!.n.padStart(5, '0')}`
}

/** A member of an organisation describes one of its solutions: revision 1, draft unless published at once. */
export async function createSolution(ctx: CommandContext, input: SolutionCreate): Promise<Solution> {
  authorize(ctx.actor, 'solution.manage')
  if (!isOwnerMember(ctx.actor, input.organisationId)) {
    throw new DomainError('forbidden', 'Only members of the organisation describe its solutions.', {
      reason: 'not_a_member',
    })
  }
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const org = await tx
      .selectFrom('organisations')
      .select(['id', 'language'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst()
    if (!org) throw new DomainError('organisation_not_found')
    const domainIds = await checkDomains(tx, input.domainIds)
    const challengeIds = await checkChallenges(tx, input.challengeIds)
    const tagIds = await checkTags(tx, input.tags)
    const lang = solutionLanguage(input.language, input, org.language)
    const reference = await nextSolutionReference(tx)
    const row = await tx
      .insertInto('solutions')
      .values({
        organisation_id: input.organisationId,
        reference,
        status: input.status,
        visibility: input.visibility,
        type: input.type,
        name: input.name,
        pitch: input.pitch,
        content: JSON.stringify(input.content),
        language: lang.language,
        language_declared: lang.declared,
        ip_status: input.ipStatus,
        target_trl: input.targetTrl,
        revision: 1,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await replaceLinks(tx, row.id, { domainIds, challengeIds, tagIds })
    await refreshSearchVector(tx, row.id)
    await writeRevision(tx, row.id, 1, ctx.actor.userId, now)
    await recordAudit(tx, ctx, {
      action: 'solution.created',
      subjectType: 'solution',
      subjectId: row.id,
      change: { reference, ...input, language: lang.language },
    })
    return readSolution(tx, ctx.actor, row.id)
  })
}
