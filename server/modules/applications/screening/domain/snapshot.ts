import type { RulesInput, RulesPartner } from '../../../../../shared/calls/readiness.ts'
import {
  type Answers,
  answers as answersContract,
  type PartnerFacts,
  partnerFacts,
  partnerPart,
} from '../../../../../shared/contracts/applications.ts'
import type { CallConfig } from '../../../../../shared/contracts/calls.ts'

/** What the screening reads of a submitted revision's content (`domain/content.ts` writes it). */
export interface SnapshotContext {
  config: CallConfig
  /** challengeId → its TRL range (a mismatch with the application's TRL is a warning). */
  challengeTrl: ReadonlyMap<string, { min: number | null; max: number | null }>
  challengeIds: readonly string[]
  /**
   * organisationId → references of the call's submitted applications it is in (its own included), as
   * known at the screening: the one-application rule judges the final set, not the one at submission.
   */
  applicationsByOrganisation: ReadonlyMap<string, readonly string[]>
}

const emptyFacts: PartnerFacts = {
  organisationId: null,
  legalName: null,
  country: null,
  type: null,
  smeStatus: null,
  linkedToProgrammePartner: false,
  otherApplications: [],
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {})

/**
 * The rules engine's input for one submitted revision: its answers and its partners as submitted (the
 * lead and the accepted partners, each confirmed by the submission), read with the contracts so an
 * older or partial snapshot still screens (missing fields take their defaults).
 */
export function snapshotInput(content: unknown, reference: string, ctx: SnapshotContext): RulesInput {
  const c = obj(content)
  const application = obj(c.application)
  const parsedAnswers = answersContract.safeParse(c.answers ?? {})
  const answers: Answers = parsedAnswers.success ? parsedAnswers.data : {}
  const partners: RulesPartner[] = (Array.isArray(c.partners) ? c.partners : []).map((raw, i) => {
    const p = obj(raw)
    const facts = partnerFacts.safeParse(p.facts)
    const part = partnerPart.safeParse(p.part ?? {})
    const version = typeof p.partVersion === 'number' ? p.partVersion : 1
    const base = facts.success ? facts.data : emptyFacts
    const orgId = typeof p.organisationId === 'string' ? p.organisationId : base.organisationId
    const others = orgId === null ? undefined : ctx.applicationsByOrganisation.get(orgId)
    return {
      id: typeof p.id === 'string' ? p.id : `partner-${i}`,
      role: p.role === 'lead' ? 'lead' : 'partner',
      status: 'accepted',
      facts: {
        ...base,
        otherApplications: others ? others.filter((r) => r !== reference) : base.otherApplications,
      },
      part: part.success ? part.data : partnerPart.parse({}),
      partVersion: version,
      confirmedVersion: version,
    }
  })
  const challengeId = typeof application.challengeId === 'string' ? application.challengeId : null
  return {
    config: ctx.config,
    challengeId,
    challengeTrl: challengeId === null ? null : (ctx.challengeTrl.get(challengeId) ?? null),
    challengeIds: ctx.challengeIds,
    answers,
    partners,
  }
}
