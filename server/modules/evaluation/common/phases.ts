import type { Queryable } from '../../../platform/db/client.ts'

export const phaseKinds = ['individual', 'consensus', 'panel'] as const
export type PhaseKind = (typeof phaseKinds)[number]
/** Where a phase stands at a moment: not set up, before its start, open, or past its end. */
export type PhaseStatus = 'unset' | 'upcoming' | 'open' | 'closed'

export interface PhaseWindow {
  kind: PhaseKind
  startsAt: Date | null
  endsAt: Date | null
  status: PhaseStatus
}

export type PhaseStates = Record<PhaseKind, PhaseWindow>

export function phaseStatus(startsAt: Date | null, endsAt: Date | null, now: Date): PhaseStatus {
  if (!startsAt || !endsAt) return 'unset'
  if (now < startsAt) return 'upcoming'
  if (now >= endsAt) return 'closed'
  return 'open'
}

/** The three phases of a call's evaluation and their status at `now` (the injectable clock's time). */
export async function readPhases(db: Queryable, callId: string, now: Date): Promise<PhaseStates> {
  const rows = await db
    .selectFrom('evaluation_phases')
    .select(['kind', 'starts_at', 'ends_at'])
    .where('call_id', '=', callId)
    .execute()
  const out = {} as PhaseStates
  for (const kind of phaseKinds) {
    const r = rows.find((x) => x.kind === kind)
    const startsAt = r ? new Date(r.starts_at) : null
    const endsAt = r ? new Date(r.ends_at) : null
    out[kind] = { kind, startsAt, endsAt, status: phaseStatus(startsAt, endsAt, now) }
  }
  return out
}

/**
 * Whether experts of the call may still see only their own evaluation: until the individual phase has
 * closed (or while it is not set up), each expert is blind to the others.
 */
export function individualBlind(p: PhaseStates): boolean {
  return p.individual.status !== 'closed'
}
