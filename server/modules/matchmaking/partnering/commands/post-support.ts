import type { PartneringKind } from '../../../../../shared/contracts/partnering.ts'
import type { Tx } from '../../../../platform/db/client.ts'
import { DomainError, type FieldError, fieldError } from '../../../../platform/errors.ts'
import { contentProblems, expiryProblem } from '../domain/rules.ts'

const messages: Record<string, string> = {
  unknown_term: 'Unknown taxonomy term.',
  unknown_call: 'No such published call.',
  unknown_challenge: 'No such published challenge.',
  call_required: 'A partner sought for a call names the call.',
  expiry_in_past: 'The expiry must be in the future.',
  expiry_too_far: 'A post expires within a year.',
}

function fail(problems: { path: string; code: string }[]): never {
  const errors: FieldError[] = problems.map((p) => ({ ...p, message: messages[p.code] ?? p.code }))
  if (errors.length === 1) throw fieldError(errors[0]!.path, errors[0]!.code, errors[0]!.message)
  throw new DomainError('validation_failed', 'Some fields are invalid.', {}, errors)
}

/**
 * Checks the references and rules of a post's content (all problems at once) and answers the
 * programme of its call or challenge when one is being set, else the first programme.
 */
export async function checkPostContent(
  tx: Tx,
  v: {
    kind: PartneringKind
    callId: string | null
    challengeId: string | null
    tags: string[]
    expiresAt: Date
  },
  /** What is being set now: only those are checked (a call linked before it closed stays linked). */
  changed: { call: boolean; challenge: boolean; tags: boolean; expiry: boolean },
  now: Date,
): Promise<string> {
  const problems = [...contentProblems({ kind: v.kind, callId: v.callId })]
  if (changed.expiry) {
    const e = expiryProblem(v.expiresAt, now)
    if (e) problems.push({ path: 'expiresAt', code: e })
  }
  const tags = [...new Set(v.tags)]
  if (changed.tags && tags.length > 0) {
    const found = await tx.selectFrom('taxonomy_terms').select('id').where('id', 'in', tags).execute()
    if (found.length !== tags.length) problems.push({ path: 'tags', code: 'unknown_term' })
  }
  let programmeId: string | null = null
  if (v.callId && changed.call) {
    const c = await tx
      .selectFrom('calls')
      .select('programme_id')
      .where('id', '=', v.callId)
      .where('published_at', 'is not', null)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst()
    if (!c) problems.push({ path: 'callId', code: 'unknown_call' })
    else programmeId = c.programme_id
  }
  if (v.challengeId && changed.challenge) {
    const c = await tx
      .selectFrom('challenges')
      .select('programme_id')
      .where('id', '=', v.challengeId)
      .where('status', '=', 'published')
      .executeTakeFirst()
    if (!c) problems.push({ path: 'challengeId', code: 'unknown_challenge' })
    else programmeId ??= c.programme_id
  }
  if (problems.length > 0) fail(problems)
  return (
    programmeId ?? (await tx.selectFrom('programmes').select('id').orderBy('created_at').executeTakeFirstOrThrow()).id
  )
}

export async function replacePostTags(tx: Tx, postId: string, termIds: string[]): Promise<void> {
  await tx.deleteFrom('partnering_post_tags').where('post_id', '=', postId).execute()
  const unique = [...new Set(termIds)]
  if (unique.length === 0) return
  await tx
    .insertInto('partnering_post_tags')
    .values(unique.map((term_id) => ({ post_id: postId, term_id })))
    .execute()
}
