import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

// Names change rarely and a minute-old one in "changed by …" harms nobody: autosaves skip the query.
const names = new Map<string, { name: string; until: number }>()
const TTL_MS = 60_000

/** How the caller is named to co-editors ("changed by …"): the account's name, else its label. */
export async function actorName(db: Queryable, ctx: Pick<CommandContext, 'actor'>): Promise<string | null> {
  const userId = ctx.actor.userId
  if (!userId) return ctx.actor.label
  const now = Date.now()
  const cached = names.get(userId)
  if (cached && cached.until > now) return cached.name
  const u = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst()
  const name = u?.name ?? ctx.actor.label
  if (names.size > 5000) names.clear()
  names.set(userId, { name, until: now + TTL_MS })
  return name
}
