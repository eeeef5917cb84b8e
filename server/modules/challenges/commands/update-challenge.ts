import type { Challenge, ChallengeContent, ChallengePatch } from '../../../../shared/contracts/challenges.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
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

/**
 * Saves a new version of a challenge. `expectedVersion` must be the current one, so two editors never
 * overwrite each other silently (409 with the current version). A published challenge stays published.
 */
export async function updateChallenge(ctx: CommandContext, id: string, patch: ChallengePatch): Promise<Challenge> {
  authorize(ctx.actor, 'challenge.manage')
  return inTransaction(ctx.db, async (tx) => {
    const cur = await tx.selectFrom('challenges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!cur) throw new DomainError('not_found', 'No such challenge.')
    if (patch.expectedVersion !== cur.version) {
      // The problem body carries the current version in its field error, so the editor can reload it.
      const message = `The challenge was changed since you opened it: it is now at version ${cur.version}.`
      throw new DomainError('conflict', message, {}, [{ path: 'expectedVersion', code: 'stale_version', message }])
    }
    const before = {
      domainId: cur.domain_id,
      code: cur.code,
      slug: cur.slug,
      title: cur.title,
      summary: cur.summary,
      content: cur.content as ChallengeContent,
      trlMin: cur.trl_min,
      trlMax: cur.trl_max,
      language: cur.language,
    }
    const next = { ...before }
    for (const k of Object.keys(before) as (keyof typeof before)[]) {
      if (patch[k] !== undefined) (next as Record<string, unknown>)[k] = patch[k]
    }
    const domain = await loadDomain(tx, next.domainId)
    assertChallengeRules(next, domain)
    if (patch.tagIds) await assertTagsExist(tx, patch.tagIds)
    await assertUnique(tx, domain.programme_id, next, id)
    const now = ctx.clock.now()
    await tx
      .updateTable('challenges')
      .set({
        programme_id: domain.programme_id,
        domain_id: next.domainId,
        code: next.code,
        slug: next.slug,
        title: next.title,
        summary: next.summary,
        content: JSON.stringify(next.content),
        trl_min: next.trlMin,
        trl_max: next.trlMax,
        language: next.language,
        version: cur.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
    if (patch.tagIds) await replaceTags(tx, id, patch.tagIds)
    await refreshSearchVector(tx, id, next)
    await appendVersion(tx, id, ctx.actor.userId, now)
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]),
    )
    await recordAudit(tx, ctx, {
      action: 'challenge.updated',
      subjectType: 'challenge',
      subjectId: id,
      change: {
        version: cur.version + 1,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        ...(patch.tagIds ? { tagIds: patch.tagIds } : {}),
      },
    })
    return readChallenge(tx, id, ctx.actor)
  })
}
