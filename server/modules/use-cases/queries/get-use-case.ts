import type { UseCase, UseCaseContent, UseCaseStatus } from '../../../../shared/contracts/use-cases.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { abilitiesForUseCase } from '../domain/abilities.ts'
import { partiesOf } from '../domain/parties.ts'
import { listCommentRows } from './list-comments.ts'
import { findVisible, iso, tagsOf, toSummary } from './use-case-view.ts'

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null)

/** One use case as `actor` sees it; its thread, revisions and history only for its parties. */
export async function readUseCase(db: Queryable, actor: Actor, id: string): Promise<UseCase> {
  const row = await findVisible(db, actor, id)
  const full = await db.selectFrom('use_cases').select('content').where('id', '=', id).executeTakeFirstOrThrow()
  // Captures happen only at published workshops, which every signed-in person may see.
  const capturedAt = row.workshop_id
    ? await db.selectFrom('workshops').select(['id', 'title']).where('id', '=', row.workshop_id).executeTakeFirst()
    : undefined
  const party = partiesOf(actor, row).length > 0
  const [tags, revisions, transitions, comments] = await Promise.all([
    tagsOf(db, [id]),
    party
      ? db
          .selectFrom('use_case_revisions as r')
          .leftJoin('users as u', 'u.id', 'r.author_id')
          .select(['r.revision', 'r.author_id', 'u.name', 'r.created_at'])
          .where('r.use_case_id', '=', id)
          .orderBy('r.revision')
          .execute()
      : [],
    party
      ? db
          .selectFrom('use_case_transitions as t')
          .leftJoin('users as u', 'u.id', 't.actor_id')
          .select(['t.from_status', 't.to_status', 't.reason', 't.actor_id', 'u.name', 't.created_at'])
          .where('t.use_case_id', '=', id)
          .orderBy('t.created_at')
          .orderBy('t.id')
          .execute()
      : [],
    party ? listCommentRows(db, id) : [],
  ])
  return {
    ...toSummary(row, tags.get(id)!),
    content: full.content as UseCaseContent,
    capturedAt: capturedAt ?? null,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      author: person(r.author_id, r.name),
      createdAt: iso(r.created_at),
    })),
    transitions: transitions.map((t) => ({
      from: t.from_status as UseCaseStatus,
      to: t.to_status as UseCaseStatus,
      reason: t.reason,
      actor: person(t.actor_id, t.name),
      createdAt: iso(t.created_at),
    })),
    comments,
    abilities: abilitiesForUseCase(actor, { ...row, status: row.status as UseCaseStatus }),
  }
}

export async function getUseCase(ctx: CommandContext, id: string): Promise<UseCase> {
  authorize(ctx.actor, 'use_case.view')
  return readUseCase(ctx.db, ctx.actor, id)
}
