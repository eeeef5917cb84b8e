import type { Workshop } from '../../../../shared/contracts/workshops.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { loadWorkshop } from '../commands/guard.ts'
import { toWorkshop } from './workshop-view.ts'

export async function getWorkshop(ctx: CommandContext, id: string): Promise<Workshop> {
  authorize(ctx.actor, 'workshop.view')
  const w = await loadWorkshop(ctx.db, ctx.actor, id)
  return toWorkshop(ctx.db, ctx.actor, w, ctx.publicUrl, ctx.clock.now())
}
