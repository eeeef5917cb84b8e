/**
 * The demo consortium: the demo SME leads a forming consortium for the DEMO call with the demo city
 * accepted and the demo integrator invited; seeding again changes nothing.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seedConsortia } from '../../server/seed/consortia.ts'
import { DEMO_PASSWORD, seedDemoAccounts } from '../../server/seed/index.ts'
import type { Json } from '../factories/applications.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

test('the demo SME leads a forming consortium for DEMO with one accepted partner and one pending invitation', async () => {
  await seedDemoAccounts(t.db, t.programmeId)
  assert.equal(await seedConsortia(t.db, t.programmeId), 0, 'seeding again adds nothing')
  assert.equal(
    Number(
      (
        await t.db
          .selectFrom('consortia')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    1,
  )

  const sme = t.client()
  await sme.signIn('sme@securit.demo', DEMO_PASSWORD)
  const list = await sme.get('/api/v1/consortia')
  assert.equal(list.status, 200, JSON.stringify(list.body))
  assert.equal(list.body.total, 1)
  const c = (await sme.get(`/api/v1/consortia/${list.body.items[0].id}`)).body
  assert.equal(c.call.code, 'DEMO')
  assert.equal(c.status, 'forming')
  assert.deepEqual(
    c.members.map((m: Json) => [m.organisation.type, m.status]),
    [
      ['public_authority', 'accepted'],
      ['integrator', 'invited'],
    ],
  )
  assert.equal(c.abilities.invite.allowed, true)
  assert.ok(c.rules.length === 7)

  const integrator = t.client()
  await integrator.signIn('integrator@securit.demo', DEMO_PASSWORD)
  const invited = await integrator.get(`/api/v1/consortia/${c.id}`)
  assert.equal(invited.body.abilities.accept.allowed, true)
})
