import type { Tx } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'

const unique = (ids: string[]) => [...new Set(ids)]

/** Every domain must be one of the programme's (there is one programme per installation for now). */
export async function checkDomains(tx: Tx, ids: string[]): Promise<string[]> {
  const u = unique(ids)
  if (u.length === 0) return u
  const found = await tx.selectFrom('domains').select('id').where('id', 'in', u).execute()
  if (found.length !== u.length) throw fieldError('domainIds', 'unknown_domain', 'No such domain in this programme.')
  return u
}

/**
 * Only published challenges may be chosen; one that was chosen while published and has since been
 * unpublished may stay (`keep`), so that saving an older solution does not fail.
 */
export async function checkChallenges(tx: Tx, ids: string[], keep: string[] = []): Promise<string[]> {
  const u = unique(ids)
  if (u.length === 0) return u
  const found = await tx.selectFrom('challenges').select(['id', 'status']).where('id', 'in', u).execute()
  const ok = new Set(found.filter((c) => c.status === 'published' || keep.includes(c.id)).map((c) => c.id))
  if (u.some((id) => !ok.has(id))) {
    throw fieldError('challengeIds', 'unknown_challenge', 'Choose published challenges of the programme.')
  }
  return u
}

export async function checkTags(tx: Tx, ids: string[]): Promise<string[]> {
  const u = unique(ids)
  if (u.length === 0) return u
  const found = await tx.selectFrom('taxonomy_terms').select('id').where('id', 'in', u).execute()
  if (found.length !== u.length) throw fieldError('tags', 'unknown_term', 'Unknown taxonomy term.')
  return u
}

export async function currentLinks(tx: Tx, id: string) {
  const [domains, challenges, tags] = await Promise.all([
    tx.selectFrom('solution_domains').select('domain_id').where('solution_id', '=', id).execute(),
    tx.selectFrom('solution_challenges').select('challenge_id').where('solution_id', '=', id).execute(),
    tx.selectFrom('solution_tags').select('term_id').where('solution_id', '=', id).execute(),
  ])
  return {
    domainIds: domains.map((d) => d.domain_id).sort(),
    challengeIds: challenges.map((c) => c.challenge_id).sort(),
    tagIds: tags.map((t) => t.term_id).sort(),
  }
}

/** Replaces the links that are given (undefined = unchanged). */
export async function replaceLinks(
  tx: Tx,
  id: string,
  links: { domainIds?: string[]; challengeIds?: string[]; tagIds?: string[] },
): Promise<void> {
  if (links.domainIds) {
    await tx.deleteFrom('solution_domains').where('solution_id', '=', id).execute()
    if (links.domainIds.length > 0)
      await tx
        .insertInto('solution_domains')
        .values(links.domainIds.map((domain_id) => ({ solution_id: id, domain_id })))
        .execute()
  }
  if (links.challengeIds) {
    await tx.deleteFrom('solution_challenges').where('solution_id', '=', id).execute()
    if (links.challengeIds.length > 0)
      await tx
        .insertInto('solution_challenges')
        .values(links.challengeIds.map((challenge_id) => ({ solution_id: id, challenge_id })))
        .execute()
  }
  if (links.tagIds) {
    await tx.deleteFrom('solution_tags').where('solution_id', '=', id).execute()
    if (links.tagIds.length > 0)
      await tx
        .insertInto('solution_tags')
        .values(links.tagIds.map((term_id) => ({ solution_id: id, term_id })))
        .execute()
  }
}
