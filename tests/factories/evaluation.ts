/**
 * A closed call ready for evaluation, written straight to the database: submitted, admissible
 * applications with signed revisions (through the screening factory), approved experts with profiles,
 * and helpers to set phases and assignments. Shared by the evaluation tests (assignment, scoring,
 * consensus, ranking, selection, decisions).
 */
import type { Database } from '../../server/platform/db/client.ts'
import type { TestApp, TestClient } from '../support/app.ts'
import { signedIn } from './organisations.ts'
import {
  CLOSES_AT,
  createApplication,
  createOrg,
  createScreeningCall,
  type FixtureOrg,
  type FixturePartner,
} from './screening.ts'
import { createUser, type TestUser } from './users.ts'

export { CLOSES_AT }

export interface FixtureExpert extends TestUser {
  client: TestClient
  kind: 'technical' | 'practitioner' | 'business'
  countries: string[]
}

export interface FixtureApplication {
  id: string
  reference: string
  acronym: string
  partners: FixturePartner[]
  challengeCode: string | null
}

export interface EvaluationFixture {
  call: { id: string; code: string }
  operator: TestClient
  operatorUser: TestUser
  applications: FixtureApplication[]
  experts: FixtureExpert[]
  orgs: FixtureOrg[]
}

let seq = 0

/** Countries used round-robin for organisations and experts. */
const COUNTRIES = ['BE', 'NL', 'FR', 'DE', 'ES', 'IT', 'PT', 'AT', 'FI', 'SE', 'PL', 'IE']

/**
 * `applications` consortia of two SMEs each (distinct countries, €40,000 + €30,000 requested, challenge
 * codes taken in turn from `challengeCodes`), submitted the day before the deadline and declared
 * admissible; `experts` approved experts of the call (every third a practitioner; countries in turn),
 * each signed in. The clock of `t` should be after CLOSES_AT (2026-03-14 16:00 UTC).
 */
export async function evaluationFixture(
  t: TestApp,
  opts: { applications?: number; experts?: number; challengeCodes?: string[]; code?: string } = {},
): Promise<EvaluationFixture> {
  seq++
  const code = opts.code ?? `EV${seq}${Date.now().toString(36).slice(-4).toUpperCase()}`
  const challengeCodes = opts.challengeCodes ?? []
  const call = await createScreeningCall(t.db, t.programmeId, code, challengeCodes)
  const operatorUser = await createUser(t.db, t.programmeId, { programmeRole: 'operator' })
  const operator = await signedIn(t, operatorUser)
  const orgs: FixtureOrg[] = []
  const applications: FixtureApplication[] = []
  const n = opts.applications ?? 4
  for (let i = 0; i < n; i++) {
    const a = await createOrg(t.db, t.programmeId, {
      legalName: `Alpha ${code} ${i} BV`,
      country: COUNTRIES[(2 * i) % COUNTRIES.length]!,
      sme: 'small',
    })
    const b = await createOrg(t.db, t.programmeId, {
      legalName: `Beta ${code} ${i} SAS`,
      country: COUNTRIES[(2 * i + 1) % COUNTRIES.length]!,
      sme: 'micro',
    })
    orgs.push(a, b)
    const partners = [
      { org: a, requested: 40_000 },
      { org: b, requested: 30_000 },
    ]
    const challengeCode = challengeCodes.length ? challengeCodes[i % challengeCodes.length]! : null
    const acronym = `PRJ${i + 1}`
    const app = await createApplication(t.db, {
      callId: call.id,
      callCode: code,
      acronym,
      challengeCode,
      partners,
      submissions: [new Date(CLOSES_AT.getTime() - 86_400_000 + i * 60_000)],
    })
    await t.db
      .updateTable('applications')
      .set({ admissibility: 'admissible', admissibility_at: CLOSES_AT })
      .where('id', '=', app.id)
      .execute()
    applications.push({ id: app.id, reference: app.reference, acronym, partners, challengeCode })
  }
  const experts: FixtureExpert[] = []
  for (let i = 0; i < (opts.experts ?? 6); i++) {
    const user = await createUser(t.db, t.programmeId, { programmeRole: 'expert', name: `Expert ${code} ${i + 1}` })
    const kind = i % 3 === 0 ? 'practitioner' : 'technical'
    const countries = [COUNTRIES[(i + 5) % COUNTRIES.length]!]
    await approveExpert(t.db, call.id, user.id, { kind, countries, expertise: `Security expertise number ${i + 1}` })
    experts.push({ ...user, client: await signedIn(t, user), kind, countries })
  }
  return { call, operator, operatorUser, applications, experts, orgs }
}

/** An expert profile (declarations signed) approved for the call. */
export async function approveExpert(
  db: Database,
  callId: string,
  userId: string,
  p: { kind?: FixtureExpert['kind']; countries?: string[]; expertise?: string; maxLoad?: number } = {},
): Promise<void> {
  const now = new Date('2026-02-01T09:00:00Z')
  await db
    .insertInto('expert_profiles')
    .values({
      user_id: userId,
      expertise: p.expertise ?? 'Video analytics and critical infrastructure protection.',
      countries: p.countries ?? ['BE'],
      languages: ['en'],
      kind: p.kind ?? 'technical',
      code_of_conduct_at: now,
      confidentiality_at: now,
      max_load: p.maxLoad ?? 10,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute()
  await db
    .insertInto('expert_calls')
    .values({
      call_id: callId,
      user_id: userId,
      source: 'invitation',
      status: 'approved',
      max_load: p.maxLoad ?? 10,
      applied_at: now,
      decided_at: now,
    })
    .execute()
}

/** An assignment written straight to the database (for tests of what comes after the assignment). */
export async function assign(
  db: Database,
  callId: string,
  applicationId: string,
  userId: string,
  traits: { status?: 'assigned' | 'confirmed'; affinity?: number; locked?: boolean } = {},
): Promise<string> {
  const status = traits.status ?? 'confirmed'
  const row = await db
    .insertInto('evaluation_assignments')
    .values({
      call_id: callId,
      application_id: applicationId,
      user_id: userId,
      affinity: traits.affinity ?? 0.5,
      locked: traits.locked ?? false,
      source: 'manual',
      status,
      confirmed_at: status === 'confirmed' ? new Date('2026-03-15T09:00:00Z') : null,
      created_at: new Date('2026-03-15T08:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type PhaseDates = Partial<Record<'individual' | 'consensus' | 'panel', [Date, Date]>>

/** Sets (replaces) the call's phases. */
export async function setPhases(db: Database, callId: string, phases: PhaseDates): Promise<void> {
  for (const [kind, [startsAt, endsAt]] of Object.entries(phases) as [string, [Date, Date]][]) {
    await db
      .insertInto('evaluation_phases')
      .values({ call_id: callId, kind, starts_at: startsAt, ends_at: endsAt, updated_at: new Date() })
      .onConflict((oc) =>
        oc.columns(['call_id', 'kind']).doUpdateSet({ starts_at: startsAt, ends_at: endsAt, updated_at: new Date() }),
      )
      .execute()
  }
}
