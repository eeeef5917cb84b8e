import type { InterestStatus, PartneringKind, PartneringStatus } from '../../../../../shared/contracts/partnering.ts'
import { partneringLimits } from '../../../../../shared/contracts/partnering.ts'
import type { ErrorCode } from '../../../../../shared/errors.ts'

/**
 * The rules of partner search, without I/O: a post's lifecycle, its expiry, who may express interest,
 * who decides, and when an organisation's identity is shown.
 */

export type PostAction = 'publish' | 'close'

/** The lifecycle as data: a draft is published or dropped (closed); a published post is closed. */
export const postTransitions: Record<PartneringStatus, Partial<Record<PostAction, PartneringStatus>>> = {
  draft: { publish: 'published', close: 'closed' },
  published: { close: 'closed' },
  closed: {},
}

export function nextStatus(status: PartneringStatus, action: PostAction): PartneringStatus | null {
  return postTransitions[status][action] ?? null
}

/** A post is expired from its expiry instant on. */
export function isExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime()
}

/** Listed in the marketplace: published and not expired. */
export function isListed(post: { status: PartneringStatus; expiresAt: Date }, now: Date): boolean {
  return post.status === 'published' && !isExpired(post.expiresAt, now)
}

/** Whether an expiry is acceptable when it is set: in the future, at most a year and a day ahead. */
export function expiryProblem(expiresAt: Date, now: Date): 'expiry_in_past' | 'expiry_too_far' | null {
  if (isExpired(expiresAt, now)) return 'expiry_in_past'
  if (expiresAt.getTime() - now.getTime() > partneringLimits.maxLifetimeDays * 86_400_000) return 'expiry_too_far'
  return null
}

/** Field problems of a post's content: a partner sought for a call names the call. */
export function contentProblems(post: {
  kind: PartneringKind
  callId: string | null
}): { path: string; code: string }[] {
  if (post.kind === 'partner_sought_for_call' && !post.callId) return [{ path: 'callId', code: 'call_required' }]
  return []
}

/**
 * Why an organisation may not express interest in a post now, or null: not in its own post, only in
 * a published post before its expiry, and one pending interest per organisation and post.
 */
export function interestRefusal(input: {
  post: { status: PartneringStatus; expiresAt: Date; organisationId: string }
  fromOrganisationId: string
  pendingExists: boolean
  now: Date
}): ErrorCode | null {
  if (input.post.organisationId === input.fromOrganisationId) return 'interest_own_post'
  if (input.post.status !== 'published') return 'partnering_post_not_open'
  if (isExpired(input.post.expiresAt, input.now)) return 'partnering_post_expired'
  if (input.pendingExists) return 'interest_already_pending'
  return null
}

export type Decision = 'accept' | 'decline' | 'withdraw'

/** Only a pending interest is decided (by the post's side) or withdrawn (by the interested side). */
export function decisionOutcome(status: InterestStatus, decision: Decision): InterestStatus | null {
  if (status !== 'pending') return null
  return decision === 'accept' ? 'accepted' : decision === 'decline' ? 'declined' : 'withdrawn'
}

/**
 * Whether the caller sees who is behind an organisation in partner search. `profileShown` is the
 * platform's disclosure rule for that organisation (its members, brokers, else by profile visibility);
 * an anonymous post hides its organisation from all but its members and brokers (`insider`); an
 * accepted interest between the caller's organisation and it (`revealed`) shows it — the only way
 * an anonymous post's identity is revealed.
 */
export function identityShown(input: {
  insider: boolean
  profileShown: boolean
  anonymousPost: boolean
  revealed: boolean
}): boolean {
  if (input.insider || input.revealed) return true
  if (input.anonymousPost) return false
  return input.profileShown
}

/** The start of a text, on one line, for notifications and thread lists. */
export function excerpt(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
