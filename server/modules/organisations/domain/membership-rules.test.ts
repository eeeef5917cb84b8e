import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkLeave, checkRemoval, checkRoleChange, leaveAbility, memberAbilities } from './membership-rules.ts'
import { byRoleDescending, countOwners } from './roles.ts'

const tooLow = { ok: false, error: 'forbidden', reason: 'organisation_role_too_low' }
const lastOwner = { ok: false, error: 'last_owner', reason: 'last_owner' }

test('roles sort owner, admin, member and owners are counted', () => {
  assert.deepEqual(['member', 'owner', 'admin', 'member'].sort(byRoleDescending as never), [
    'owner',
    'admin',
    'member',
    'member',
  ])
  assert.equal(countOwners(['owner', 'admin', 'owner']), 2)
})

test('an admin changes members and admins but never makes or unmakes an owner', () => {
  const admin = { mayManageOwners: false, ownerCount: 2 }
  assert.deepEqual(checkRoleChange({ ...admin, from: 'member', to: 'admin' }), { ok: true })
  assert.deepEqual(checkRoleChange({ ...admin, from: 'admin', to: 'member' }), { ok: true })
  assert.deepEqual(checkRoleChange({ ...admin, from: 'member', to: 'owner' }), tooLow)
  assert.deepEqual(checkRoleChange({ ...admin, from: 'owner', to: 'member' }), tooLow)
  assert.deepEqual(checkRemoval({ ...admin, role: 'owner' }), tooLow)
  assert.deepEqual(checkRemoval({ ...admin, role: 'admin' }), { ok: true })
})

test('the last owner cannot be demoted, removed or leave; one of two owners can', () => {
  const owner = { mayManageOwners: true }
  assert.deepEqual(checkRoleChange({ ...owner, from: 'owner', to: 'admin', ownerCount: 1 }), lastOwner)
  assert.deepEqual(checkRoleChange({ ...owner, from: 'owner', to: 'admin', ownerCount: 2 }), { ok: true })
  assert.deepEqual(checkRoleChange({ ...owner, from: 'owner', to: 'owner', ownerCount: 1 }), { ok: true })
  assert.deepEqual(checkRemoval({ ...owner, role: 'owner', ownerCount: 1 }), lastOwner)
  assert.deepEqual(checkRemoval({ ...owner, role: 'owner', ownerCount: 2 }), { ok: true })
  assert.deepEqual(checkLeave({ role: 'owner', ownerCount: 1 }), lastOwner)
  assert.deepEqual(checkLeave({ role: 'owner', ownerCount: 2 }), { ok: true })
  assert.deepEqual(checkLeave({ role: 'member', ownerCount: 1 }), { ok: true })
})

test('member abilities explain why not', () => {
  const allowed = { allowed: true }
  assert.deepEqual(memberAbilities({ manage: allowed, mayManageOwners: false, role: 'owner', ownerCount: 2 }), {
    changeRole: { allowed: false, reason: 'organisation_role_too_low' },
    remove: { allowed: false, reason: 'organisation_role_too_low' },
  })
  assert.deepEqual(memberAbilities({ manage: allowed, mayManageOwners: true, role: 'owner', ownerCount: 1 }), {
    changeRole: { allowed: false, reason: 'last_owner' },
    remove: { allowed: false, reason: 'last_owner' },
  })
  assert.deepEqual(memberAbilities({ manage: allowed, mayManageOwners: false, role: 'member', ownerCount: 1 }), {
    changeRole: { allowed: true },
    remove: { allowed: true },
  })
  const denied = { allowed: false, reason: 'organisation_role_too_low' } as const
  assert.deepEqual(memberAbilities({ manage: denied, mayManageOwners: false, role: 'member', ownerCount: 1 }), {
    changeRole: denied,
    remove: denied,
  })
})

test('the leave ability of the last owner says last_owner', () => {
  assert.deepEqual(leaveAbility({ allowed: true }, 'owner', 1), { allowed: false, reason: 'last_owner' })
  assert.deepEqual(leaveAbility({ allowed: true }, 'owner', 2), { allowed: true })
  assert.deepEqual(leaveAbility({ allowed: false, reason: 'not_a_member' }, null, 1), {
    allowed: false,
    reason: 'not_a_member',
  })
})
