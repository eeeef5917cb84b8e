/**
 * The evaluation seed (issue 7 §13): SecurIT's open call 1 evaluated from start to finish in 2022, and
 * open call 2 in evaluation now, so a newcomer sees both a finished and a running evaluation. The expert
 * pool first (evaluation-experts.ts), then each call's story (evaluation-oc1.ts, evaluation-oc2.ts), all
 * through the evaluation modules' commands at the story's moments. Idempotent: every step looks at what
 * is stored and adds only what is missing. Runs after the applications seed (it needs screened calls).
 */
import { type Clock, systemClock } from '../platform/clock.ts'
import type { Database } from '../platform/db/client.ts'
import { at } from './calls-support.ts'
import { oc1Moments } from './evaluation-data/oc1.ts'
import { seedExpertPool } from './evaluation-experts.ts'
import { seedOc1Evaluation } from './evaluation-oc1.ts'
import { seedOc2Evaluation } from './evaluation-oc2.ts'
import { DAY, HOUR, operatorActor } from './evaluation-support.ts'

export async function seedEvaluation(
  db: Database,
  programmeId: string,
  clock: Clock = systemClock,
): Promise<{ oc1: boolean; oc2: boolean }> {
  const calls = await db
    .selectFrom('calls')
    .select('screened_at')
    .where('programme_id', '=', programmeId)
    .where('code', 'in', ['OC1', 'OC2'])
    .execute()
  if (calls.length < 2 || calls.some((c) => !c.screened_at)) return { oc1: false, oc2: false }
  const now = clock.now()
  const unread = (await db.selectFrom('notifications').select('id').where('read_at', 'is', null).execute()).map(
    (n) => n.id,
  )
  // OC2's candidacies: read back once approved, so a later seed does not move them.
  const oc2Approved = await db
    .selectFrom('expert_calls as e')
    .innerJoin('calls as c', 'c.id', 'e.call_id')
    .select((eb) => eb.fn.min('e.decided_at').as('at'))
    .where('c.programme_id', '=', programmeId)
    .where('c.code', '=', 'OC2')
    .executeTakeFirst()
  const oc2At = oc2Approved?.at ? new Date(oc2Approved.at) : new Date(Math.floor(now.getTime() / HOUR) * HOUR - 9 * DAY)
  await seedExpertPool(db, programmeId, {
    profilesAt: at(oc1Moments.profilesAt),
    calls: {
      OC1: { invitedAt: at(oc1Moments.invitedAt), approvedAt: at(oc1Moments.approvedAt) },
      OC2: { invitedAt: new Date(oc2At.getTime() - DAY), approvedAt: oc2At },
    },
  })
  const operator = await operatorActor(db, programmeId)
  const oc1 = await seedOc1Evaluation(db, programmeId, operator)
  const oc2 = await seedOc2Evaluation(db, programmeId, operator, now)
  // What the story notified (approvals, admissibility, results, redress) was read when it arrived: a demo
  // person signing in finds nothing unread from the seed, as after the other seeds.
  await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.ref('created_at') }))
    .where('read_at', 'is', null)
    .where((eb) => (unread.length ? eb('id', 'not in', unread) : eb.lit(true)))
    .execute()
  return { oc1, oc2 }
}
