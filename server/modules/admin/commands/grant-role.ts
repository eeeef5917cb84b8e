import type { z } from 'zod'
import type { roleGrantInput } from '../../../../shared/contracts/admin.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { currentProgrammeId } from '../queries/current-programme.ts'

/** Gives a person a programme role: operator, cluster staff (of one partner cluster) or expert. */
export async function grantRole(ctx: CommandContext, input: z.output<typeof roleGrantInput>): Promise<string> {
  authorize(ctx.actor, 'admin.roles.manage')
  const programmeId = await currentProgrammeId(ctx.db)
  return inTransaction(ctx.db, async (tx) => {
    const user = await tx.selectFrom('users').select(['id', 'email']).where('id', '=', input.userId).executeTakeFirst()
    if (!user)
      throw new DomainError('user_not_found', 'No such user.', {}, [
        { path: 'userId', code: 'user_not_found', message: 'No such user.' },
      ])
    if (input.clusterId) {
      const cluster = await tx
        .selectFrom('clusters')
        .select('id')
        .where('id', '=', input.clusterId)
        .where('programme_id', '=', programmeId)
        .executeTakeFirst()
      if (!cluster) {
        throw new DomainError('cluster_not_found', 'No such partner cluster in this programme.', {}, [
          { path: 'clusterId', code: 'cluster_not_found', message: 'No such partner cluster.' },
        ])
      }
    }
    const row = await tx
      .insertInto('programme_roles')
      .values({
        programme_id: programmeId,
        user_id: input.userId,
        role: input.role,
        cluster_id: input.clusterId ?? null,
        granted_by: ctx.actor.userId,
        granted_at: ctx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['programme_id', 'user_id', 'role']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) throw new DomainError('role_already_granted', 'This person already has this role.')
    await recordAudit(tx, ctx, {
      action: 'programme_role.granted',
      subjectType: 'user',
      subjectId: input.userId,
      change: { grantId: row.id, role: input.role, clusterId: input.clusterId ?? null, email: user.email },
    })
    return row.id
  })
}
