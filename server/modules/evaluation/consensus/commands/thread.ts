import type { Thread, ThreadMessage } from '../../../../../shared/contracts/evaluation-consensus.ts'
import { recordAudit } from '../../../../platform/audit/index.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { inTransaction, type Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { activeAssignment } from '../../common/access.ts'
import type { PhaseStates } from '../../common/phases.ts'
import { expertNumbers } from '../domain/stats.ts'
import { expertsMayRead, isModerator, loadApplication, readPhases } from '../queries/context.ts'

/**
 * Who is reading or writing the thread: a moderator (operator of the call's programme; any time), or an
 * expert with an active assignment to the application (reading once the individual phase has closed and the
 * consensus phase has started; posting while the consensus phase is open). Anyone else: 404.
 */
async function threadAccess(db: Queryable, ctx: CommandContext, applicationId: string) {
  authorize(ctx.actor, 'evaluation.expert')
  const userId = ctx.actor.userId
  if (!userId && ctx.actor.kind !== 'system') throw new DomainError('not_signed_in')
  const app = await loadApplication(db, applicationId)
  const phases = await readPhases(db, app.callId, ctx.clock.now())
  if (isModerator(ctx.actor, app.call.programmeId)) return { app, phases, moderator: true, canPost: true }
  await activeAssignment(db, userId as string, applicationId)
  if (!expertsMayRead(phases))
    throw new DomainError('evaluation_phase_closed', 'The consensus thread opens with the consensus phase.')
  return { app, phases, moderator: false, canPost: phases.consensus.status === 'open' }
}

const expertCanPost = (p: PhaseStates) => p.consensus.status === 'open'

async function messagesOf(db: Queryable, applicationId: string, viewer: { moderator: boolean; userId: string | null }) {
  const [rows, assignments] = await Promise.all([
    db
      .selectFrom('consensus_messages as m')
      .leftJoin('users as u', 'u.id', 'm.author_id')
      .select(['m.id', 'm.body', 'm.created_at', 'm.author_id', 'u.name'])
      .where('m.application_id', '=', applicationId)
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('evaluation_assignments')
      .select(['id', 'user_id', 'created_at'])
      .where('application_id', '=', applicationId)
      .execute(),
  ])
  const numbers = expertNumbers(assignments.map((a) => ({ userId: a.user_id, createdAt: a.created_at, id: a.id })))
  return rows.map(
    (r): ThreadMessage => ({
      id: r.id,
      body: r.body,
      createdAt: new Date(r.created_at).toISOString(),
      author: {
        // An author who was ever on the panel is "Expert n"; anyone else wrote as a moderator.
        role: r.author_id && numbers.has(r.author_id) ? 'expert' : 'moderator',
        expertNumber: r.author_id ? (numbers.get(r.author_id) ?? null) : null,
        name: viewer.moderator ? (r.name ?? null) : null,
        mine: !!viewer.userId && r.author_id === viewer.userId,
      },
    }),
  )
}

export async function readThread(ctx: CommandContext, applicationId: string): Promise<Thread> {
  const a = await threadAccess(ctx.db, ctx, applicationId)
  return {
    items: await messagesOf(ctx.db, applicationId, { moderator: a.moderator, userId: ctx.actor.userId }),
    canPost: a.canPost,
    viewer: a.moderator ? 'moderator' : 'expert',
  }
}

export async function postMessage(ctx: CommandContext, applicationId: string, body: string): Promise<ThreadMessage> {
  const id = await inTransaction(ctx.db, async (tx) => {
    const a = await threadAccess(tx, ctx, applicationId)
    if (!a.moderator && !expertCanPost(a.phases))
      throw new DomainError('evaluation_phase_closed', 'Experts post while the consensus phase is open.')
    const row = await tx
      .insertInto('consensus_messages')
      .values({ application_id: applicationId, author_id: ctx.actor.userId, body, created_at: ctx.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'evaluation.consensus_message_posted',
      subjectType: 'application',
      subjectId: applicationId,
      change: { messageId: row.id, length: body.length, asModerator: a.moderator },
    })
    return { id: row.id, moderator: a.moderator }
  })
  const all = await messagesOf(ctx.db, applicationId, { moderator: id.moderator, userId: ctx.actor.userId })
  return all.find((m) => m.id === id.id) as ThreadMessage
}
