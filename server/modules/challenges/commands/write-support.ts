import { sql } from 'kysely'
import type { ChallengeContent } from '../../../../shared/contracts/challenges.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { DomainError, type FieldError } from '../../../platform/errors.ts'
import { codeFitsDomain, contentText, isTrlRange, searchConfigOf } from '../domain/rules.ts'

export interface DomainRow {
  id: string
  code: string
  programme_id: string
}

export async function loadDomain(tx: Tx, domainId: string): Promise<DomainRow> {
  const d = await tx
    .selectFrom('domains')
    .select(['id', 'code', 'programme_id'])
    .where('id', '=', domainId)
    .executeTakeFirst()
  if (!d) throw invalid([{ path: 'domainId', code: 'not_found', message: 'No such domain.' }])
  return d
}

function invalid(errors: FieldError[]): DomainError {
  return new DomainError('validation_failed', errors[0]?.message, { in: 'body' }, errors)
}

/** The rules a challenge's fields must keep together, reported with the paths of the fields to fix. */
export function assertChallengeRules(v: { code: string; trlMin: number; trlMax: number }, domain: DomainRow): void {
  const errors: FieldError[] = []
  if (!codeFitsDomain(v.code, domain.code)) {
    errors.push({ path: 'code', code: 'code_domain_mismatch', message: `The code must start with ${domain.code}-C.` })
  }
  if (!isTrlRange(v.trlMin, v.trlMax)) {
    errors.push({ path: 'trlMax', code: 'trl_range', message: 'The highest TRL must not be below the lowest.' })
  }
  if (errors.length) throw invalid(errors)
}

export async function assertTagsExist(tx: Tx, tagIds: readonly string[]): Promise<void> {
  if (tagIds.length === 0) return
  const found = await tx
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('id', 'in', [...tagIds])
    .execute()
  const known = new Set(found.map((t) => t.id))
  const errors = tagIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `tagIds.${i}`, code: 'not_found', message: 'No such taxonomy term.' }],
  )
  if (errors.length) throw invalid(errors)
}

/** Code and slug are unique in a programme: a taken one is a conflict naming the field. */
export async function assertUnique(
  tx: Tx,
  programmeId: string,
  v: { code: string; slug: string },
  exceptId?: string,
): Promise<void> {
  for (const field of ['code', 'slug'] as const) {
    let q = tx.selectFrom('challenges').select('id').where('programme_id', '=', programmeId).where(field, '=', v[field])
    if (exceptId) q = q.where('id', '<>', exceptId)
    if (await q.executeTakeFirst()) {
      const message = `Another challenge has this ${field}.`
      throw new DomainError('conflict', message, {}, [{ path: field, code: 'taken', message }])
    }
  }
}

export async function replaceTags(tx: Tx, challengeId: string, tagIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('challenge_tags').where('challenge_id', '=', challengeId).execute()
  if (tagIds.length === 0) return
  await tx
    .insertInto('challenge_tags')
    .values([...new Set(tagIds)].map((term_id) => ({ challenge_id: challengeId, term_id })))
    .execute()
}

/**
 * Recomputes the search vector from the stored title, summary and content, stemmed in the challenge's
 * language. The same SQL runs on PGlite and PostgreSQL.
 */
export async function refreshSearchVector(
  tx: Tx,
  challengeId: string,
  v: { language: string; content: ChallengeContent },
): Promise<void> {
  const config = searchConfigOf(v.language)
  await tx
    .updateTable('challenges')
    .set({
      search_vector: sql<string>`to_tsvector(${config}::regconfig, title || ' ' || summary || ' ' || ${contentText(v.content)})`,
    })
    .where('id', '=', challengeId)
    .execute()
}

/** Appends the immutable version row of what was just saved. */
export async function appendVersion(tx: Tx, challengeId: string, authorId: string | null, now: Date): Promise<void> {
  const c = await tx.selectFrom('challenges').selectAll().where('id', '=', challengeId).executeTakeFirstOrThrow()
  await tx
    .insertInto('challenge_versions')
    .values({
      challenge_id: c.id,
      version: c.version,
      title: c.title,
      summary: c.summary,
      content: JSON.stringify(c.content),
      trl_min: c.trl_min,
      trl_max: c.trl_max,
      domain_id: c.domain_id,
      author_id: authorId,
      created_at: now,
    })
    .execute()
}
