import type { z } from 'zod'
import type { Workshop, workshopCreate } from '../../../../shared/contracts/workshops.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { toWorkshop } from '../queries/workshop-view.ts'
import { isOrganiser } from './guard.ts'
import { checkShape } from './shape.ts'

export type WorkshopCreate = z.output<typeof workshopCreate>

/** A cluster's staff (or an operator) creates a draft workshop for the cluster's programme. */
export async function createWorkshop(ctx: CommandContext, input: WorkshopCreate): Promise<Workshop> {
  authorize(ctx.actor, 'workshop.manage')
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const cluster = await tx
      .selectFrom('clusters')
      .select(['id', 'programme_id'])
      .where('id', '=', input.clusterId)
      .executeTakeFirst()
    if (!cluster) throw new DomainError('cluster_not_found')
    const owner = { programme_id: cluster.programme_id, cluster_id: cluster.id }
    if (!isOrganiser(ctx.actor, owner)) {
      throw new DomainError('forbidden', 'You may organise workshops only for your own cluster.', {
        reason: 'missing_role',
      })
    }
    await checkShape(tx, cluster.programme_id, input)
    const row = await tx
      .insertInto('workshops')
      .values({
        programme_id: cluster.programme_id,
        cluster_id: cluster.id,
        status: 'draft',
        title: input.title,
        description: input.description,
        format: input.format,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        time_zone: input.timeZone,
        capacity: input.capacity,
        domain_ids: input.domainIds,
        meeting_url: input.meetingUrl,
        location: input.location,
        points_budget: input.pointsBudget,
        vote_closes_at: input.voteClosesAt,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, ctx, {
      action: 'workshop.created',
      subjectType: 'workshop',
      subjectId: row.id,
      change: input,
    })
    return toWorkshop(tx, ctx.actor, row, ctx.publicUrl, now)
  })
}
