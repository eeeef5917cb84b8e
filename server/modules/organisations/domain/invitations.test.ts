import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canRevoke, checkAcceptance, hashInvitationToken, invitationExpiry, invitationStatus } from './invitations.ts'

const now = new Date('2026-01-15T09:00:00Z')

test('an invitation expires fourteen days after it is sent', () => {
  assert.equal(invitationExpiry(now).toISOString(), '2026-01-29T09:00:00.000Z')
})

test('status from dates: revoked and accepted are final, then the expiry decides', () => {
  const base = { acceptedAt: null, revokedAt: null, expiresAt: '2026-01-29T09:00:00Z' }
  assert.equal(invitationStatus(base, now), 'pending')
  assert.equal(invitationStatus(base, new Date('2026-01-29T09:00:00Z')), 'expired')
  assert.equal(invitationStatus({ ...base, acceptedAt: now }, new Date('2027-01-01')), 'accepted')
  assert.equal(invitationStatus({ ...base, revokedAt: now }, now), 'revoked')
  assert.equal(canRevoke('pending'), true)
  assert.equal(canRevoke('expired'), true)
  assert.equal(canRevoke('accepted'), false)
  assert.equal(canRevoke('revoked'), false)
})

test('acceptance rules, in order', () => {
  const p = { status: 'pending', invitedEmail: 'ann@example.test', userEmail: 'Ann@Example.test', alreadyMember: false }
  assert.deepEqual(checkAcceptance(p as never), { ok: true })
  assert.deepEqual(checkAcceptance({ ...p, status: 'accepted' } as never), { ok: false, error: 'invitation_used' })
  assert.deepEqual(checkAcceptance({ ...p, status: 'revoked' } as never), { ok: false, error: 'invitation_used' })
  assert.deepEqual(checkAcceptance({ ...p, status: 'expired' } as never), { ok: false, error: 'invitation_expired' })
  assert.deepEqual(checkAcceptance({ ...p, userEmail: 'bob@example.test' } as never), {
    ok: false,
    error: 'invitation_email_mismatch',
  })
  assert.deepEqual(checkAcceptance({ ...p, alreadyMember: true } as never), { ok: false, error: 'already_member' })
})

test('the stored hash is the hex SHA-256 of the token', () => {
  assert.equal(hashInvitationToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})
