import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../../server/platform/db/client.ts'
import { defaultCallConfig } from '../../shared/calls/presets.ts'
import { localToInstant } from '../../shared/calls/time.ts'
import type { CallConfigInput } from '../../shared/contracts/calls.ts'

let counter = 0

/** A unique call code (`T1A2B3`…). */
export function callCode(prefix = 'T'): string {
  counter++
  return `${prefix}${counter}${randomBytes(2).toString('hex').toUpperCase()}`
}

/** A complete, valid configuration (the presets' default), with overrides per top-level part. */
export function callConfigBody(overrides: Partial<CallConfigInput> = {}): CallConfigInput {
  return { ...defaultCallConfig(), ...overrides }
}

/**
 * A valid POST /calls body: opens 10 March 2026 09:00 and closes 14 April 2026 17:00, Brussels time
 * (winter time at the opening, summer time at the deadline); traits override fields.
 */
export function callBody(traits: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: callCode(),
    title: { en: 'Safer public spaces', fr: 'Des espaces publics plus sûrs', nl: 'Veiligere openbare ruimten' },
    summary: {
      en: 'Prototypes for the protection of crowded places, tested with the cities that asked for them.',
      fr: 'Des prototypes pour protéger les lieux très fréquentés, testés avec les villes qui les ont demandés.',
      nl: 'Prototypes voor de bescherming van drukke plaatsen, getest met de steden die erom vroegen.',
    },
    opensAtLocal: '2026-03-10T09:00',
    deadlineLocal: '2026-04-14T17:00',
    timeZone: 'Europe/Brussels',
    challengeIds: [],
    config: callConfigBody(),
    ...traits,
  }
}

function instant(local: string, zone: string): Date {
  const r = localToInstant(local, zone)
  if ('error' in r) throw new Error(`${local} does not exist in ${zone}`)
  return r.instant
}

export interface InsertedCall {
  id: string
  code: string
  opensAt: Date
  closesAt: Date
}

/**
 * A call written straight to the database (for other modules' tests): published unless `draft`, with
 * the default configuration; `frozen` writes version 1 as the opening job would.
 */
export async function insertCall(
  db: Database,
  traits: {
    programmeId: string
    code?: string
    opensAt?: string | Date
    closesAt?: string | Date
    timeZone?: string
    config?: CallConfigInput
    draft?: boolean
    frozen?: boolean
    challengeIds?: string[]
  },
): Promise<InsertedCall> {
  const zone = traits.timeZone ?? 'Europe/Brussels'
  const opensAt = traits.opensAt ? new Date(traits.opensAt) : instant('2026-03-10T09:00', zone)
  const closesAt = traits.closesAt ? new Date(traits.closesAt) : instant('2026-04-14T17:00', zone)
  const code = traits.code ?? callCode('C')
  const config = JSON.stringify(traits.config ?? defaultCallConfig())
  const row = await db
    .insertInto('calls')
    .values({
      programme_id: traits.programmeId,
      code,
      title: JSON.stringify({ en: `Call ${code}` }),
      summary: JSON.stringify({ en: `Summary of ${code}` }),
      opens_at: opensAt,
      closes_at: closesAt,
      time_zone: zone,
      config,
      published_at: traits.draft ? null : new Date(opensAt.getTime() - 86_400_000),
      frozen_at: traits.frozen ? opensAt : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (traits.frozen) {
    await db
      .insertInto('call_versions')
      .values({ call_id: row.id, version: 1, config, opens_at: opensAt, closes_at: closesAt })
      .execute()
  }
  if (traits.challengeIds?.length) {
    await db
      .insertInto('challenge_calls')
      .values(traits.challengeIds.map((challenge_id) => ({ challenge_id, call_id: row.id })))
      .execute()
  }
  return { id: row.id, code, opensAt, closesAt }
}

/**
 * Publishes calls of the programme by code, straight in the database (the programme seed leaves OC1 and
 * OC2 as drafts; the demo seed publishes them through the calls module). Published a day before they
 * open, like the demo; no jobs are scheduled. Returns the ids, in the order of `codes`.
 */
export async function publishCalls(db: Database, programmeId: string, codes: string[] = ['OC1', 'OC2']) {
  const rows = await db
    .updateTable('calls')
    .set((eb) => ({ published_at: eb.fn.coalesce('published_at', sql<Date>`opens_at - interval '1 day'`) }))
    .where('programme_id', '=', programmeId)
    .where('code', 'in', codes)
    .returning(['id', 'code'])
    .execute()
  return codes.map((code) => {
    const row = rows.find((r) => r.code === code)
    if (!row) throw new Error(`No call ${code} in the programme`)
    return row.id
  })
}
