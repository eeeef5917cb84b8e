/**
 * Seeds SecurIT's two open calls with their rules, and the demo call that is open now, through the
 * calls module's own commands (update, publish, ask and answer) run at the moments of the story with a
 * FixedClock, so every invariant of a real call holds: version 1 frozen at the opening, a change after
 * it published as a new version with its change log, everything audited. Idempotent: a call that is
 * published already is left alone (the demo call too, even after it has closed).
 */
import { defaultCallConfig } from '../../shared/calls/presets.ts'
import { instantToLocal } from '../../shared/calls/time.ts'
import type { CallConfig } from '../../shared/contracts/calls.ts'
import { answerQuestion } from '../modules/calls/commands/answer-question.ts'
import { askQuestion } from '../modules/calls/commands/ask-question.ts'
import { changePublication } from '../modules/calls/commands/change-publication.ts'
import { createCall } from '../modules/calls/commands/create-call.ts'
import { freezeCall } from '../modules/calls/commands/freeze.ts'
import { updateCall } from '../modules/calls/commands/update-call.ts'
import { storedConfig } from '../modules/calls/queries/call-view.ts'
import { recordAudit } from '../platform/audit/index.ts'
import { type Clock, systemClock } from '../platform/clock.ts'
import { type Database, inTransaction, type Tx } from '../platform/db/client.ts'
import {
  demoCall,
  SECURIT_MAX_PER_PROJECT_CENTS,
  SECURIT_MAX_PER_THIRD_PARTY_CENTS,
  type SeedCall,
  securitCalls,
  securitConsortium,
} from './calls-data/calls.ts'
import { at, FixedClock, seedContext, TZ } from './calls-support.ts'
import { demoChallenges } from './challenges.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'

export const callIdOf = (code: string) => seedId(`call:${securit.slug}:${code}`)
const challengeIdOf = (code: string) => seedId(`challenge:${securit.slug}:${code}`)
const DAY = 86_400_000

/** The publication of the challenges (securit.ts/challenges.ts) is when each call was announced. */
const announcedAt: Record<SeedCall['code'], string> = { OC1: '2021-12-15T10:00', OC2: '2022-12-15T10:00' }

/** A SecurIT call's configuration: the default form and criteria, with the call's own rules and dates. */
export function securitConfig(c: SeedCall, qaClosesAt = c.qaClosesAt): CallConfig {
  const base = defaultCallConfig()
  return {
    ...base,
    timeline: {
      qaClosesAt,
      evaluationStartsOn: c.evaluationStartsOn,
      evaluationEndsOn: c.evaluationEndsOn,
      resultsOn: c.resultsOn,
    },
    // [GAP] lump sum or cost-based is not published (DOMAIN.md §1.6): a lump sum per third party.
    budget: {
      currency: 'EUR',
      totalCents: c.totalCents,
      maxPerProjectCents: SECURIT_MAX_PER_PROJECT_CENTS,
      maxPerThirdPartyCents: SECURIT_MAX_PER_THIRD_PARTY_CENTS,
      fundingModel: 'lump_sum',
      fundingRatePercent: null,
      expectedProjects: c.expectedProjects,
    },
    consortium: securitConsortium(),
    trl: { min: 5, max: 8 },
  }
}

async function publishSecuritCall(tx: Tx, c: SeedCall): Promise<boolean> {
  const id = callIdOf(c.code)
  const row = await tx.selectFrom('calls').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row || row.published_at !== null) return false
  const clock = new FixedClock(at(announcedAt[c.code]))
  const ctx = seedContext(tx, clock)
  await updateCall(ctx, id, {
    expectedVersion: row.config_version,
    summary: c.summary,
    opensAtLocal: c.opensAtLocal,
    deadlineLocal: c.deadlineLocal,
    timeZone: TZ,
    challengeIds: demoChallenges.filter((x) => x.calls.includes(c.code)).map((x) => challengeIdOf(x.code)),
    config: securitConfig(c),
  })
  await changePublication(ctx, id, 'publish')

  // The opening, as the calls.open job does it: version 1 is the configuration the call opened with.
  clock.set(at(c.opensAtLocal))
  const opened = await tx.selectFrom('calls').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
  await freezeCall(tx, opened, clock.now(), null)
  await recordAudit(tx, ctx, {
    action: 'call.opened',
    subjectType: 'call',
    subjectId: id,
    change: { code: c.code, opensAt: at(c.opensAtLocal).toISOString() },
  })

  // Questions and answers, and published changes, in the order they happened.
  const events = [
    ...c.questions.map((q) => ({ when: at(q.askedAt), run: () => ask(tx, clock, id, q) })),
    ...c.changes.map((ch) => ({
      when: at(ch.atLocal),
      run: async () => {
        const current = await tx
          .selectFrom('calls')
          .select('config_version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        await updateCall(ctx, id, {
          expectedVersion: current.config_version,
          config: securitConfig(c, ch.qaClosesAt),
          changeLog: ch.changeLog,
        })
      },
    })),
  ].sort((x, y) => x.when.getTime() - y.when.getTime())
  for (const e of events) {
    clock.set(e.when)
    await e.run()
  }
  return true
}

async function ask(tx: Tx, clock: FixedClock, callId: string, q: SeedCall['questions'][number]): Promise<void> {
  const ctx = seedContext(tx, clock)
  const asked = await askQuestion(ctx, callId, { question: q.question })
  // Asked by nobody in particular (the system): the command cannot read the language from a profile.
  if (q.language !== 'en') {
    await tx.updateTable('call_questions').set({ language: q.language }).where('id', '=', asked.id).execute()
  }
  const asOf = clock.now()
  clock.set(at(q.answeredAt))
  await answerQuestion(ctx, callId, asked.id, { answer: q.answer, status: 'published' })
  clock.set(asOf)
}

/**
 * The demo call: opened seven days before the seed first ran, deadline 60 days after it at 17:00
 * Brussels, every published challenge in scope, the default form and criteria. Only the consortium
 * rule on SMEs is relaxed to one: the demo accounts hold a single SME (Baltic Sentinel), with a city
 * and an integrator, so a newcomer can build a complete consortium with them alone.
 */
export function demoCallConfig(now: Date): { opensAtLocal: string; deadlineLocal: string; config: CallConfig } {
  const day = (t: number) => instantToLocal(new Date(t), TZ).slice(0, 10)
  const deadline = now.getTime() + 60 * DAY
  const base = defaultCallConfig()
  return {
    opensAtLocal: `${day(now.getTime() - 7 * DAY)}T09:00`,
    deadlineLocal: `${day(deadline)}T17:00`,
    config: {
      ...base,
      timeline: {
        qaClosesAt: `${day(deadline - 7 * DAY)}T17:00`,
        evaluationStartsOn: day(deadline + 7 * DAY),
        evaluationEndsOn: day(deadline + 42 * DAY),
        resultsOn: day(deadline + 56 * DAY),
      },
      consortium: { ...base.consortium, minSmes: 1 },
    },
  }
}

async function seedDemoCall(tx: Tx, programmeId: string, now: Date): Promise<boolean> {
  const existing = await tx
    .selectFrom('calls')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('code', '=', demoCall.code)
    .executeTakeFirst()
  if (existing) return false
  const challenges = await tx
    .selectFrom('challenges')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'published')
    .orderBy('code')
    .execute()
  const ctx = seedContext(tx, new FixedClock(now))
  const { opensAtLocal, deadlineLocal, config } = demoCallConfig(now)
  const created = await createCall(ctx, {
    programmeId,
    code: demoCall.code,
    title: { ...demoCall.title },
    summary: { ...demoCall.summary },
    opensAtLocal,
    deadlineLocal,
    timeZone: TZ,
    challengeIds: challenges.map((c) => c.id),
    config,
  })
  // Published with its opening passed: the command freezes version 1 at once.
  await changePublication(ctx, created.id, 'publish')
  return true
}

/** Seeds OC1, OC2 and the demo call (idempotent). Returns the codes it configured this time. */
export async function seedCalls(db: Database, programmeId: string, clock: Clock = systemClock): Promise<string[]> {
  const done: string[] = []
  for (const c of securitCalls) {
    if (await inTransaction(db, (tx) => publishSecuritCall(tx, c))) done.push(c.code)
  }
  if (await inTransaction(db, (tx) => seedDemoCall(tx, programmeId, clock.now()))) done.push(demoCall.code)
  return done
}

/** The stored configuration of a seeded call (for the applications seed). */
export async function configOf(db: Database | Tx, callId: string): Promise<CallConfig> {
  const row = await db.selectFrom('calls').select('config').where('id', '=', callId).executeTakeFirstOrThrow()
  return storedConfig(row.config)
}
