import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { enqueue, JobWorker } from '../../server/platform/jobs/queue.ts'
import { createLogger } from '../../server/platform/logger.ts'
import { createTestDatabase } from '../support/db.ts'

const handle = await createTestDatabase()
after(() => handle.close())
const db = handle.db
// Jobs are enqueued due now (the database's clock): the worker's clock is a minute ahead.
const clock = new FixedClock(new Date(Date.now() + 60_000))

function workerWith(busy: () => boolean) {
  const ran: string[] = []
  const worker = new JobWorker(db, createLogger('silent'), clock, { busy })
  worker.register('test.urgent', async (p) => {
    ran.push(`urgent ${p.n}`)
  })
  worker.register(
    'test.background',
    async (p) => {
      ran.push(`background ${p.n}`)
    },
    { background: true },
  )
  return { worker, ran }
}

const pending = async (queue: string) =>
  db
    .selectFrom('jobs')
    .select(['attempts', 'locked_until', 'locked_by'])
    .where('queue', '=', queue)
    .where('done_at', 'is', null)
    .execute()

test('while requests are under way, a background queue gets one job per tick; the rest runs when quiet', async () => {
  for (let n = 1; n <= 3; n++) await enqueue(db, 'test.background', { n })
  for (let n = 1; n <= 2; n++) await enqueue(db, 'test.urgent', { n })
  let busy = true
  const { worker, ran } = workerWith(() => busy)

  assert.equal(await worker.runDue(), 3)
  assert.deepEqual(ran.filter((r) => r.startsWith('urgent')).sort(), ['urgent 1', 'urgent 2'])
  assert.equal(ran.filter((r) => r.startsWith('background')).length, 1)
  assert.equal((await pending('test.background')).length, 2)

  assert.equal(await worker.runDue(), 1, 'still busy: one more')
  busy = false
  assert.equal(await worker.runDue(), 1, 'quiet: whatever is left')
  assert.deepEqual(ran.filter((r) => r.startsWith('background')).sort(), [
    'background 1',
    'background 2',
    'background 3',
  ])
  assert.equal(await worker.runDue(), 0)
})

test('background jobs claimed while quiet go back untouched when requests arrive meanwhile', async () => {
  for (let n = 1; n <= 4; n++) await enqueue(db, 'test.background', { n })
  let busy = false
  const { worker, ran } = workerWith(() => busy)
  // The first job runs; the server gets busy while it does.
  worker.register(
    'test.background',
    async (p) => {
      ran.push(`background ${p.n}`)
      if (ran.length === 1) busy = true
    },
    { background: true },
  )
  assert.equal(await worker.runDue(), 1)
  assert.equal(ran.length, 1)
  const left = await pending('test.background')
  assert.equal(left.length, 3)
  assert.ok(left.every((j) => j.attempts === 0 && j.locked_until === null && j.locked_by === null))
  busy = false
  assert.equal(await worker.runDue(), 3)
})
