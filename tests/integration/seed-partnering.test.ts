import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DEMO_PASSWORD, seedDemoAccounts } from '../../server/seed/index.ts'
import { seedPartnering } from '../../server/seed/partnering.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

test('demo partner search: a marketplace with an anonymous post, and one interest received by the demo SME', async () => {
  await seedDemoAccounts(t.db, t.programmeId)
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('partnering_posts')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const before = await count()
  assert.equal(before, 5)
  assert.equal(await seedPartnering(t.db, t.programmeId), 5, 'seeding again updates the same posts')
  assert.equal(await count(), before)

  const sme = t.client()
  await sme.signIn('sme@securit.demo', DEMO_PASSWORD)
  const market = await sme.get('/api/v1/partnering/posts?pageSize=50')
  assert.equal(market.body.total, 5)
  const anonymous = market.body.items.filter((p: { anonymous: boolean }) => p.anonymous)
  assert.equal(anonymous.length, 1)
  assert.deepEqual(anonymous[0].organisation, { disclosed: false, id: null, name: null, country: 'DE', type: 'sme' })
  assert.ok(!JSON.stringify(market.body).includes('Fernsicht'))
  const search = await sme.get('/api/v1/partnering/posts?q=drone%20detection')
  assert.equal(search.body.items[0].title, 'Low-cost RF sensor mesh for drone detection around small sites')

  const mine = await sme.get('/api/v1/partnering/my-posts')
  assert.equal(mine.body.total, 1)
  assert.deepEqual(mine.body.items[0].interestCounts, { pending: 1, accepted: 0, declined: 0, withdrawn: 0 })
  const received = await sme.get(`/api/v1/partnering/posts/${mine.body.items[0].id}/interests`)
  assert.equal(received.body.items.length, 1)
  assert.equal(received.body.items[0].from.name, 'Ville de Démoville')
  assert.equal(received.body.items[0].abilities.accept.allowed, true)
  assert.deepEqual((await sme.get('/api/v1/partnering/unread')).body, { messages: 0, threads: 0, pendingInterests: 1 })
})
