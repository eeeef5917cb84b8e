import { sql } from 'kysely'
import type { Queryable } from '../../../../platform/db/client.ts'
import { detectLanguage, weightedVector } from '../../../../platform/search/language.ts'

/**
 * Rebuilds a post's full-text vector in its text's language (detected; 'simple' when unclear):
 * A title, B expertise offered and sought, C description and tag names. The organisation's name is
 * never indexed, so no search finds an anonymous post by who wrote it.
 */
export async function refreshPostVector(db: Queryable, postId: string): Promise<void> {
  const p = await db
    .selectFrom('partnering_posts')
    .select(['title', 'description', 'expertise_offered', 'expertise_sought'])
    .where('id', '=', postId)
    .executeTakeFirstOrThrow()
  const tags = await db
    .selectFrom('partnering_post_tags as pt')
    .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
    .select('t.name')
    .where('pt.post_id', '=', postId)
    .execute()
  const language = detectLanguage(`${p.title}. ${p.description}`) ?? 'simple'
  const vector = weightedVector(language, {
    a: p.title,
    b: `${p.expertise_offered} ${p.expertise_sought}`,
    c: `${p.description} ${tags.map((t) => t.name).join(' ')}`,
  })
  await db
    .updateTable('partnering_posts')
    .set({ language, search_vector: sql<string>`${vector}` })
    .where('id', '=', postId)
    .execute()
}
