import type { Tx } from '../../../platform/db/client.ts'
import { promotions, SEAT_HOLDERS } from '../domain/registration.ts'
import type { WorkshopRow } from './guard.ts'

/** Moves people from the waiting list, in the order they registered, into the free seats. */
export async function promoteFromWaitlist(tx: Tx, w: WorkshopRow): Promise<string[]> {
  const counts = await tx
    .selectFrom('workshop_registrations')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('workshop_id', '=', w.id)
    .where('status', 'in', [...SEAT_HOLDERS, 'waitlisted'])
    .groupBy('status')
    .execute()
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0)
  const k = promotions(n('pending') + n('approved'), w.capacity, n('waitlisted'))
  if (k === 0) return []
  const next = await tx
    .selectFrom('workshop_registrations')
    .select('id')
    .where('workshop_id', '=', w.id)
    .where('status', '=', 'waitlisted')
    .orderBy('position')
    .limit(k)
    .execute()
  const ids = next.map((r) => r.id)
  await tx.updateTable('workshop_registrations').set({ status: 'pending' }).where('id', 'in', ids).execute()
  return ids
}

/** Seats held now (pending + approved). */
export async function seatsTaken(tx: Tx, workshopId: string): Promise<number> {
  const row = await tx
    .selectFrom('workshop_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workshop_id', '=', workshopId)
    .where('status', 'in', [...SEAT_HOLDERS])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
