/**
 * After the deadlines: each SecurIT call is screened as its close job does it (`screenCall`, ten
 * minutes after the deadline), then the demo operator reviews OC1 — one override of a warning with its
 * justification, and admissibility decided for some applications (the rest stay pending). Idempotent:
 * a call screened already is left alone.
 */
import { screenCall } from '../modules/applications/index.ts'
import { decideAdmissibility } from '../modules/applications/screening/commands/decide-admissibility.ts'
import { overrideRule } from '../modules/applications/screening/commands/override-rule.ts'
import type { Actor } from '../platform/authz/actor.ts'
import type { Database } from '../platform/db/client.ts'
import { callIdOf } from './calls.ts'
import { securitCalls } from './calls-data/calls.ts'
import { at, FixedClock, seedContext } from './calls-support.ts'
import { seedId } from './ids.ts'

const applicationIdOf = (key: string) => seedId(`application:${key}`)

/** What the operators decided on OC1 (DOMAIN.md §1.4: both calls were "pre-scored" right after closing). */
export const oc1Review = {
  at: '2022-05-09T11:00',
  override: {
    application: 'oc1-hospiguard',
    rule: 'minimum_smes',
    outcome: 'pass' as const,
    justification:
      'Göta Secure AB sent its 2021 accounts: 46 staff and EUR 8.9 M turnover, a small enterprise in the reference year as declared. Its profile shows the 2024 figures (medium).',
  },
  admissible: [
    'oc1-meshguard',
    'oc1-aquashield',
    'oc1-gridsentry',
    'oc1-hospiguard',
    'oc1-portwatch',
    'oc1-sylvasense',
    'oc1-festisim',
    'oc1-floodcast',
  ],
  inadmissible: {
    application: 'oc1-cloudward',
    reason:
      'The work plan repeats, task for task, a project already funded under another EU cascade call (no double funding, declaration of honour). Confirmed with the consortium on 6 May 2022.',
  },
}

/** The demo operator when there is one (else nobody in particular), as an operator of SecurIT. */
async function operator(db: Database, programmeId: string): Promise<Actor> {
  const user = await db.selectFrom('users').select('id').where('email', '=', 'operator@securit.demo').executeTakeFirst()
  return {
    kind: 'user',
    userId: user?.id ?? null,
    label: 'operator@securit.demo',
    disabled: false,
    twoFactorEnabled: true,
    programmeRoles: [{ id: 'seed', programmeId, role: 'operator', clusterId: null, effective: true }],
    memberships: new Map(),
    scopes: null,
    tokenId: null,
  }
}

export async function reviewSeededCalls(db: Database): Promise<void> {
  for (const c of securitCalls) {
    const id = callIdOf(c.code)
    const call = await db
      .selectFrom('calls')
      .select(['programme_id', 'screened_at', 'published_at'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!call || call.published_at === null || call.screened_at !== null) continue
    const clock = new FixedClock(new Date(at(c.deadlineLocal).getTime() + 10 * 60_000))
    await screenCall(db, id, clock)
    if (c.code !== 'OC1') continue

    const submitted = new Set(
      (
        await db
          .selectFrom('applications')
          .select('id')
          .where('call_id', '=', id)
          .where('status', '=', 'submitted')
          .execute()
      ).map((r) => r.id),
    )
    clock.set(at(oc1Review.at))
    const ctx = seedContext(db, clock, await operator(db, call.programme_id))
    const o = oc1Review.override
    if (submitted.has(applicationIdOf(o.application))) {
      await overrideRule(ctx, applicationIdOf(o.application), o.rule, {
        outcome: o.outcome,
        justification: o.justification,
      })
    }
    for (const key of oc1Review.admissible) {
      if (!submitted.has(applicationIdOf(key))) continue
      clock.set(new Date(clock.now().getTime() + 20 * 60_000))
      await decideAdmissibility(ctx, applicationIdOf(key), { decision: 'admissible', reason: '' })
    }
    const no = oc1Review.inadmissible
    if (submitted.has(applicationIdOf(no.application))) {
      await decideAdmissibility(ctx, applicationIdOf(no.application), { decision: 'inadmissible', reason: no.reason })
    }
    // The consortia read these outcomes in May 2022: a demo person signing in today has nothing unread from them.
    await db
      .updateTable('notifications')
      .set((eb) => ({ read_at: eb.ref('created_at') }))
      .where('subject_type', '=', 'application')
      .where('subject_id', 'in', [...submitted])
      .where('read_at', 'is', null)
      .execute()
  }
}
