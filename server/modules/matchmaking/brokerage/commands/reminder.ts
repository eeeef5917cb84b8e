import type { AgendaItem } from '../../../../../shared/contracts/brokerage.ts'
import { systemActor } from '../../../../platform/authz/actor.ts'
import type { Clock } from '../../../../platform/clock.ts'
import type { Database, Queryable, Tx } from '../../../../platform/db/client.ts'
import { enqueue, type JobWorker } from '../../../../platform/jobs/queue.ts'
import type { Mailer } from '../../../../platform/mail/mailer.ts'
import type { EventRow } from '../queries/access.ts'
import { agendaOf } from '../queries/agenda.ts'
import { agendaAttachment, buildAgendaIcs } from '../queries/calendar.ts'
import { notifyBrokerage, when } from './notify.ts'

export const BROKERAGE_REMINDER_QUEUE = 'brokerage.reminder'

/** The start of a participant's first meeting as shown to them, or null. */
async function firstMeeting(db: Queryable, e: EventRow, participantId: string): Promise<Date | null> {
  const items = await agendaOf(db, systemActor, e, participantId)
  return items[0] ? new Date(items[0].startsAt) : null
}

/**
 * Schedules the reminder of each participant named: a job `reminderHours` before their first meeting, carrying
 * that meeting's start. A job whose start is no longer the participant's first meeting does nothing, so a new
 * booking or a new schedule just adds the right one.
 */
export async function scheduleReminders(tx: Tx, e: EventRow, participantIds: readonly string[]): Promise<void> {
  for (const participantId of new Set(participantIds)) {
    const first = await firstMeeting(tx, e, participantId)
    if (!first) continue
    const runAt = new Date(first.getTime() - e.reminder_hours * 3_600_000)
    await enqueue(tx, BROKERAGE_REMINDER_QUEUE, { eventId: e.id, participantId, firstAt: first.toISOString() }, runAt)
  }
}

function agendaText(items: readonly AgendaItem[], e: EventRow, locale: string): string {
  return items
    .map((i) => {
      const o = i.with.organisation
      const who = o.disclosed ? `${o.name}${i.with.name ? ` (${i.with.name})` : ''}` : o.country
      return `- ${when(i.startsAt, locale, e.time_zone)} · ${e.mode === 'online' ? '#' : 'T'}${i.table} · ${who}`
    })
    .join('\n')
}

/**
 * The reminder: the participant's agenda by mail (with agenda.ics) and in the app. Nothing when the event was
 * closed, the participant's first meeting moved since (a newer job exists), it has started, or this first meeting
 * was already reminded (`reminded_for`).
 */
export function registerReminderJob(
  worker: JobWorker,
  deps: { mailer: Mailer; publicUrl: string; clock: Clock },
): void {
  worker.register(BROKERAGE_REMINDER_QUEUE, async (payload, db: Database) => {
    await db.transaction().execute(async (tx) => {
      const p = await tx
        .selectFrom('brokerage_participants')
        .selectAll()
        .where('id', '=', String(payload.participantId))
        .forUpdate()
        .executeTakeFirst()
      if (!p) return
      const e = await tx.selectFrom('brokerage_events').selectAll().where('id', '=', p.event_id).executeTakeFirst()
      if (e?.status !== 'published') return
      const items = await agendaOf(tx, systemActor, e, p.id)
      const first = items[0] ? new Date(items[0].startsAt) : null
      const planned = String(payload.firstAt)
      if (!first || first.toISOString() !== planned) return
      if (first.getTime() <= deps.clock.now().getTime()) return
      if (p.reminded_for && new Date(p.reminded_for).getTime() === first.getTime()) return
      const ics = buildAgendaIcs(e, items, { publicUrl: deps.publicUrl, stamp: deps.clock.now() })
      await notifyBrokerage(tx, deps, e, 'brokerage_reminder', [p.user_id], {
        params: { startsAt: first.toISOString(), timeZone: e.time_zone, count: String(items.length) },
        link: `/app/brokerage/${e.id}/agenda`,
        mailVars: (r) => ({ start: when(first, r.locale, e.time_zone), agenda: agendaText(items, e, r.locale) }),
        attachments: () => [agendaAttachment(ics)],
      })
      await tx.updateTable('brokerage_participants').set({ reminded_for: first }).where('id', '=', p.id).execute()
    })
  })
}
