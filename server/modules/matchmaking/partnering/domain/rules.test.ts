import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  contentProblems,
  decisionOutcome,
  excerpt,
  expiryProblem,
  identityShown,
  interestRefusal,
  isListed,
  nextStatus,
} from './rules.ts'

const now = new Date('2026-11-01T09:00:00Z')
const at = (ms: number) => new Date(now.getTime() + ms)
const DAY = 86_400_000

describe('post lifecycle', () => {
  it('publishes drafts, closes drafts and published posts, and nothing else', () => {
    assert.equal(nextStatus('draft', 'publish'), 'published')
    assert.equal(nextStatus('draft', 'close'), 'closed')
    assert.equal(nextStatus('published', 'close'), 'closed')
    assert.equal(nextStatus('published', 'publish'), null)
    assert.equal(nextStatus('closed', 'publish'), null)
    assert.equal(nextStatus('closed', 'close'), null)
  })

  it('lists a published post until the instant it expires', () => {
    assert.equal(isListed({ status: 'published', expiresAt: at(1) }, now), true)
    assert.equal(isListed({ status: 'published', expiresAt: at(0) }, now), false)
    assert.equal(isListed({ status: 'draft', expiresAt: at(DAY) }, now), false)
    assert.equal(isListed({ status: 'closed', expiresAt: at(DAY) }, now), false)
  })

  it('accepts an expiry in the future and at most 366 days ahead', () => {
    assert.equal(expiryProblem(at(0), now), 'expiry_in_past')
    assert.equal(expiryProblem(at(-DAY), now), 'expiry_in_past')
    assert.equal(expiryProblem(at(1), now), null)
    assert.equal(expiryProblem(at(366 * DAY), now), null)
    assert.equal(expiryProblem(at(366 * DAY + 1), now), 'expiry_too_far')
  })

  it('requires a call for a partner sought for a call only', () => {
    assert.deepEqual(contentProblems({ kind: 'partner_sought_for_call', callId: null }), [
      { path: 'callId', code: 'call_required' },
    ])
    assert.deepEqual(contentProblems({ kind: 'partner_sought_for_call', callId: 'c' }), [])
    assert.deepEqual(contentProblems({ kind: 'technology_offer', callId: null }), [])
  })
})

describe('expressing interest', () => {
  const post = { status: 'published' as const, expiresAt: at(DAY), organisationId: 'A' }
  const ask = (over: Partial<Parameters<typeof interestRefusal>[0]> = {}) =>
    interestRefusal({ post, fromOrganisationId: 'B', pendingExists: false, now, ...over })

  it('is allowed once per organisation in another organisation’s open post', () => {
    assert.equal(ask(), null)
    assert.equal(ask({ pendingExists: true }), 'interest_already_pending')
  })

  it('is refused on one’s own post first, then on a post not open, then on an expired one', () => {
    assert.equal(ask({ fromOrganisationId: 'A', pendingExists: true }), 'interest_own_post')
    assert.equal(ask({ post: { ...post, status: 'closed' } }), 'partnering_post_not_open')
    assert.equal(ask({ post: { ...post, status: 'draft' } }), 'partnering_post_not_open')
    assert.equal(ask({ post: { ...post, expiresAt: now } }), 'partnering_post_expired')
  })

  it('decides or withdraws only a pending interest', () => {
    assert.equal(decisionOutcome('pending', 'accept'), 'accepted')
    assert.equal(decisionOutcome('pending', 'decline'), 'declined')
    assert.equal(decisionOutcome('pending', 'withdraw'), 'withdrawn')
    for (const s of ['accepted', 'declined', 'withdrawn'] as const) {
      for (const d of ['accept', 'decline', 'withdraw'] as const) assert.equal(decisionOutcome(s, d), null)
    }
  })
})

describe('identity in partner search', () => {
  const base = { insider: false, profileShown: true, anonymousPost: false, revealed: false }
  it('follows the profile rule for ordinary posts', () => {
    assert.equal(identityShown(base), true)
    assert.equal(identityShown({ ...base, profileShown: false }), false)
  })
  it('hides an anonymous post from outsiders whatever the profile says, until revealed', () => {
    assert.equal(identityShown({ ...base, anonymousPost: true }), false)
    assert.equal(identityShown({ ...base, anonymousPost: true, revealed: true }), true)
    assert.equal(identityShown({ ...base, anonymousPost: true, insider: true }), true)
    assert.equal(identityShown({ ...base, profileShown: false, revealed: true }), true)
  })
})

describe('excerpt', () => {
  it('flattens white space and cuts long texts with an ellipsis', () => {
    assert.equal(excerpt('  a\n\n b  '), 'a b')
    assert.equal(excerpt('x'.repeat(10), 5), 'xxxx…')
    assert.equal(excerpt('x'.repeat(5), 5), 'xxxxx')
  })
})
