import type { Tx } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'

/** The programme of a domain (400 when the domain is unknown or of another programme). */
export async function checkDomain(tx: Tx, domainId: string | null, programmeId?: string): Promise<string | null> {
  if (domainId === null) return null
  const d = await tx.selectFrom('domains').select('programme_id').where('id', '=', domainId).executeTakeFirst()
  if (!d || (programmeId && d.programme_id !== programmeId)) {
    throw fieldError('domainId', 'unknown_domain', 'No such domain in this programme.')
  }
  return d.programme_id
}

/** Every tag must be a known taxonomy term. */
export async function checkTags(tx: Tx, termIds: string[]): Promise<string[]> {
  const unique = [...new Set(termIds)]
  if (unique.length === 0) return unique
  const found = await tx.selectFrom('taxonomy_terms').select('id').where('id', 'in', unique).execute()
  if (found.length !== unique.length) throw fieldError('tags', 'unknown_term', 'Unknown taxonomy term.')
  return unique
}

export async function replaceTags(tx: Tx, useCaseId: string, termIds: string[]): Promise<void> {
  await tx.deleteFrom('use_case_tags').where('use_case_id', '=', useCaseId).execute()
  if (termIds.length === 0) return
  await tx
    .insertInto('use_case_tags')
    .values(termIds.map((term_id) => ({ use_case_id: useCaseId, term_id })))
    .execute()
}
