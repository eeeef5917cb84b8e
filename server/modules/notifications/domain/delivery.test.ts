import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type KnownUser, planDelivery } from './delivery.ts'

const ana: KnownUser = { id: 'u-ana', email: 'Ana@Example.test', name: 'Ana', locale: 'fr', disabled: false }
const bo: KnownUser = { id: 'u-bo', email: 'bo@example.test', name: 'Bo', locale: 'nl', disabled: false }
const gone: KnownUser = { id: 'u-gone', email: 'gone@example.test', name: 'Gone', locale: 'en', disabled: true }

describe('planDelivery', () => {
  it('merges people named by id and by address, once each, never the actor nor a disabled account', () => {
    const plan = planDelivery({
      userIds: ['u-ana', 'u-bo', 'u-gone', 'u-unknown'],
      emails: ['ana@example.test', ' GUEST@example.test ', 'bo@example.test'],
      users: [ana, bo, gone],
      actorId: 'u-bo',
      mailMuted: new Set(),
    })
    assert.deepEqual(plan, [
      { userId: 'u-ana', email: 'ana@example.test', name: 'Ana', locale: 'fr', inApp: true, mail: true },
      { userId: null, email: 'guest@example.test', name: null, locale: 'en', inApp: false, mail: true },
    ])
  })

  it('keeps the in-app item of a person who switched the e-mail of this kind off', () => {
    const plan = planDelivery({
      userIds: ['u-ana'],
      emails: [],
      users: [ana],
      actorId: null,
      mailMuted: new Set(['u-ana']),
    })
    assert.deepEqual(
      plan.map((d) => [d.userId, d.inApp, d.mail]),
      [['u-ana', true, false]],
    )
  })
})
