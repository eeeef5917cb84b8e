// Seeding for the deadline bench: an open call and N consortia ready to submit, written with batched
// inserts (no sign-up, no HTTP): per consortium a lead SME with one member and a personal API token,
// a partner SME, and an application whose answers complete the call's form and whose partners have
// filled and confirmed their parts. The application is then one draft save away from submission.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Database } from '../../server/platform/db/client.ts'
import { defaultCallConfig } from '../../shared/calls/presets.ts'
import type { Answers, PartnerPart, WorkPlanValue } from '../../shared/contracts/applications.ts'
import type { ApplicationForm, FormQuestion } from '../../shared/contracts/call-form.ts'
import type { CallConfig } from '../../shared/contracts/calls.ts'

export interface Consortium {
  applicationId: string
  reference: string
  /** The lead member's personal API token (Bearer). */
  token: string
}

export interface Seeded {
  callId: string
  callCode: string
  config: CallConfig
  consortia: Consortium[]
}

const countries = ['BE', 'FR', 'NL', 'DE', 'PL', 'LT', 'ES', 'IT', 'AT', 'PT', 'CZ', 'RO'] as const
const legalNames = [
  (i: number) => `Sécurité Numérique ${i} SAS`,
  (i: number) => `Łódź Detection Systems ${i} Sp. z o.o.`,
  (i: number) => `Šiaulių Saugos Technologijos ${i} UAB`,
  (i: number) => `Waterschap Sensoren ${i} B.V.`,
  (i: number) => `Überwachungstechnik Köln ${i} GmbH`,
  (i: number) => `Ciberseguridad Andaluza ${i} S.L.`,
]

const sentence =
  'Our consortium will pilot a privacy-preserving early-warning platform that fuses acoustic, thermal and network telemetry from water and energy utilities, validated with the end-user in an operational environment before the end of the project. '

/** A text of about `length` characters (an application's answers are a few kilobytes each). */
function prose(length: number, seed: number): string {
  const base = `${seed} ${sentence}`.repeat(Math.ceil(length / sentence.length) + 1)
  return base.slice(0, Math.max(0, length)).trimEnd()
}

function valueFor(q: FormQuestion, seed: number): Answers[string] | undefined {
  switch (q.type) {
    case 'short_text':
      return q.semantic === 'acronym'
        ? `SURGE${seed}`.slice(0, Math.min(q.maxLength, 20))
        : prose(Math.min(q.maxLength, 80), seed)
    case 'long_text':
      // About 60 % of the limit (at most 2,500 characters): the size real proposals have.
      return prose(Math.max(q.minLength, Math.min(2500, Math.floor(q.maxLength * 0.6))), seed)
    case 'number': {
      const v = q.semantic === 'trl_start' ? 5 : q.semantic === 'trl_end' ? 7 : (q.max ?? 12)
      return Math.max(q.min ?? v, Math.min(q.max ?? v, v))
    }
    case 'money':
      return q.minCents ?? 100_000
    case 'date':
      return q.min ?? '2027-01-01'
    case 'single_choice':
      return q.options[0]?.id
    case 'multiple_choice':
      return q.options.slice(0, Math.max(1, q.minSelected)).map((o) => o.id)
    case 'work_plan': {
      const months = q.maxMonths
      const items = (kind: string, n: number) =>
        Array.from({ length: n + 1 }, (_, k) => ({
          title: `${kind} ${k + 1}`,
          month: Math.min(months, 2 + k * 3),
          description: prose(160, seed + k),
        }))
      return {
        durationMonths: months,
        milestones: items('Milestone', q.minMilestones),
        deliverables: items('Deliverable', q.minDeliverables),
      } satisfies WorkPlanValue
    }
    default:
      // Files and the budget table: files are optional in the bench's form, the budget is in the parts.
      return undefined
  }
}

/** Answers to every question of one scope (a condition is met by answering its first option). */
export function answersFor(form: ApplicationForm, scope: 'shared' | 'partner', seed: number): Answers {
  const out: Answers = {}
  for (const s of form.sections)
    for (const q of s.questions) {
      if (q.scope !== scope) continue
      const v = valueFor(q, seed)
      if (v !== undefined) out[q.id] = v
    }
  return out
}

function partFor(form: ApplicationForm, name: string, seed: number): PartnerPart {
  return {
    contactName: `Contact ${seed}`,
    contactEmail: `contact-${seed}@bench.example`,
    role: prose(400, seed),
    budget: { personnelCents: 3_500_000, subcontractingCents: 0, otherCostsCents: 500_000, requestedCents: 4_000_000 },
    smeDeclaration: { category: 'small', confirmed: true },
    declarationOfHonour: {
      noExclusionSituation: true,
      noConflictOfInterest: true,
      notLinkedToProgrammePartners: true,
      noDoubleFunding: true,
      signatoryName: `Signatory of ${name}`,
      signatoryRole: 'CEO',
    },
    answers: answersFor(form, 'partner', seed),
  }
}

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size))
}

export async function seedSurge(
  db: Database,
  opts: { n: number; programmeId: string; now: Date; runId: string },
): Promise<Seeded> {
  const config = defaultCallConfig()
  const callId = randomUUID()
  const callCode = `SURGE-${opts.runId.slice(0, 6).toUpperCase()}`
  const day = 24 * 3600 * 1000
  const opensAt = new Date(opts.now.getTime() - day)
  // The deadline is far enough away for any run; the surge is about load, not about lateness.
  const closesAt = new Date(opts.now.getTime() + 2 * day)
  await db
    .insertInto('calls')
    .values({
      id: callId,
      programme_id: opts.programmeId,
      code: callCode,
      title: JSON.stringify({
        en: 'Deadline surge bench call',
        fr: 'Appel du banc d’essai',
        nl: 'Oproep van de benchmark',
      }),
      summary: JSON.stringify({ en: 'Created by npm run bench:deadline.' }),
      opens_at: opensAt,
      closes_at: closesAt,
      time_zone: 'Europe/Brussels',
      config: JSON.stringify(config),
      config_version: 1,
      published_at: new Date(opensAt.getTime() - day),
      frozen_at: opensAt,
    })
    .execute()
  await db
    .insertInto('call_versions')
    .values({ call_id: callId, version: 1, config: JSON.stringify(config), opens_at: opensAt, closes_at: closesAt })
    .execute()

  const shared = (i: number) => answersFor(config.form, 'shared', i)
  const people: {
    user: string
    email: string
    lead: string
    partner: string
    token: string
    app: string
    i: number
  }[] = []
  for (let i = 0; i < opts.n; i++) {
    people.push({
      user: randomUUID(),
      email: `lead-${opts.runId}-${i}@bench.example`,
      lead: randomUUID(),
      partner: randomUUID(),
      token: `cas_${randomBytes(24).toString('hex')}`,
      app: randomUUID(),
      i,
    })
  }
  const org = (id: string, i: number, k: number) => ({
    id,
    legal_name: legalNames[(i + k) % legalNames.length]!(i),
    country: countries[(i + k * 5) % countries.length]!,
    type: 'sme',
    sme_status: 'small',
    headcount: '20',
    annual_turnover_cents: '150000000',
    balance_sheet_cents: '120000000',
    financial_year: 2025,
    description: 'A bench SME.',
  })
  await inBatches(people, 250, (b) =>
    db
      .insertInto('users')
      .values(b.map((p) => ({ id: p.user, name: `Lead ${p.i}`, email: p.email, email_verified: true })))
      .execute(),
  )
  await inBatches(people, 250, (b) =>
    db
      .insertInto('organisations')
      .values(b.flatMap((p) => [org(p.lead, p.i, 0), org(p.partner, p.i, 1)]))
      .execute(),
  )
  await inBatches(people, 250, (b) =>
    db
      .insertInto('memberships')
      .values(b.map((p) => ({ organisation_id: p.lead, user_id: p.user, role: 'owner' })))
      .execute(),
  )
  await inBatches(people, 250, (b) =>
    db
      .insertInto('api_tokens')
      .values(
        b.map((p) => ({
          user_id: p.user,
          name: 'deadline bench',
          token_hash: createHash('sha256').update(p.token).digest('hex'),
          token_prefix: p.token.slice(0, 8),
          scopes: ['applications:read', 'applications:write'],
        })),
      )
      .execute(),
  )
  await inBatches(people, 100, (b) =>
    db
      .insertInto('applications')
      .values(
        b.map((p) => {
          const answers = shared(p.i)
          return {
            id: p.app,
            call_id: callId,
            reference: `${callCode}-${String(p.i + 1).padStart(5, '0')}`,
            lead_organisation_id: p.lead,
            acronym: String(answers.acronym ?? ''),
            title: String(answers.title ?? ''),
            answers: JSON.stringify(answers),
            answer_meta: JSON.stringify({}),
            version: 1,
            created_by: p.user,
          }
        }),
      )
      .execute(),
  )
  await inBatches(people, 100, (b) =>
    db
      .insertInto('application_partners')
      .values(
        b.flatMap((p) =>
          (['lead', 'partner'] as const).map((role, k) => ({
            application_id: p.app,
            organisation_id: k === 0 ? p.lead : p.partner,
            role,
            status: 'accepted',
            invited_email: k === 0 ? null : `partner-${opts.runId}-${p.i}@bench.example`,
            part: JSON.stringify(partFor(config.form, `consortium ${p.i}`, p.i * 2 + k)),
            part_version: 1,
            part_updated_at: opensAt,
            confirmed_version: 1,
            confirmed_at: opensAt,
            responded_at: opensAt,
            position: k,
          })),
        ),
      )
      .execute(),
  )
  return {
    callId,
    callCode,
    config,
    consortia: people.map((p) => ({
      applicationId: p.app,
      reference: `${callCode}-${String(p.i + 1).padStart(5, '0')}`,
      token: p.token,
    })),
  }
}
