import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { enqueue } from '../../../platform/jobs/queue.ts'
import { type CallRow, iso } from './guard.ts'

export const OPEN_QUEUE = 'calls.open'
export const CLOSE_QUEUE = 'calls.close'

/**
 * Schedules the opening and the closing of a published call at its instants. The payload carries the
 * instant it was scheduled for: a job whose instant is no longer the call's (moved, unpublished,
 * cancelled) does nothing, so moving a date just schedules again.
 */
export async function scheduleCallJobs(tx: Tx, c: Pick<CallRow, 'id' | 'opens_at' | 'closes_at'>): Promise<void> {
  await enqueue(tx, OPEN_QUEUE, { callId: c.id, at: iso(c.opens_at) }, new Date(c.opens_at))
  await enqueue(tx, CLOSE_QUEUE, { callId: c.id, at: iso(c.closes_at) }, new Date(c.closes_at))
}

/** The latest published version of a call's configuration (0 before it opened). */
export async function latestVersion(tx: Tx, callId: string): Promise<number> {
  const row = await tx
    .selectFrom('call_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('call_id', '=', callId)
    .executeTakeFirst()
  return Number(row?.v ?? 0)
}

/** Writes the next version of a call's configuration as it now stands (the row must be locked). */
export async function writeVersion(
  tx: Tx,
  c: CallRow,
  changeLog: LocalizedText | null,
  userId: string | null,
  now: Date,
): Promise<number> {
  const version = (await latestVersion(tx, c.id)) + 1
  await tx
    .insertInto('call_versions')
    .values({
      call_id: c.id,
      version,
      config: JSON.stringify(c.config),
      opens_at: c.opens_at,
      closes_at: c.closes_at,
      change_log: changeLog === null ? null : JSON.stringify(changeLog),
      created_by: userId,
      created_at: now,
    })
    .execute()
  return version
}

/**
 * Freezes a call's configuration as it opens (idempotent): sets `frozen_at` and writes version 1, the
 * configuration the call opened with, unless written already. The row must be locked.
 */
export async function freezeCall(tx: Tx, c: CallRow, now: Date, userId: string | null): Promise<CallRow> {
  if ((await latestVersion(tx, c.id)) === 0) await writeVersion(tx, c, null, userId, now)
  if (c.frozen_at !== null) return c
  return tx.updateTable('calls').set({ frozen_at: now }).where('id', '=', c.id).returningAll().executeTakeFirstOrThrow()
}
