import type { z } from 'zod'
import type { Solution, SolutionContent, solutionPatch } from '../../../../shared/contracts/solutions.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readSolution } from '../queries/get-solution.ts'
import { lockForWrite } from './guard.ts'
import { checkChallenges, checkDomains, checkTags, currentLinks, replaceLinks } from './references.ts'
import { writeRevision } from './revisions.ts'
import { refreshSearchVector, solutionLanguage } from './search.ts'

export type SolutionPatch = z.output<typeof solutionPatch>

/** The 409 of a stale save: the author's text is not written, and the answer says which revision is current. */
export function revisionConflict(current: number, expected: number): DomainError {
  return new DomainError(
    'solution_revision_conflict',
    `Someone saved this solution (revision ${current}) after you opened revision ${expected}. Your changes were not saved; they are still in your form.`,
    { currentRevision: current, expectedRevision: expected },
  )
}

/**
 * A member's save: only on the revision the author edited (409 otherwise, nothing written), and every
 * save is a new revision with a full snapshot, its author and time. The language is re-detected when it
 * was not declared and the text changed.
 */
export async function updateSolution(ctx: CommandContext, id: string, patch: SolutionPatch): Promise<Solution> {
  authorize(ctx.actor, 'solution.manage')
  return inTransaction(ctx.db, async (tx) => {
    const s = await lockForWrite(tx, ctx.actor, id)
    if (patch.expectedRevision !== s.revision) throw revisionConflict(s.revision, patch.expectedRevision)
    const before = await currentLinks(tx, id)
    const domainIds = patch.domainIds === undefined ? undefined : await checkDomains(tx, patch.domainIds)
    const challengeIds =
      patch.challengeIds === undefined ? undefined : await checkChallenges(tx, patch.challengeIds, before.challengeIds)
    const tagIds = patch.tags === undefined ? undefined : await checkTags(tx, patch.tags)
    const next = {
      name: patch.name ?? s.name,
      pitch: patch.pitch ?? s.pitch,
      content: patch.content ?? (s.content as SolutionContent),
    }
    const textChanged = patch.name !== undefined || patch.pitch !== undefined || patch.content !== undefined
    const lang =
      patch.language !== undefined
        ? solutionLanguage(patch.language, next, s.language)
        : s.language_declared || !textChanged
          ? { language: s.language, declared: s.language_declared }
          : solutionLanguage(null, next, s.language)
    const now = ctx.clock.now()
    const revision = s.revision + 1
    await tx
      .updateTable('solutions')
      .set({
        name: next.name,
        pitch: next.pitch,
        content: JSON.stringify(next.content),
        type: patch.type ?? s.type,
        visibility: patch.visibility ?? s.visibility,
        ip_status: patch.ipStatus ?? s.ip_status,
        target_trl: patch.targetTrl === undefined ? s.target_trl : patch.targetTrl,
        language: lang.language,
        language_declared: lang.declared,
        revision,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
    await replaceLinks(tx, id, { domainIds, challengeIds, tagIds })
    await refreshSearchVector(tx, id)
    await writeRevision(tx, id, revision, ctx.actor.userId, now)
    const { expectedRevision: _, ...changed } = patch
    await recordAudit(tx, ctx, {
      action: 'solution.updated',
      subjectType: 'solution',
      subjectId: id,
      change: { revision, language: lang.language, fields: Object.keys(changed).sort(), after: changed },
    })
    return readSolution(tx, ctx.actor, id)
  })
}
