/**
 * Consortia through the API: an open call whose consortium rules the tests meet step by step, SME
 * teams with their computed SME status, and a consortium built the way people do it.
 */
import assert from 'node:assert/strict'
import type { Database } from '../../server/platform/db/client.ts'
import type { CallConfigInput } from '../../shared/contracts/calls.ts'
import type { TestClient } from '../support/app.ts'
import { applicationsCallConfig, type Json } from './applications.ts'

/** Three organisations from two countries, two SMEs and an end-user; one application per organisation. */
export function consortiumCallConfig(): CallConfigInput {
  const base = applicationsCallConfig()
  return {
    ...base,
    consortium: {
      minOrganisations: 3,
      maxOrganisations: 5,
      minSmes: 2,
      minCountries: 2,
      eligibleCountries: [],
      endUserRequired: true,
      excludePartnerLinked: true,
      oneApplicationPerOrganisation: true,
    },
  }
}

/** What the applicant profile would compute: the organisation is a small enterprise. */
export async function makeSme(db: Database, organisationId: string, status: string | null = 'small') {
  await db.updateTable('organisations').set({ sme_status: status }).where('id', '=', organisationId).execute()
}

export function ok(res: { status: number; body: Json }, status = 200): Json {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

/** The outcome and reason code of each rule of a consortium, by rule. */
// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies freely
export function rulesOf(c: Json): Record<string, any> {
  return Object.fromEntries(c.rules.map((r: Json) => [r.rule, [r.outcome, r.reason.code]]))
}

/** The token of the last consortium invitation mailed to `email`. */
export async function consortiumToken(db: Database, email: string): Promise<string> {
  const mail = await db
    .selectFrom('mail_messages')
    .select('text_body')
    .where('to_address', '=', email.toLowerCase())
    .where('template', '=', 'consortium_invitation')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const m = /consortium-invitations\/([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '')
  assert.ok(m, `no consortium invitation mail to ${email}`)
  return m[1]!
}

/** Creates a consortium and has each partner organisation invited and accepting with a role. */
export async function formConsortium(
  lead: TestClient,
  p: {
    organisationId: string
    callId: string
    challengeId: string | null
    name?: string
    acronym?: string
    /** The lead's role. */
    role?: string
  },
  partners: { client: TestClient; organisationId: string; role: string }[] = [],
): Promise<Json> {
  let c = ok(
    await lead.post('/api/v1/consortia', {
      organisationId: p.organisationId,
      callId: p.callId,
      challengeId: p.challengeId,
      name: p.name ?? 'Safer water networks',
      acronym: p.acronym ?? 'AQUA',
      ...(p.role ? { role: p.role } : {}),
    }),
    201,
  )
  for (const partner of partners) {
    c = ok(await lead.post(`/api/v1/consortia/${c.id}/members`, { organisationId: partner.organisationId }), 201)
    const member = c.members.find((m: Json) => m.organisation?.id === partner.organisationId)
    c = ok(await partner.client.post(`/api/v1/consortia/${c.id}/members/${member.id}/accept`, { role: partner.role }))
  }
  return c
}
