/**
 * Seeds the demo applications to SecurIT's calls (calls-data/applications-*.ts) and replays their
 * story with the applications module's own commands at the moments it happened (a FixedClock): each
 * consortium's working copy (answers, partners that accepted, parts saved and confirmed) is written
 * directly, as the editor would have left it; then the lead SUBMITS with `submitApplication` before the
 * deadline — an immutable revision, its digest and a signed receipt —, edits and submits again for
 * resubmissions, withdraws with `withdrawApplication`. Applications that break a rule (over the cap
 * per third party, a partner outside the eligible countries, a single SME) stay drafts: the submit gate
 * refuses them (`application_not_ready`), as it would have refused their consortium. Then the calls are
 * screened (applications-review.ts). Idempotent: an application that exists is left alone.
 */
import { sql } from 'kysely'
import type { OrganisationRole } from '../../shared/authz.ts'
import type { Answers } from '../../shared/contracts/applications.ts'
import type { CallConfig } from '../../shared/contracts/calls.ts'
import { RECEIPT_MAIL_QUEUE } from '../modules/applications/commands/receipt-mail.ts'
import { saveAnswers } from '../modules/applications/commands/save-answers.ts'
import { nextApplicationReference } from '../modules/applications/commands/start-application.ts'
import { withdrawApplication } from '../modules/applications/commands/withdraw-application.ts'
import { submitApplication } from '../modules/applications/index.ts'
import { refreshSearchVector as refreshOrganisationVector } from '../modules/organisations/commands/profile-support.ts'
import { assessSme } from '../modules/organisations/domain/sme.ts'
import { recordAudit } from '../platform/audit/index.ts'
import type { Actor } from '../platform/authz/actor.ts'
import { type Database, inTransaction, type Tx } from '../platform/db/client.ts'
import { answersOf, partOf, type SeedOrg } from './applications-content.ts'
import { reviewSeededCalls } from './applications-review.ts'
import { ensureSigning } from './applications-signing.ts'
import { callIdOf, configOf } from './calls.ts'
import { extraOrganisations, oc1Applications } from './calls-data/applications-oc1.ts'
import { oc2Applications } from './calls-data/applications-oc2.ts'
import { securitCalls } from './calls-data/calls.ts'
import type { SeedApplication } from './calls-data/types.ts'
import { at, FixedClock, seedContext } from './calls-support.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'
import { SUPPLY_DEMO_NOTE } from './supply-data/index.ts'
import { cents, organisationIdOf } from './supply-support.ts'

export const demoApplications: SeedApplication[] = [...oc1Applications, ...oc2Applications]
export const applicationIdOf = (key: string) => seedId(`application:${key}`)

const HOUR = 3_600_000
const DAY = 24 * HOUR
const demoAccountOrgs = new Set(['demo-sme', 'demo-city', 'demo-integrator'])
const extraIdOf = (key: string) => seedId(`organisation:calls:${key}`)
const challengeIdOf = (code: string) => seedId(`challenge:${securit.slug}:${code}`)

/** The organisation id of a consortium member key. */
export function memberIdOf(key: string): string {
  if (extraOrganisations.some((o) => o.key === key)) return extraIdOf(key)
  return key !== 'demo-sme' && demoAccountOrgs.has(key) ? seedId(`organisation:${key}`) : organisationIdOf(key)
}

/** The demo SME declared in HOSPIGUARD as small while its profile (2024 figures) computes medium: a warning to review. */
const declaredSme: Record<string, Record<string, string>> = { 'oc1-hospiguard': { 'gota-secure': 'small' } }

/** A person of the lead organisation, for the commands only its members may use. */
function memberOf(orgId: string, label: string, userId: string | null = null): Actor {
  return {
    kind: 'user',
    userId,
    label,
    disabled: false,
    twoFactorEnabled: false,
    programmeRoles: [],
    memberships: new Map<string, OrganisationRole>([[orgId, 'owner']]),
    scopes: null,
    tokenId: null,
  }
}

async function upsertExtraOrganisations(tx: Tx, now: Date): Promise<void> {
  for (const o of extraOrganisations) {
    const sme = assessSme({
      headcount: o.headcount,
      annualTurnoverCents: cents(o.turnoverK),
      balanceSheetCents: cents(o.balanceK),
      publicBodyControl: false,
      relations: [],
    })
    const v = {
      legal_name: o.legalName,
      country: o.country,
      type: o.type,
      description: `${o.description} ${SUPPLY_DEMO_NOTE}`,
      headcount: String(o.headcount),
      annual_turnover_cents: cents(o.turnoverK),
      balance_sheet_cents: cents(o.balanceK),
      financial_year: 2024,
      founded_year: o.founded,
      region: o.region,
      website: `https://www.${o.key}.example`,
      language: 'en',
      language_declared: true,
      sme_status: sme.status,
      sme_explanation: JSON.stringify(sme.explanation),
      sme_checked_at: now,
    }
    const inserted = await tx
      .insertInto('organisations')
      .values({ id: extraIdOf(o.key), ...v })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (inserted) await refreshOrganisationVector(tx, inserted.id)
  }
}

/** When the consortium started: twelve days before its first submission (or before the deadline). */
function startedAt(s: SeedApplication): Date {
  const call = securitCalls.find((c) => c.code === s.call)!
  const first = at(s.submitted[0] ?? call.deadlineLocal).getTime() - 12 * DAY
  return new Date(Math.max(first, at(call.opensAtLocal).getTime() + DAY))
}

/** The working copy as the consortium left it before submitting: answers, partners accepted, parts confirmed. */
async function writeWorkingCopy(
  tx: Tx,
  s: SeedApplication,
  orgs: SeedOrg[],
  answers: Answers,
  config: CallConfig,
  lead: Actor,
  started: Date,
): Promise<void> {
  const id = applicationIdOf(s.key)
  const leadOrg = orgs[0]!
  const meta = Object.fromEntries(
    Object.keys(answers).map((q) => [
      q,
      { version: 1, by: lead.label, at: new Date(started.getTime() + DAY).toISOString() },
    ]),
  )
  const reference = await nextApplicationReference(tx)
  await tx
    .insertInto('applications')
    .values({
      id,
      call_id: callIdOf(s.call),
      challenge_id: challengeIdOf(s.challenge),
      reference,
      lead_organisation_id: leadOrg.id,
      acronym: s.acronym,
      title: s.title,
      answers: JSON.stringify(answers),
      answer_meta: JSON.stringify(meta),
      created_by: lead.userId,
      created_at: started,
      updated_at: new Date(started.getTime() + 3 * DAY),
    })
    .execute()
  await tx
    .insertInto('application_partners')
    .values(
      orgs.map((o, position) => {
        const part = partOf(s, o, position === 0, config, { declaredSme: declaredSme[s.key]?.[o.key] })
        return {
          id: seedId(`application-partner:${s.key}:${o.key}`),
          application_id: id,
          organisation_id: o.id,
          role: position === 0 ? 'lead' : 'partner',
          status: 'accepted',
          invited_email: position === 0 ? null : part.contactEmail,
          invited_name: position === 0 ? null : part.contactName,
          invited_by: lead.userId,
          invited_at: new Date(started.getTime() + HOUR),
          responded_at: new Date(started.getTime() + (position === 0 ? HOUR : DAY)),
          part: JSON.stringify(part),
          part_version: 1,
          part_updated_at: new Date(started.getTime() + 2 * DAY),
          confirmed_version: 1,
          confirmed_at: new Date(started.getTime() + 3 * DAY),
          position,
        }
      }),
    )
    .execute()
  await recordAudit(
    tx,
    { actor: lead, requestId: null, clock: new FixedClock(started) },
    {
      action: 'application.started',
      subjectType: 'application',
      subjectId: id,
      change: {
        reference,
        callId: callIdOf(s.call),
        leadOrganisationId: leadOrg.id,
        acronym: s.acronym,
        partners: orgs.slice(1).map((o) => o.id),
        demo: true,
      },
    },
  )
}

/** Replays one application's story; false when its organisations are missing (demo accounts not seeded). */
interface Story {
  orgsById: Map<string, SeedOrg>
  demoSmeUser: string | null
  configs: Map<string, CallConfig>
  challengeTitles: Map<string, string>
}

async function seedOne(db: Database, s: SeedApplication, story: Story) {
  const orgs = Object.keys(s.consortium).map((k) => story.orgsById.get(memberIdOf(k)))
  if (orgs.some((o) => !o)) return false
  const members = orgs as SeedOrg[]
  const config = story.configs.get(s.call)!
  const challengeTitle = story.challengeTitles.get(challengeIdOf(s.challenge)) ?? s.challenge
  const { answers, resubmission } = answersOf(s, config, challengeTitle, members)
  const leadPart = partOf(s, members[0]!, true, config)
  const lead =
    members[0]!.key === 'demo-sme' && story.demoSmeUser
      ? memberOf(members[0]!.id, 'sme@securit.demo', story.demoSmeUser)
      : memberOf(members[0]!.id, leadPart.contactEmail)
  const started = startedAt(s)
  await inTransaction(db, (tx) => writeWorkingCopy(tx, s, members, answers, config, lead, started))

  const id = applicationIdOf(s.key)
  const clock = new FixedClock(started)
  const ctx = seedContext(db, clock, lead)
  for (const [i, local] of s.submitted.entries()) {
    const when = at(local)
    if (i > 0 && resubmission) {
      // Between two submissions the lead improves a text, then submits again: revision i + 1.
      const previous = at(s.submitted[i - 1]!).getTime()
      clock.set(new Date(previous + (when.getTime() - previous) / 2))
      const row = await db.selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow()
      await saveAnswers(ctx, id, {
        baseVersion: row.version,
        changes: { [resubmission.questionId]: resubmission.text },
      })
    }
    clock.set(when)
    const row = await db.selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow()
    await submitApplication(ctx, id, { version: row.version }, `seed-${s.key}-${i + 1}`)
  }
  if (s.withdrawn) {
    clock.set(at(s.withdrawn))
    await withdrawApplication(ctx, id, {
      reason:
        'Two partners have joined other consortia for this call; we withdraw and will apply again in the next call.',
    })
  }
  return true
}

/**
 * Seeds the demo applications of OC1 and OC2 (after the calls, the supply organisations and the demo
 * accounts), then screens the calls and records the operators' review. Returns how many were created.
 */
export async function seedDemoApplications(db: Database): Promise<number> {
  await ensureSigning(db)
  await inTransaction(db, (tx) => upsertExtraOrganisations(tx, new Date()))
  const existing = new Set(
    (
      await db
        .selectFrom('applications')
        .select('id')
        .where(
          'id',
          'in',
          demoApplications.map((s) => applicationIdOf(s.key)),
        )
        .execute()
    ).map((r) => r.id),
  )
  const todo = demoApplications
    .filter((s) => !existing.has(applicationIdOf(s.key)))
    .sort((x, y) => startedAt(x).getTime() - startedAt(y).getTime())
  let created = 0
  if (todo.length > 0) {
    const ids = [...new Set(todo.flatMap((s) => Object.keys(s.consortium).map(memberIdOf)))]
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'legal_name', 'country', 'type', 'sme_status', 'description'])
      .where('id', 'in', ids)
      .execute()
    const keyOf = new Map(todo.flatMap((s) => Object.keys(s.consortium).map((k) => [memberIdOf(k), k] as const)))
    const orgsById = new Map<string, SeedOrg>(
      rows.map((r) => [
        r.id,
        {
          key: keyOf.get(r.id)!,
          id: r.id,
          legalName: r.legal_name,
          country: r.country,
          type: r.type,
          smeStatus: r.sme_status,
          description: r.description ?? '',
        },
      ]),
    )
    const demoSme = await db.selectFrom('users').select('id').where('email', '=', 'sme@securit.demo').executeTakeFirst()
    const challenges = await db
      .selectFrom('challenges')
      .select(['id', 'title'])
      .where('id', 'in', [...new Set(todo.map((s) => challengeIdOf(s.challenge)))])
      .execute()
    const story: Story = {
      orgsById,
      demoSmeUser: demoSme?.id ?? null,
      configs: new Map(
        await Promise.all(securitCalls.map(async (c) => [c.code, await configOf(db, callIdOf(c.code))] as const)),
      ),
      challengeTitles: new Map(challenges.map((c) => [c.id, c.title])),
    }
    for (const s of todo) if (await seedOne(db, s, story)) created++
    // The receipts of 2022 and 2023 are not mailed to anybody today: their mail jobs are done already.
    await db
      .updateTable('jobs')
      .set({ done_at: new Date() })
      .where('queue', '=', RECEIPT_MAIL_QUEUE)
      .where('done_at', 'is', null)
      .where(
        sql<string>`payload ->> 'applicationId'`,
        'in',
        todo.map((s) => applicationIdOf(s.key)),
      )
      .execute()
  }
  await reviewSeededCalls(db)
  return created
}
