import { checkConsortium, consortiumRulesPass } from '../../../../../shared/calls/consortium.ts'
import { callPhase } from '../../../../../shared/calls/time.ts'
import type { RuleOutcome } from '../../../../../shared/contracts/applications.ts'
import { callConfig } from '../../../../../shared/contracts/calls.ts'
import type { Locale, LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { Consortium, ConsortiumMember, ConsortiumOrganisation } from '../../../../../shared/contracts/consortia.ts'
import { translator } from '../../../../../shared/i18n/index.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { asLocale } from '../../../../platform/i18n/index.ts'
import { organisationFacts, reasonVars } from '../../../applications/index.ts'
import { identityVisible } from '../../../organisations/domain/disclosure.ts'
import { conversionRefusal } from '../domain/rules.ts'
import { type ConsortiumAccess, type ConsortiumRow, findConsortium, type MemberRow } from './rows.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

export function phaseOf(
  row: Pick<ConsortiumRow, 'published_at' | 'cancelled_at' | 'opens_at' | 'closes_at'>,
  now: Date,
) {
  return callPhase(
    { publishedAt: row.published_at, cancelledAt: row.cancelled_at, opensAt: row.opens_at, closesAt: row.closes_at },
    now,
  )
}

/**
 * The call's consortium rules on the lead and the accepted members, with the same facts as an
 * application's partners (country, type, SME status, programme-partner link, other live applications
 * of the call — not counting the consortium's own application once converted).
 */
export async function consortiumRules(db: Queryable, row: ConsortiumRow, members: readonly MemberRow[]) {
  const counted = members.filter((m) => m.status === 'accepted' && m.organisation_id !== null)
  const facts = await organisationFacts(
    db,
    { callId: row.call_id, programmeId: row.programme_id, excludeApplicationId: row.application_id },
    [row.lead_organisation_id, ...counted.map((m) => m.organisation_id!)],
  )
  const rules: RuleOutcome[] = checkConsortium(callConfig.parse(row.call_config), [
    { id: row.id, lead: true, status: 'accepted', facts: facts.get(row.lead_organisation_id)! },
    ...counted.map((m) => ({
      id: m.id,
      lead: false,
      status: 'accepted' as const,
      facts: facts.get(m.organisation_id!)!,
    })),
  ])
  return { rules, rulesPass: consortiumRulesPass(rules) }
}

function organisationOf(actor: Actor, m: MemberRow): ConsortiumOrganisation | null {
  if (m.organisation_id === null) return null
  // An organisation that accepted has shown itself to the consortium; before that, the disclosure rule.
  const shown =
    m.status === 'accepted' || identityVisible(actor, { id: m.organisation_id, visibility: m.visibility ?? 'public' })
  return {
    id: m.organisation_id,
    name: shown ? m.legal_name : null,
    country: m.country,
    type: m.type,
    smeStatus: m.sme_status,
  }
}

export function leadOrganisationOf(row: ConsortiumRow): ConsortiumOrganisation {
  // The lead chose whom to invite: its name is shown to everyone who sees the consortium.
  return {
    id: row.lead_organisation_id,
    name: row.lead_name,
    country: row.lead_country,
    type: row.lead_type,
    smeStatus: row.lead_sme_status,
  }
}

/** A member as the caller may see it: e-mails and source references to the lead's side and brokers only. */
export function memberView(actor: Actor, m: MemberRow, insider: boolean): ConsortiumMember {
  return {
    id: m.id,
    lead: false,
    organisation: organisationOf(actor, m),
    invitedEmail: insider ? m.invited_email : null,
    role: m.role,
    source: m.source as ConsortiumMember['source'],
    sourceRef: insider ? m.source_ref : null,
    status: m.status as ConsortiumMember['status'],
    invitedAt: iso(m.invited_at),
    decidedAt: m.decided_at ? iso(m.decided_at) : null,
    mine: m.organisation_id !== null && actor.memberships.has(m.organisation_id),
  }
}

const allow = { allowed: true }
const deny = (reason: NonNullable<Consortium['abilities'][string]['reason']>) => ({ allowed: false, reason })

export function abilitiesOf(
  row: ConsortiumRow,
  access: ConsortiumAccess,
  members: readonly MemberRow[],
  now: Date,
  rulesPass: boolean,
): Consortium['abilities'] {
  const forming = row.status === 'forming'
  const manage = !access.lead ? deny('not_a_member') : forming ? allow : deny('wrong_status')
  const invited = members.some((m) => access.ownMemberIds.includes(m.id) && m.status === 'invited')
  const answer = !invited ? deny('not_a_member') : forming ? allow : deny('wrong_status')
  const refusal = conversionRefusal({
    lead: access.lead,
    status: row.status as Consortium['status'],
    phase: phaseOf(row, now),
    leadIsSme: row.lead_type === 'sme',
    rulesPass,
  })
  return {
    invite: manage,
    remove: manage,
    dissolve: manage,
    convert: row.status === 'converted' ? deny('wrong_status') : refusal ? deny(refusal.reason) : allow,
    accept: answer,
    decline: answer,
  }
}

/** The reader's language: their account's, else English. */
export async function readerLocale(db: Queryable, actor: Actor): Promise<Locale> {
  if (!actor.userId) return 'en'
  const u = await db.selectFrom('users').select('locale').where('id', '=', actor.userId).executeTakeFirst()
  return asLocale(u?.locale)
}

/** A rule's reason in `locale`, in the words of the eligibility screening. */
function reasonText(locale: Locale, reason: RuleOutcome['reason']): string {
  const key = `applications.eligibility.${reason.code}`
  const text = translator(locale)(key, reasonVars(reason.params, locale))
  return text === key ? reason.code : text
}

/** The consortium as the caller may see it: e-mails of invitees to the lead's side and brokers only. */
export async function toConsortium(
  db: Queryable,
  actor: Actor,
  now: Date,
  row: ConsortiumRow,
  members: readonly MemberRow[],
  access: ConsortiumAccess,
  locale?: Locale,
): Promise<Consortium> {
  const { rules, rulesPass } = await consortiumRules(db, row, members)
  const lang = locale ?? (await readerLocale(db, actor))
  const insider = access.lead || access.broker
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    status: row.status as Consortium['status'],
    call: {
      id: row.call_id,
      code: row.call_code,
      title: row.call_title as LocalizedText,
      phase: phaseOf(row, now),
      closesAt: iso(row.closes_at),
    },
    challenge:
      row.challenge_id && row.challenge_code
        ? { id: row.challenge_id, code: row.challenge_code, title: row.challenge_title ?? '' }
        : null,
    leadOrganisation: leadOrganisationOf(row),
    leadRole: row.lead_role,
    members: members
      // Declined and removed invitations by e-mail are history of the lead's side only.
      .filter((m) => insider || m.status === 'accepted' || m.status === 'invited' || access.ownMemberIds.includes(m.id))
      .map((m) => memberView(actor, m, insider)),
    rules: rules.map((r) => ({ ...r, text: reasonText(lang, r.reason) })),
    rulesPass,
    application:
      row.application_id && row.application_reference
        ? { id: row.application_id, reference: row.application_reference }
        : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    abilities: abilitiesOf(row, access, members, now, rulesPass),
  }
}

/** One consortium read again (after a write's commit, or for GET). */
export async function readConsortium(db: Queryable, actor: Actor, now: Date, id: string): Promise<Consortium> {
  const { row, members, access } = await findConsortium(db, actor, id)
  return toConsortium(db, actor, now, row, members, access)
}
