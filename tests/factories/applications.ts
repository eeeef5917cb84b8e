/**
 * Applications through the API: a compact call form (acronym, title, summary, an annex, a partner
 * question and the budget table), complete parts, and a consortium of a lead and one partner taken to
 * "ready to submit" the way people do it (start, invite, accept, fill, confirm).
 */
import assert from 'node:assert/strict'
import type { Database } from '../../server/platform/db/client.ts'
import { defaultCallConfig } from '../../shared/calls/presets.ts'
import type { PartnerPart } from '../../shared/contracts/applications.ts'
import { type CallConfigInput, callConfig } from '../../shared/contracts/calls.ts'
import type { TestClient } from '../support/app.ts'
import { type InsertedCall, insertCall } from './calls.ts'

/** A small form: what the tests need of each kind of question, nothing more. */
export function applicationsCallConfig(overrides: Partial<CallConfigInput> = {}): CallConfigInput {
  const base = defaultCallConfig()
  return callConfig.parse({
    ...base,
    budget: {
      ...base.budget,
      totalCents: 100_000_000,
      maxPerProjectCents: 15_000_000,
      maxPerThirdPartyCents: 6_000_000,
    },
    consortium: {
      minOrganisations: 2,
      maxOrganisations: 5,
      minSmes: 1,
      minCountries: 1,
      eligibleCountries: [],
      endUserRequired: false,
      excludePartnerLinked: true,
      oneApplicationPerOrganisation: true,
    },
    form: {
      sections: [
        {
          id: 'core',
          title: { en: 'Core' },
          questions: [
            {
              id: 'acronym',
              type: 'short_text',
              semantic: 'acronym',
              required: true,
              maxLength: 30,
              label: { en: 'Acronym' },
            },
            {
              id: 'title',
              type: 'short_text',
              semantic: 'title',
              required: true,
              maxLength: 200,
              label: { en: 'Title' },
            },
            { id: 'summary', type: 'long_text', required: true, maxLength: 500, label: { en: 'Summary' } },
            { id: 'impact', type: 'long_text', maxLength: 500, label: { en: 'Impact' } },
            { id: 'annex', type: 'file', accept: ['pdf'], maxBytes: 1_048_576, maxFiles: 2, label: { en: 'Annex' } },
            { id: 'expertise', type: 'short_text', scope: 'partner', maxLength: 200, label: { en: 'Expertise' } },
          ],
        },
        {
          id: 'budget',
          title: { en: 'Budget' },
          questions: [{ id: 'budget', type: 'budget_table', required: true, label: { en: 'Budget' } }],
        },
      ],
    },
    ...overrides,
  })
}

/** An open call (opened a day before `now`, closing at `closesAt`) with the compact form and one challenge. */
export async function createOpenCall(
  db: Database,
  programmeId: string,
  traits: { closesAt: Date; opensAt?: Date; challengeIds?: string[]; config?: CallConfigInput },
): Promise<InsertedCall> {
  return insertCall(db, {
    programmeId,
    opensAt: traits.opensAt ?? new Date(traits.closesAt.getTime() - 30 * 86_400_000),
    closesAt: traits.closesAt,
    config: traits.config ?? applicationsCallConfig(),
    challengeIds: traits.challengeIds ?? [],
    frozen: true,
  })
}

/** A part that passes every rule: contact, role, €50,000 requested, SME declared, declaration signed. */
export function completePart(overrides: Partial<PartnerPart> = {}): PartnerPart {
  return {
    contactName: 'Ada Contact',
    contactEmail: 'ada@example.test',
    role: 'Builds the sensor prototype and runs the pilot.',
    budget: {
      personnelCents: 4_000_000,
      subcontractingCents: 500_000,
      otherCostsCents: 500_000,
      requestedCents: 5_000_000,
    },
    smeDeclaration: { category: 'small', confirmed: true },
    declarationOfHonour: {
      noExclusionSituation: true,
      noConflictOfInterest: true,
      notLinkedToProgrammePartners: true,
      noDoubleFunding: true,
      signatoryName: 'Ada Contact',
      signatoryRole: 'CEO',
    },
    answers: {},
    ...overrides,
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
export type Json = any

function ok(res: { status: number; body: Json }, status = 200): Json {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

/** The mailbox's last message to `to` (the development mailbox keeps every mail as a row). */
export async function lastMailTo(db: Database, to: string) {
  return db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', to.toLowerCase())
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
}

/** The invitation token from the last invitation mail to `email`. */
export async function invitationToken(db: Database, email: string): Promise<string> {
  const mail = await lastMailTo(db, email)
  const m = /application-invitations\/([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '')
  assert.ok(m, `no invitation mail to ${email}`)
  return m[1]!
}

export interface Consortium {
  id: string
  app: Json
  leadPartnerId: string
  partnerId: string
}

/**
 * A lead starts an application for `callId`, answers the shared questions, invites the partner's
 * e-mail; the partner accepts for its organisation, fills and confirms its part; the lead fills its own.
 * With `ready` (default) the result is ready to submit.
 */
export async function buildConsortium(
  db: Database,
  p: {
    lead: TestClient
    leadOrgId: string
    partner: TestClient
    partnerOrgId: string
    partnerEmail: string
    callId: string
    challengeId: string | null
    acronym?: string
  },
): Promise<Consortium> {
  const acronym = p.acronym ?? 'SENTRY'
  let app = ok(
    await p.lead.post('/api/v1/applications', {
      callId: p.callId,
      challengeId: p.challengeId,
      organisationId: p.leadOrgId,
      acronym,
      title: `${acronym}: safer stations`,
    }),
    201,
  )
  const id = app.id as string
  app = ok(
    await p.lead.patch(`/api/v1/applications/${id}/answers`, {
      baseVersion: app.version,
      changes: { summary: 'Thermal sensing of crowded platforms.' },
    }),
  )
  app = ok(await p.lead.post(`/api/v1/applications/${id}/partners`, { email: p.partnerEmail, name: 'Partner' }))
  const token = await invitationToken(db, p.partnerEmail)
  ok(await p.partner.post(`/api/v1/application-invitations/${token}/accept`, { organisationId: p.partnerOrgId }))
  app = ok(await p.partner.get(`/api/v1/applications/${id}`))
  const leadPartnerId = app.partners.find((x: Json) => x.role === 'lead').id as string
  const partner = app.partners.find((x: Json) => x.role === 'partner' && x.status === 'accepted')
  const partnerId = partner.id as string
  app = ok(
    await p.partner.patch(`/api/v1/applications/${id}/partners/${partnerId}/part`, {
      basePartVersion: partner.partVersion,
      part: completePart({ answers: { expertise: 'Thermal imaging' } }),
    }),
  )
  const saved = app.partners.find((x: Json) => x.id === partnerId)
  ok(
    await p.partner.post(`/api/v1/applications/${id}/partners/${partnerId}/confirm`, {
      partVersion: saved.partVersion,
    }),
  )
  app = ok(await p.lead.get(`/api/v1/applications/${id}`))
  const lead = app.partners.find((x: Json) => x.id === leadPartnerId)
  app = ok(
    await p.lead.patch(`/api/v1/applications/${id}/partners/${leadPartnerId}/part`, {
      basePartVersion: lead.partVersion,
      part: completePart({ contactName: 'Lena Lead', contactEmail: 'lena@example.test' }),
    }),
  )
  return { id, app, leadPartnerId, partnerId }
}
