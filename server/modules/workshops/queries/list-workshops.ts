import type { Workshop } from '../../../../shared/contracts/workshops.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { canSee } from '../commands/guard.ts'
import { toWorkshop } from './workshop-view.ts'

/** Workshops the caller may see (drafts only for their organisers), soonest first. */
export async function listWorkshops(ctx: CommandContext): Promise<{ items: Workshop[] }> {
  authorize(ctx.actor, 'workshop.view')
  const rows = await ctx.db.selectFrom('workshops').selectAll().orderBy('starts_at').orderBy('id').limit(500).execute()
  const now = ctx.clock.now()
  const items: Workshop[] = []
  for (const w of rows.filter((r) => canSee(ctx.actor, r))) {
    items.push(await toWorkshop(ctx.db, ctx.actor, w, ctx.publicUrl, now))
  }
  return { items }
}
