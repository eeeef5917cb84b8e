import type { Database } from '../../server/platform/db/client.ts'

let counter = 0

/** A published challenge of the programme written straight to the database, with its text and tags. */
export async function insertChallenge(
  db: Database,
  programmeId: string,
  t: { title: string; summary: string; problem: string; tags?: string[]; trl?: [number, number]; status?: string },
): Promise<{ id: string; code: string }> {
  counter++
  const domain = await db
    .selectFrom('domains')
    .select(['id', 'code'])
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .executeTakeFirstOrThrow()
  const code = `${domain.code}-C${90 + counter}`
  const row = await db
    .insertInto('challenges')
    .values({
      programme_id: programmeId,
      domain_id: domain.id,
      code,
      slug: `rec-test-${counter}-${Date.now()}`,
      status: t.status ?? 'published',
      title: t.title,
      summary: t.summary,
      content: JSON.stringify({
        problem: t.problem,
        expectedOutcome: '',
        requirements: ['A pilot with the end-user'],
        endUserOffers: { testBed: '', data: '', validation: '' },
      }),
      language: 'en',
      trl_min: t.trl?.[0] ?? 5,
      trl_max: t.trl?.[1] ?? 8,
      published_at: t.status === 'draft' ? null : new Date('2026-01-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (t.tags?.length) {
    await db
      .insertInto('challenge_tags')
      .values(t.tags.map((term_id) => ({ challenge_id: row.id, term_id })))
      .execute()
  }
  return { id: row.id, code }
}

/** An organisation's profile text and expertise tags, written straight to the database. */
export async function describe(db: Database, organisationId: string, description: string, tags: string[] = []) {
  await db.updateTable('organisations').set({ description, language: 'en' }).where('id', '=', organisationId).execute()
  if (tags.length) {
    await db
      .insertInto('organisation_tags')
      .values(tags.map((term_id) => ({ organisation_id: organisationId, term_id })))
      .execute()
  }
}
