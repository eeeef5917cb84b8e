import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { OrganisationRole } from '../../../../shared/authz.ts'
import { planOwnershipTransfer } from './ownership.ts'

const members = new Map<string, OrganisationRole>([
  ['owner1', 'owner'],
  ['owner2', 'owner'],
  ['admin1', 'admin'],
  ['member1', 'member'],
])

test('an owner hands over: the target becomes owner, the caller admin, other owners stay', () => {
  assert.deepEqual(planOwnershipTransfer({ callerId: 'owner1', targetId: 'member1', members }), {
    ok: true,
    changes: [
      { userId: 'member1', from: 'member', to: 'owner' },
      { userId: 'owner1', from: 'owner', to: 'admin' },
    ],
  })
})

test('an operator hands over: every previous owner becomes admin', () => {
  assert.deepEqual(planOwnershipTransfer({ callerId: 'operator', targetId: 'admin1', members }), {
    ok: true,
    changes: [
      { userId: 'admin1', from: 'admin', to: 'owner' },
      { userId: 'owner1', from: 'owner', to: 'admin' },
      { userId: 'owner2', from: 'owner', to: 'admin' },
    ],
  })
})

test('to an existing co-owner, the caller just steps down', () => {
  assert.deepEqual(planOwnershipTransfer({ callerId: 'owner1', targetId: 'owner2', members }), {
    ok: true,
    changes: [{ userId: 'owner1', from: 'owner', to: 'admin' }],
  })
})

test('the target must be a member other than the caller', () => {
  assert.deepEqual(planOwnershipTransfer({ callerId: 'owner1', targetId: 'stranger', members }), {
    ok: false,
    error: 'not_a_member',
  })
  assert.deepEqual(planOwnershipTransfer({ callerId: 'owner1', targetId: 'owner1', members }), {
    ok: false,
    error: 'self',
  })
})
