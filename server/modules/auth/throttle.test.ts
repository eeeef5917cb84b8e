import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decideSignIn, SIGN_IN_LIMITS } from './throttle.ts'

const now = new Date('2026-03-01T10:00:00Z')
const ago = (s: number) => new Date(now.getTime() - s * 1000)

test('allows sign-in below both limits', () => {
  const d = decideSignIn({ accountFailures: [ago(60), ago(30), ago(10), ago(5)], addressFailures: [] }, now)
  assert.deepEqual(d, { allowed: true })
})

test('refuses the account after five failures in the window, until the oldest counted one expires', () => {
  const failures = [ago(600), ago(300), ago(200), ago(100), ago(50)]
  const d = decideSignIn({ accountFailures: failures, addressFailures: failures }, now)
  assert.deepEqual(d, { allowed: false, scope: 'account', retryAfterSeconds: 15 * 60 - 600 })
})

test('failures older than the window do not count', () => {
  const old = Array.from({ length: 10 }, (_, i) => ago(SIGN_IN_LIMITS.windowMs / 1000 + i))
  assert.deepEqual(decideSignIn({ accountFailures: old, addressFailures: old }, now), { allowed: true })
})

test('refuses an address after twenty failures across accounts', () => {
  const addr = Array.from({ length: 20 }, (_, i) => ago(20 - i))
  const d = decideSignIn({ accountFailures: [], addressFailures: addr }, now)
  assert.deepEqual(d, { allowed: false, scope: 'address', retryAfterSeconds: 15 * 60 - 20 })
})
