/**
 * The setting of the evaluation journey (tests/e2e/evaluation-journey.test.ts), written straight to the
 * database as the state a programme is in when its call has closed and been screened: a closed call with
 * the default criteria (Excellence, Impact, Implementation, 0–5 by halves, threshold 3 each and 10 in
 * total), four admissible applications from four consortia of two SMEs each (signed revisions built by
 * the applications module's own `buildContent`), five approved experts (two practitioners) whose
 * expertise echoes the applications' words, the evaluation settings (two experts per application, the
 * panel rules by default) and the individual phase open now.
 *
 * Also: what the journey does through the HTTP API to stay short (the evaluations and consensus of the
 * applications the journey does not follow on screen), with the person's own session.
 */
import { buildContent, receiptPayload, signReceipt } from '../../../server/modules/applications/domain/content.ts'
import { signerFor } from '../../../server/platform/signing/index.ts'
import type { PartnerFacts } from '../../../shared/contracts/applications.ts'
import { approveExpert } from '../../factories/evaluation.ts'
import {
  CLOSES_AT,
  challengeByCode,
  createOrg,
  createScreeningCall,
  type FixtureOrg,
  partOf,
} from '../../factories/screening.ts'
import { createUser, PASSWORD } from '../../factories/users.ts'
import { TestClient } from '../../support/app.ts'
import type { E2E } from '../../support/e2e.ts'

const MINUTE = 60_000
const DAY = 86_400_000

export const callTitle = 'Watching over critical sites at night'

export interface JourneyApplication {
  id: string
  reference: string
  acronym: string
  title: string
  challengeCode: string
  /** Euros requested by the lead and the partner. */
  requested: [number, number]
  lead: FixtureOrg
  partner: FixtureOrg
}

export interface JourneyExpert {
  id: string
  name: string
  email: string
  kind: 'technical' | 'practitioner'
  country: string
}

export interface EvaluationSetting {
  call: { id: string; code: string }
  applications: JourneyApplication[]
  experts: JourneyExpert[]
  /** The person of the lead organisation of the first application, who signs in at the end. */
  applicant: { name: string; email: string; password: string }
}

/** The consortia: the first is the one the journey follows (its lead signs in at the end). */
const consortia = [
  {
    acronym: 'NIGHTWATCH',
    title: 'Thermal night watch of port perimeters',
    summary:
      'Thermal cameras and ground radar watch the perimeters of sea ports at night; tracks are fused to tell intruders from wildlife and to guide the patrols.',
    challenge: 'D1-C2',
    lead: { name: 'Havenwacht Sensing B.V.', country: 'NL', sme: 'small' as const },
    partner: { name: 'Vigia Perimetral Lda', country: 'PT', sme: 'micro' as const },
    requested: [45_000, 35_000] as [number, number],
  },
  {
    acronym: 'DRONESHIELD',
    title: 'Detection of drones over energy plants',
    summary:
      'Passive radio-frequency sensing and acoustic arrays detect small drones over energy plants and locate their pilots for the site security.',
    challenge: 'D1-C1',
    lead: { name: 'Aerovigil SRL', country: 'BE', sme: 'small' as const },
    partner: { name: 'Ciel Sûr SAS', country: 'FR', sme: 'micro' as const },
    requested: [40_000, 30_000] as [number, number],
  },
  {
    acronym: 'FENCEFIBRE',
    title: 'Fibre-optic fence sensing for rail depots',
    summary:
      'Fibre-optic cables along the fences of rail depots sense cutting and climbing; a classifier tells intrusions from trains and weather.',
    challenge: 'D1-C2',
    lead: { name: 'Glasfaser Wache GmbH', country: 'DE', sme: 'small' as const },
    partner: { name: 'Fibra Segura SL', country: 'ES', sme: 'micro' as const },
    requested: [35_000, 25_000] as [number, number],
  },
  {
    acronym: 'CROWDSAFE',
    title: 'Crowd flow analytics for stadium evacuations',
    summary:
      'Anonymous counting of crowd flows at stadium gates predicts congestion during evacuations and advises the stewards in real time.',
    challenge: 'D1-C1',
    lead: { name: 'Folla Sicura S.r.l.', country: 'IT', sme: 'small' as const },
    partner: { name: 'Dav Analytika s.r.o.', country: 'CZ', sme: 'micro' as const },
    requested: [30_000, 30_000] as [number, number],
  },
]

/** Experts: every one is from a country no applicant comes from. */
const expertPool: (Omit<JourneyExpert, 'id'> & { expertise: string })[] = [
  {
    name: 'Margit Lindqvist',
    email: 'margit.lindqvist@experts.example',
    kind: 'practitioner',
    country: 'SE',
    expertise: 'Security manager of sea ports: perimeters, patrols at night, thermal cameras and intruders.',
  },
  {
    name: 'Tomas Hartmann',
    email: 'tomas.hartmann@experts.example',
    kind: 'technical',
    country: 'AT',
    expertise: 'Ground radar and thermal imaging; fusion of tracks for perimeters and ports.',
  },
  {
    name: 'Aoife Brennan',
    email: 'aoife.brennan@experts.example',
    kind: 'practitioner',
    country: 'IE',
    expertise: 'Head of security of energy plants and rail depots: drones, fences and intrusions.',
  },
  {
    name: 'Jarek Nowicki',
    email: 'jarek.nowicki@experts.example',
    kind: 'technical',
    country: 'PL',
    expertise: 'Radio-frequency sensing of drones and fibre-optic sensing of fences.',
  },
  {
    name: 'Liisa Korhonen',
    email: 'liisa.korhonen@experts.example',
    kind: 'technical',
    country: 'FI',
    expertise: 'Crowd analytics, evacuations of stadiums and video analytics of flows.',
  },
]

export const applicantPerson = { name: 'Femke Jansen', email: 'femke.jansen@havenwacht.example' }

function factsOf(org: FixtureOrg): PartnerFacts {
  return {
    organisationId: org.id,
    legalName: org.legalName,
    country: org.country as PartnerFacts['country'],
    type: org.type,
    smeStatus: org.sme,
    linkedToProgrammePartner: false,
    otherApplications: [],
  }
}

/** A submitted, admissible application with its signed revision 1, submitted the day before the deadline. */
async function submittedApplication(
  e2e: E2E,
  call: { id: string; code: string },
  c: (typeof consortia)[number],
  lead: FixtureOrg,
  partner: FixtureOrg,
  n: number,
): Promise<JourneyApplication> {
  const db = e2e.db
  const challenge = await challengeByCode(db, c.challenge)
  const reference = `APP-2026-${String(100 + n).padStart(5, '0')}`
  const submittedAt = new Date(CLOSES_AT.getTime() - DAY + n * 17 * MINUTE)
  const partners = [
    { org: lead, requested: c.requested[0] },
    { org: partner, requested: c.requested[1] },
  ]
  const app = await db
    .insertInto('applications')
    .values({
      call_id: call.id,
      challenge_id: challenge.id,
      reference,
      lead_organisation_id: lead.id,
      acronym: c.acronym,
      title: c.title,
      status: 'submitted',
      submitted_revision: 1,
      submitted_at: submittedAt,
      admissibility: 'admissible',
      admissibility_at: CLOSES_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const partnerIds: string[] = []
  for (const [i, p] of partners.entries()) {
    const row = await db
      .insertInto('application_partners')
      .values({
        application_id: app.id,
        organisation_id: p.org.id,
        role: i === 0 ? 'lead' : 'partner',
        status: 'accepted',
        part: JSON.stringify(partOf(p)),
        part_version: 2,
        confirmed_version: 2,
        position: i,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    partnerIds.push(row.id)
  }
  const input = {
    call: { id: call.id, code: call.code, version: 1 },
    application: {
      id: app.id,
      reference,
      challengeId: challenge.id,
      acronym: c.acronym,
      title: c.title,
      leadOrganisationId: lead.id,
      version: 1,
    },
    answers: { summary: c.summary },
    partners: partners.map((p, j) => ({
      id: partnerIds[j]!,
      role: j === 0 ? ('lead' as const) : ('partner' as const),
      organisationId: p.org.id,
      facts: factsOf(p.org),
      part: partOf(p),
      partVersion: 2,
    })),
  }
  const { content, files, digest } = buildContent(input)
  const receipt = signReceipt(
    await signerFor(db),
    receiptPayload({
      receiptId: `${reference}-r1`,
      input,
      digest,
      files,
      revision: 1,
      submittedAt,
      deadline: CLOSES_AT,
      issuer: e2e.baseUrl,
    }),
  )
  await db
    .insertInto('application_revisions')
    .values({
      application_id: app.id,
      revision: 1,
      content: JSON.stringify(content),
      files: JSON.stringify(files),
      digest,
      receipt: JSON.stringify(receipt),
      signature: receipt.signature,
      key_id: receipt.keyId,
      submitted_at: submittedAt,
    })
    .execute()
  return {
    id: app.id,
    reference,
    acronym: c.acronym,
    title: c.title,
    challengeCode: c.challenge,
    requested: c.requested,
    lead,
    partner,
  }
}

/** The whole setting; the individual phase runs from an hour ago for a week, consensus the week after. */
export async function insertEvaluationSetting(e2e: E2E): Promise<EvaluationSetting> {
  const db = e2e.db
  const call = await createScreeningCall(db, e2e.programmeId, 'NW26', ['D1-C1', 'D1-C2'])
  await db
    .updateTable('calls')
    .set({
      title: JSON.stringify({ en: callTitle }),
      summary: JSON.stringify({ en: 'SME consortia pilot the protection of ports, plants, depots and stadiums.' }),
      screened_at: new Date(CLOSES_AT.getTime() + 2 * DAY),
    })
    .where('id', '=', call.id)
    .execute()
  const applications: JourneyApplication[] = []
  for (const [n, c] of consortia.entries()) {
    const lead = await createOrg(db, e2e.programmeId, { legalName: c.lead.name, country: c.lead.country, sme: 'small' })
    const partner = await createOrg(db, e2e.programmeId, {
      legalName: c.partner.name,
      country: c.partner.country,
      sme: 'micro',
    })
    applications.push(await submittedApplication(e2e, call, c, lead, partner, n))
  }
  // The person of the followed application's lead organisation, with a name and an address of their own.
  const lead = applications[0]!.lead
  await db
    .updateTable('users')
    .set({ name: applicantPerson.name, email: applicantPerson.email })
    .where('id', '=', lead.member.id)
    .execute()
  const experts: JourneyExpert[] = []
  for (const e of expertPool) {
    const user = await createUser(db, e2e.programmeId, { programmeRole: 'expert', name: e.name, email: e.email })
    await approveExpert(db, call.id, user.id, {
      kind: e.kind,
      countries: [e.country],
      expertise: e.expertise,
      maxLoad: 3,
    })
    experts.push({ id: user.id, name: e.name, email: e.email, kind: e.kind, country: e.country })
  }
  await db
    .insertInto('evaluation_settings')
    .values({ call_id: call.id, experts_per_application: 2, updated_at: new Date() })
    .execute()
  const now = Date.now()
  await setPhase(e2e, call.id, 'individual', new Date(now - 60 * MINUTE), new Date(now + 7 * DAY))
  await setPhase(e2e, call.id, 'consensus', new Date(now + 7 * DAY), new Date(now + 14 * DAY))
  return { call, applications, experts, applicant: { ...applicantPerson, password: PASSWORD } }
}

/** Sets one phase's dates (the clock moving on, written to the database). */
export async function setPhase(
  e2e: E2E,
  callId: string,
  kind: 'individual' | 'consensus',
  startsAt: Date,
  endsAt: Date,
): Promise<void> {
  await e2e.db
    .insertInto('evaluation_phases')
    .values({ call_id: callId, kind, starts_at: startsAt, ends_at: endsAt, updated_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['call_id', 'kind']).doUpdateSet({ starts_at: startsAt, ends_at: endsAt, updated_at: new Date() }),
    )
    .execute()
}

/** The individual phase closes now; the consensus phase opens now for a week. */
export async function closeIndividualPhase(e2e: E2E, callId: string): Promise<void> {
  const now = Date.now()
  const individual = await e2e.db
    .selectFrom('evaluation_phases')
    .select('starts_at')
    .where('call_id', '=', callId)
    .where('kind', '=', 'individual')
    .executeTakeFirstOrThrow()
  await setPhase(e2e, callId, 'individual', new Date(individual.starts_at), new Date(now - MINUTE))
  await setPhase(e2e, callId, 'consensus', new Date(now - MINUTE), new Date(now + 7 * DAY))
}

/** The active assignments of the call: application → the experts (user ids) and the assignment ids. */
export async function activeAssignments(
  e2e: E2E,
  callId: string,
): Promise<{ id: string; applicationId: string; userId: string; status: string }[]> {
  const rows = await e2e.db
    .selectFrom('evaluation_assignments')
    .select(['id', 'application_id', 'user_id', 'status'])
    .where('call_id', '=', callId)
    .where('status', 'in', ['assigned', 'confirmed'])
    .execute()
  return rows.map((r) => ({ id: r.id, applicationId: r.application_id, userId: r.user_id, status: r.status }))
}

/** A session of `email` on the running server, for the steps the journey does through the API. */
export async function apiSession(e2e: E2E, email: string, password = PASSWORD): Promise<TestClient> {
  const client = new TestClient(e2e.app)
  client.headers = { origin: e2e.baseUrl }
  await client.signIn(email, password)
  return client
}

/** Throws with the problem's body unless the answer is 2xx; returns the JSON. */
// biome-ignore lint/suspicious/noExplicitAny: the journey reads the JSON freely
export async function ok(res: Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const r = await res
  if (r.status < 200 || r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`)
  return r.body
}

export type Scores = Record<'excellence' | 'impact' | 'implementation', number>

/** A comment of at least 100 characters (the default minimum) about one criterion. */
export function comment(acronym: string, criterion: string, tone: string): string {
  return `${criterion} of ${acronym}: ${tone} The objectives, the work plan and the pilot sites are described clearly enough to judge this criterion.`
}

/** An expert confirms no conflict, writes the evaluation of their assignment and submits it, through the API. */
export async function evaluateByApi(
  client: TestClient,
  assignmentId: string,
  acronym: string,
  scores: Scores,
): Promise<void> {
  await ok(client.post(`/api/v1/evaluation/assignments/${assignmentId}/confirm`, {}), 'confirm')
  const draft = await ok(
    client.request('PUT', `/api/v1/evaluation/assignments/${assignmentId}/evaluation`, {
      version: null,
      scores: Object.fromEntries(
        Object.entries(scores).map(([id, score]) => [
          id,
          { score, comment: comment(acronym, id, 'a solid proposal on this point.') },
        ]),
      ),
      overallComment: comment(acronym, 'Overall', 'a consistent proposal.'),
    }),
    'save the evaluation',
  )
  await ok(
    client.post(`/api/v1/evaluation/assignments/${assignmentId}/evaluation/submit`, { version: draft.version }),
    'submit the evaluation',
  )
}

/** A moderator records the consensus of an application (equal to the experts' scores) and finalises it. */
export async function consensusByApi(
  client: TestClient,
  callId: string,
  applicationId: string,
  acronym: string,
  scores: Scores,
): Promise<void> {
  const base = `/api/v1/calls/${callId}/evaluation/consensus/${applicationId}`
  const record = await ok(
    client.request('PUT', `${base}/record`, {
      version: 0,
      scores: Object.fromEntries(
        Object.entries(scores).map(([id, score]) => [
          id,
          { score, comment: comment(acronym, id, 'the experts agree.'), justification: '' },
        ]),
      ),
      overallComment: comment(acronym, 'Overall', 'the panel agrees.'),
      minorityView: '',
    }),
    'record the consensus',
  )
  await ok(client.post(`${base}/finalise`, { version: record.version }), 'finalise the consensus')
}
