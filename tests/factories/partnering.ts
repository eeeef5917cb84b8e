import type { Database } from '../../server/platform/db/client.ts'
import type { TestClient } from '../support/app.ts'

/** Two taxonomy terms of the seeded programme, for tagging posts. */
export async function someTerms(db: Database, n = 2): Promise<{ id: string; name: string; taxonomyId: string }[]> {
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'name', 'taxonomy_id as taxonomyId'])
    .orderBy('taxonomy_id')
    .orderBy('position')
    .limit(n)
    .execute()
}

/** A published challenge of the seeded programme. */
export async function aChallenge(db: Database): Promise<{ id: string; code: string }> {
  return db
    .selectFrom('challenges')
    .select(['id', 'code'])
    .where('status', '=', 'published')
    .orderBy('code')
    .executeTakeFirstOrThrow()
}

/** The instant partner-search tests run at (their FixedClock). */
export const NOW = '2026-11-01T09:00:00Z'
export const inDays = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString()

/** A valid POST /partnering/posts body for `organisationId`; traits override fields. */
export function postBody(organisationId: string, traits: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisationId,
    kind: 'technology_offer',
    title: 'Thermal cameras for crowd monitoring',
    description:
      'We offer thermal imaging cameras with on-device analytics that count people in crowded public spaces.',
    expertiseOffered: 'thermal imaging, edge analytics',
    expertiseSought: 'an end-user city to validate the prototype',
    tags: [],
    countriesWanted: [],
    expiresAt: inDays(30),
    anonymous: false,
    ...traits,
  }
}

/** Creates and publishes a post through the API; answers its id. */
export async function publishedPost(
  client: TestClient,
  organisationId: string,
  traits: Record<string, unknown> = {},
): Promise<string> {
  const created = await client.post('/api/v1/partnering/posts', postBody(organisationId, traits))
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`)
  const published = await client.post(`/api/v1/partnering/posts/${created.body.id}/publish`)
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`)
  return created.body.id
}
