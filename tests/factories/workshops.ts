import { randomBytes } from 'node:crypto'
import type { Database } from '../../server/platform/db/client.ts'
import { seedId } from '../../server/seed/ids.ts'

export const clusterId = (key = 'hsd') => seedId(`cluster:securit:${key}`)

/** A valid create body; traits override fields. */
export function workshopBody(traits: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clusterId: clusterId(),
    title: 'Securing city events',
    description: 'Agenda: pains, use cases, vote.',
    format: 'hybrid',
    startsAt: '2026-11-18T09:00:00Z',
    endsAt: '2026-11-18T11:00:00Z',
    timeZone: 'Europe/Brussels',
    capacity: 2,
    meetingUrl: 'https://meet.example.test/ws',
    location: 'Brussels, Rue de la Loi 1',
    ...traits,
  }
}

/**
 * A use case written straight to the database, in a status that can be put to a vote by default. Its
 * organisation is made a member of `followedBy` (default HSD; null for none), so that cluster's staff
 * see it and may put it to a vote (use-cases/queries/visibility.ts).
 */
export async function createUseCase(
  db: Database,
  traits: {
    programmeId: string
    organisationId: string
    title?: string
    status?: string
    followedBy?: string | null
  },
): Promise<string> {
  const cluster = traits.followedBy === undefined ? 'hsd' : traits.followedBy
  if (cluster) {
    await db
      .insertInto('cluster_members')
      .values({ cluster_id: clusterId(cluster), organisation_id: traits.organisationId })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  const row = await db
    .insertInto('use_cases')
    .values({
      programme_id: traits.programmeId,
      organisation_id: traits.organisationId,
      reference: `UC-T-${randomBytes(4).toString('hex')}`,
      status: traits.status ?? 'submitted',
      confidentiality: 'programme',
      title: traits.title ?? 'A use case',
      content: JSON.stringify({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The lines of an iCalendar text, unfolded (RFC 5545 §3.1), as [name;params, value] pairs. */
export function parseIcs(text: string): { name: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => {
      const i = l.indexOf(':')
      if (i < 0) throw new Error(`not a content line: ${l}`)
      return { name: l.slice(0, i), value: l.slice(i + 1) }
    })
}
