import type { z } from 'zod'
import type { programmeSettingsPatch } from '../../../../shared/contracts/programmes.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

/** Changes programme settings, such as requiring two-factor sign-in of operators. */
export async function updateProgrammeSettings(
  ctx: CommandContext,
  programmeId: string,
  input: z.output<typeof programmeSettingsPatch>,
): Promise<void> {
  authorize(ctx.actor, 'programme.manage')
  if (input.requireOperatorTwoFactor === true && !ctx.actor.twoFactorEnabled) {
    // Otherwise the operator would lock themselves out of the very setting they just changed.
    throw new DomainError(
      'two_factor_required',
      'Set up two-factor sign-in for yourself before requiring it of operators.',
    )
  }
  await inTransaction(ctx.db, async (tx) => {
    const before = await tx
      .selectFrom('programmes')
      .select(['require_operator_two_factor'])
      .where('id', '=', programmeId)
      .forUpdate()
      .executeTakeFirst()
    if (!before) throw new DomainError('not_found', 'No such programme.')
    if (
      input.requireOperatorTwoFactor === undefined ||
      input.requireOperatorTwoFactor === before.require_operator_two_factor
    )
      return
    await tx
      .updateTable('programmes')
      .set({ require_operator_two_factor: input.requireOperatorTwoFactor, updated_at: ctx.clock.now() })
      .where('id', '=', programmeId)
      .execute()
    await recordAudit(tx, ctx, {
      action: 'programme.settings_updated',
      subjectType: 'programme',
      subjectId: programmeId,
      change: {
        requireOperatorTwoFactor: { from: before.require_operator_two_factor, to: input.requireOperatorTwoFactor },
      },
    })
  })
}
