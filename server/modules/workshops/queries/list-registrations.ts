import type { Registration } from '../../../../shared/contracts/workshops.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { iso, loadAsOrganiser } from '../commands/guard.ts'

function base(db: Queryable) {
  return db
    .selectFrom('workshop_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'u.name', 'u.email', 'r.status', 'r.attended', 'r.created_at'])
}

function toRegistration(r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): Registration {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    status: r.status as Registration['status'],
    attended: r.attended,
    createdAt: iso(r.created_at),
  }
}

export async function readRegistration(db: Queryable, id: string): Promise<Registration> {
  return toRegistration(await base(db).where('r.id', '=', id).executeTakeFirstOrThrow())
}

/** Organisers: every registration, in queue order. */
export async function listRegistrations(ctx: CommandContext, id: string): Promise<{ items: Registration[] }> {
  await loadAsOrganiser(ctx.db, ctx.actor, id, false)
  const rows = await base(ctx.db).where('r.workshop_id', '=', id).orderBy('r.position').execute()
  return { items: rows.map(toRegistration) }
}
