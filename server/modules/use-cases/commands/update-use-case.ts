import type { z } from 'zod'
import type { UseCase, UseCaseStatus, useCasePatch } from '../../../../shared/contracts/use-cases.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { editableStatuses } from '../domain/lifecycle.ts'
import { partiesOf } from '../domain/parties.ts'
import { readUseCase } from '../queries/get-use-case.ts'
import { lockVisible } from '../queries/use-case-view.ts'
import { checkDomain, checkTags, replaceTags } from './references.ts'

export type UseCasePatch = z.output<typeof useCasePatch>

/**
 * An author's save: only in draft or changes requested, only on the revision the author edited
 * (409 otherwise), and every save is a new immutable revision with its author and time.
 */
export async function updateUseCase(ctx: CommandContext, id: string, patch: UseCasePatch): Promise<UseCase> {
  authorize(ctx.actor, 'use_case.update')
  return inTransaction(ctx.db, async (tx) => {
    const uc = await lockVisible(tx, ctx.actor, id)
    if (!partiesOf(ctx.actor, uc).includes('author')) {
      throw new DomainError('forbidden', 'Only members of the authoring organisation edit a use case.', {
        reason: 'not_the_author',
      })
    }
    if (!editableStatuses.includes(uc.status as UseCaseStatus)) {
      throw new DomainError('conflict', `A ${uc.status} use case cannot be edited.`, { reason: 'wrong_status' })
    }
    if (patch.expectedRevision !== uc.revision) {
      throw new DomainError('use_case_revision_conflict', 'Someone saved this use case after you opened it.', {
        currentRevision: uc.revision,
      })
    }
    if (patch.domainId !== undefined) await checkDomain(tx, patch.domainId, uc.programme_id)
    const tags = patch.tags === undefined ? undefined : await checkTags(tx, patch.tags)
    const next = {
      title: patch.title ?? uc.title,
      content: JSON.stringify(patch.content ?? uc.content),
      trl_min: patch.trlMin === undefined ? uc.trl_min : patch.trlMin,
      trl_max: patch.trlMax === undefined ? uc.trl_max : patch.trlMax,
      domain_id: patch.domainId === undefined ? uc.domain_id : patch.domainId,
      confidentiality: patch.confidentiality ?? uc.confidentiality,
    }
    if (next.trl_min !== null && next.trl_max !== null && next.trl_min > next.trl_max) {
      throw new DomainError('validation_failed', 'TRL range', {}, [
        { path: 'trlMax', code: 'trl_range', message: 'The highest TRL is below the lowest.' },
      ])
    }
    const now = ctx.clock.now()
    const revision = uc.revision + 1
    await tx
      .updateTable('use_cases')
      .set({ ...next, revision, updated_at: now })
      .where('id', '=', id)
      .execute()
    await tx
      .insertInto('use_case_revisions')
      .values({ ...next, use_case_id: id, revision, author_id: ctx.actor.userId, created_at: now })
      .execute()
    if (tags) await replaceTags(tx, id, tags)
    const { expectedRevision: _, ...changed } = patch
    await recordAudit(tx, ctx, {
      action: 'use_case.updated',
      subjectType: 'use_case',
      subjectId: id,
      change: { revision, fields: Object.keys(changed).sort(), after: changed },
    })
    return readUseCase(tx, ctx.actor, id)
  })
}
