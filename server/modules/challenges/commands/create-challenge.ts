import type { Challenge, ChallengeInput } from '../../../../shared/contracts/challenges.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { slugFromTitle } from '../domain/rules.ts'
import { readChallenge } from '../queries/challenge-view.ts'
import {
  appendVersion,
  assertChallengeRules,
  assertTagsExist,
  assertUnique,
  loadDomain,
  refreshSearchVector,
  replaceTags,
} from './write-support.ts'

/** Creates a draft challenge in a domain: version 1, searchable at once, nothing public yet. */
export async function createChallenge(
  ctx: CommandContext,
  input: ChallengeInput,
  opts: { demo?: boolean; id?: string } = {},
): Promise<Challenge> {
  authorize(ctx.actor, 'challenge.manage')
  return inTransaction(ctx.db, async (tx) => {
    const domain = await loadDomain(tx, input.domainId)
    assertChallengeRules(input, domain)
    await assertTagsExist(tx, input.tagIds)
    const slug = input.slug ?? slugFromTitle(input.title)
    await assertUnique(tx, domain.programme_id, { code: input.code, slug })
    const now = ctx.clock.now()
    const row = await tx
      .insertInto('challenges')
      .values({
        ...(opts.id ? { id: opts.id } : {}),
        programme_id: domain.programme_id,
        domain_id: domain.id,
        code: input.code,
        slug,
        status: 'draft',
        version: 1,
        language: input.language,
        title: input.title,
        summary: input.summary,
        content: JSON.stringify(input.content),
        trl_min: input.trlMin,
        trl_max: input.trlMax,
        demo: opts.demo ?? false,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await replaceTags(tx, row.id, input.tagIds)
    await refreshSearchVector(tx, row.id, input)
    await appendVersion(tx, row.id, ctx.actor.userId, now)
    await recordAudit(tx, ctx, {
      action: 'challenge.created',
      subjectType: 'challenge',
      subjectId: row.id,
      change: { ...input, slug },
    })
    return readChallenge(tx, row.id, ctx.actor)
  })
}
