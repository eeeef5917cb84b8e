/**
 * A closed call with submitted applications written straight to the database (the revision content is
 * built by the applications module's own `buildContent`), for the screening and dashboard tests:
 * consortia that pass every rule and consortia that break the budget caps, the country rules and the
 * SME minimum, plus a draft, a withdrawn application, an invited and a declined partner that must not
 * count.
 */

import { buildContent, receiptPayload, signReceipt } from '../../server/modules/applications/domain/content.ts'
import type { Database } from '../../server/platform/db/client.ts'
import { signerFor } from '../../server/platform/signing/index.ts'
import { countriesForPreset, defaultCallConfig } from '../../shared/calls/presets.ts'
import type { PartnerFacts, PartnerPart } from '../../shared/contracts/applications.ts'
import { partnerPart } from '../../shared/contracts/applications.ts'
import { callConfig } from '../../shared/contracts/calls.ts'
import { createOrganisation, createUser, type TestUser } from './users.ts'

export const OPENS_AT = new Date('2026-01-15T08:00:00Z')
/** 17:00 in Brussels (winter time). */
export const CLOSES_AT = new Date('2026-03-14T16:00:00Z')

export const screeningConfig = () => {
  const base = defaultCallConfig()
  return callConfig.parse({
    ...base,
    budget: { ...base.budget, totalCents: 50_000_000, maxPerProjectCents: 8_800_000, maxPerThirdPartyCents: 6_000_000 },
    consortium: {
      minOrganisations: 2,
      maxOrganisations: 4,
      minSmes: 2,
      minCountries: 2,
      eligibleCountries: countriesForPreset('eu27_and_associated'),
      endUserRequired: false,
      excludePartnerLinked: true,
      oneApplicationPerOrganisation: true,
    },
    // One optional question: the form is complete whatever the answers.
    form: {
      sections: [
        {
          id: 'core',
          title: { en: 'Core' },
          questions: [{ id: 'summary', type: 'long_text', label: { en: 'Summary' }, maxLength: 3000 }],
        },
      ],
    },
  })
}

export async function createScreeningCall(
  db: Database,
  programmeId: string,
  code: string,
  challengeCodes: readonly string[],
): Promise<{ id: string; code: string }> {
  const call = await db
    .insertInto('calls')
    .values({
      programme_id: programmeId,
      code,
      title: JSON.stringify({ en: `Screening test call ${code}`, fr: `Appel de test ${code}` }),
      summary: JSON.stringify({ en: 'A call for the tests' }),
      opens_at: OPENS_AT,
      closes_at: CLOSES_AT,
      time_zone: 'Europe/Brussels',
      config: JSON.stringify(screeningConfig()),
      published_at: new Date('2026-01-10T08:00:00Z'),
      frozen_at: OPENS_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const c of challengeCodes) {
    const ch = await challengeByCode(db, c)
    await db.insertInto('challenge_calls').values({ challenge_id: ch.id, call_id: call.id }).execute()
  }
  return { id: call.id, code }
}

export function challengeByCode(db: Database, code: string) {
  return db.selectFrom('challenges').select(['id', 'code']).where('code', '=', code).executeTakeFirstOrThrow()
}

export interface FixtureOrg {
  id: string
  legalName: string
  country: string
  type: string
  sme: 'micro' | 'small' | 'medium' | 'not_sme'
  member: TestUser
}

/** An organisation with one member, its SME status as computed from its profile. */
export async function createOrg(
  db: Database,
  programmeId: string,
  traits: { legalName: string; country: string; type?: string; sme: FixtureOrg['sme']; locale?: string },
): Promise<FixtureOrg> {
  const member = await createUser(db, programmeId, { name: `Member of ${traits.legalName}` })
  if (traits.locale) await db.updateTable('users').set({ locale: traits.locale }).where('id', '=', member.id).execute()
  const type = traits.type ?? (traits.sme === 'not_sme' ? 'large_company' : 'sme')
  const org = await createOrganisation(db, {
    legalName: traits.legalName,
    country: traits.country,
    type,
    members: [{ user: member, role: 'owner' }],
  })
  await db.updateTable('organisations').set({ sme_status: traits.sme }).where('id', '=', org.id).execute()
  return { ...org, country: traits.country, type, sme: traits.sme, member }
}

export interface FixturePartner {
  org: FixtureOrg
  /** Euros requested. */
  requested: number
}

/** A complete part: declarations signed, SME category declared as computed, a budget line. */
export function partOf(p: FixturePartner): PartnerPart {
  return partnerPart.parse({
    contactName: 'Contact Person',
    contactEmail: 'contact@example.test',
    role: 'Builds and tests the prototype.',
    budget: {
      personnelCents: p.requested * 100,
      subcontractingCents: 0,
      otherCostsCents: 0,
      requestedCents: p.requested * 100,
    },
    smeDeclaration: { category: p.org.sme, confirmed: true },
    declarationOfHonour: {
      noExclusionSituation: true,
      noConflictOfInterest: true,
      notLinkedToProgrammePartners: true,
      noDoubleFunding: true,
      signatoryName: 'Signatory',
      signatoryRole: 'CEO',
    },
  })
}

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

let seq = 0

/**
 * An application with its partners (the first is the lead). `submissions` are the instants of its
 * revisions (the last one counts); none leaves a draft. Extra rows that must not count: `invited`
 * (an address) and `declined` (an organisation).
 */
export async function createApplication(
  db: Database,
  traits: {
    callId: string
    callCode: string
    acronym: string
    challengeCode: string | null
    partners: FixturePartner[]
    submissions?: Date[]
    withdrawn?: boolean
    invited?: string
    declined?: FixtureOrg
  },
): Promise<{ id: string; reference: string; partnerIds: string[] }> {
  seq++
  const reference = `APP-9${String(seq).padStart(4, '0')}`
  const challenge = traits.challengeCode ? await challengeByCode(db, traits.challengeCode) : null
  const subs = traits.submissions ?? []
  const last = subs.at(-1) ?? null
  const lead = traits.partners[0]!
  const app = await db
    .insertInto('applications')
    .values({
      call_id: traits.callId,
      challenge_id: challenge?.id ?? null,
      reference,
      lead_organisation_id: lead.org.id,
      acronym: traits.acronym,
      title: `${traits.acronym} — a consortium project`,
      status: traits.withdrawn ? 'withdrawn' : last ? 'submitted' : 'draft',
      submitted_revision: last ? subs.length : null,
      submitted_at: last,
      withdrawn_at: traits.withdrawn ? last : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const partnerIds: string[] = []
  for (const [i, p] of traits.partners.entries()) {
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
  let position = traits.partners.length
  if (traits.invited) {
    await db
      .insertInto('application_partners')
      .values({
        application_id: app.id,
        role: 'partner',
        status: 'invited',
        invited_email: traits.invited,
        part: JSON.stringify({ budget: { requestedCents: 99_999_900 } }),
        position: position++,
      })
      .execute()
  }
  if (traits.declined) {
    await db
      .insertInto('application_partners')
      .values({
        application_id: app.id,
        organisation_id: traits.declined.id,
        role: 'partner',
        status: 'declined',
        part: JSON.stringify({ budget: { requestedCents: 99_999_900 } }),
        position: position++,
      })
      .execute()
  }
  const signer = await signerFor(db)
  for (const [i, at] of subs.entries()) {
    const input = {
      call: { id: traits.callId, code: traits.callCode, version: 1 },
      application: {
        id: app.id,
        reference,
        challengeId: challenge?.id ?? null,
        acronym: traits.acronym,
        title: `${traits.acronym} — a consortium project`,
        leadOrganisationId: lead.org.id,
        version: i + 1,
      },
      answers: { summary: `Revision ${i + 1} of ${traits.acronym}` },
      partners: traits.partners.map((p, j) => ({
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
      signer,
      receiptPayload({
        receiptId: `${reference}-r${i + 1}`,
        input,
        digest,
        files,
        revision: i + 1,
        submittedAt: at,
        deadline: CLOSES_AT,
        issuer: 'http://localhost:3000',
      }),
    )
    await db
      .insertInto('application_revisions')
      .values({
        application_id: app.id,
        revision: i + 1,
        content: JSON.stringify(content),
        files: JSON.stringify(files),
        digest,
        receipt: JSON.stringify(receipt),
        signature: receipt.signature,
        key_id: receipt.keyId,
        submitted_at: at,
      })
      .execute()
  }
  return { id: app.id, reference, partnerIds }
}

/** Changes a partner's requested support in a new revision (a resubmission before the deadline). */
export async function resubmit(
  db: Database,
  app: { id: string },
  at: Date,
  changePart: (part: PartnerPart, role: string) => PartnerPart,
): Promise<number> {
  const current = await db
    .selectFrom('application_revisions')
    .select(['revision', 'content', 'receipt', 'signature', 'key_id'])
    .where('application_id', '=', app.id)
    .orderBy('revision', 'desc')
    .executeTakeFirstOrThrow()
  const content = current.content as { partners: { role: string; part: PartnerPart }[] }
  content.partners = content.partners.map((p) => ({ ...p, part: changePart(p.part, p.role) }))
  const revision = current.revision + 1
  await db
    .insertInto('application_revisions')
    .values({
      application_id: app.id,
      revision,
      content: JSON.stringify(content),
      files: JSON.stringify([]),
      digest: `test-${revision}`,
      // The earlier receipt: the tests of this file do not verify receipts.
      receipt: JSON.stringify(current.receipt),
      signature: current.signature,
      key_id: current.key_id,
      submitted_at: at,
    })
    .execute()
  await db
    .updateTable('applications')
    .set({ submitted_revision: revision, submitted_at: at })
    .where('id', '=', app.id)
    .execute()
  return revision
}

/**
 * The standard fixture: four submitted applications (A passes every rule; B breaks both budget caps
 * and the country minimum; C has a partner outside the eligible countries; D has one SME only), a
 * draft and a withdrawn one.
 */
export async function standardFixture(db: Database, programmeId: string, code: string) {
  const call = await createScreeningCall(db, programmeId, code, ['D1-C1', 'D1-C2', 'D2-C1', 'D3-C1'])
  const org = (legalName: string, country: string, sme: FixtureOrg['sme'], locale?: string) =>
    createOrg(db, programmeId, { legalName, country, sme, ...(locale ? { locale } : {}) })
  const o = {
    societe: await org('Société Générale de Sécurité', 'FR', 'small', 'fr'),
    osz: await org('Ősz Biztonság Kft.', 'HU', 'micro'),
    brugse: await org('Brugse Veiligheid BV', 'BE', 'medium', 'nl'),
    nordic: await org('Nordic Large Corp AS', 'NO', 'not_sme'),
    acme: await org('Acme Sensors Inc.', 'US', 'micro'),
    lyon: await org('Lyon Sentinelle SAS', 'FR', 'small'),
    paris: await org('Paris Drones SARL', 'FR', 'micro'),
    vilnius: await org('Vilniaus Saugumas UAB', 'LT', 'small'),
    krakow: await org('Kraków Heavy Industries SA', 'PL', 'not_sme'),
    draft: await org('Draft Sicherheit GmbH', 'DE', 'small'),
    gone: await org('Seguridad Retirada SL', 'ES', 'small'),
    italy: await org('Sicurezza Rifiutata Srl', 'IT', 'small'),
  }
  const base = { callId: call.id, callCode: code }
  const a = await createApplication(db, {
    ...base,
    acronym: 'ALPHA',
    challengeCode: 'D1-C1',
    partners: [
      { org: o.societe, requested: 40_000 },
      { org: o.osz, requested: 40_000 },
    ],
    submissions: [new Date('2026-03-10T10:00:00Z')],
    invited: 'someone@invited.test',
  })
  const b = await createApplication(db, {
    ...base,
    acronym: 'BRAVO',
    challengeCode: 'D2-C1',
    partners: [
      { org: o.lyon, requested: 70_000 },
      { org: o.paris, requested: 30_000 },
    ],
    submissions: [new Date('2026-03-12T09:00:00Z'), new Date('2026-03-13T15:00:00Z')],
  })
  const c = await createApplication(db, {
    ...base,
    acronym: 'CHARLIE',
    challengeCode: 'D1-C2',
    partners: [
      { org: o.brugse, requested: 30_000 },
      { org: o.nordic, requested: 10_000 },
      { org: o.acme, requested: 20_000 },
    ],
    // 00:30 on 12 March in Brussels (still the 11th in UTC).
    submissions: [new Date('2026-03-11T23:30:00Z')],
    declined: o.italy,
  })
  const d = await createApplication(db, {
    ...base,
    acronym: 'DELTA',
    challengeCode: null,
    partners: [
      { org: o.vilnius, requested: 50_000 },
      { org: o.krakow, requested: 20_000 },
    ],
    submissions: [new Date('2026-03-14T15:59:59Z')],
  })
  const draft = await createApplication(db, {
    ...base,
    acronym: 'ECHO',
    challengeCode: 'D1-C1',
    partners: [
      { org: o.draft, requested: 10_000 },
      { org: o.societe, requested: 10_000 },
    ],
  })
  const withdrawn = await createApplication(db, {
    ...base,
    acronym: 'FOXTROT',
    challengeCode: 'D1-C1',
    partners: [
      { org: o.gone, requested: 10_000 },
      { org: o.osz, requested: 10_000 },
    ],
    submissions: [new Date('2026-03-09T10:00:00Z')],
    withdrawn: true,
  })
  return { call, o, a, b, c, d, draft, withdrawn }
}
