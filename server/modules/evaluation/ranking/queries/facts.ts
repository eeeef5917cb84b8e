import type { Queryable } from '../../../../platform/db/client.ts'

/** One consortium member as the submitted revision holds it (the lead and the partners that had accepted). */
export interface ApplicationMember {
  organisationId: string | null
  name: string
  country: string | null
  /** SME status computed at submission (`facts.smeStatus`), else the category the partner declared. */
  sme: boolean
  requestedCents: number
}

/**
 * What ranking, selection and decisions need to know about an application, read from its SUBMITTED
 * revision (what the experts scored), never from the working copy.
 */
export interface ApplicationFacts {
  applicationId: string
  reference: string
  acronym: string
  title: string
  leadOrganisationId: string
  challengeId: string | null
  challengeCode: string | null
  domainCode: string | null
  revision: number
  /** When the submitted revision was submitted (ISO 8601). */
  submittedAt: string
  /** Sum of the counted partners' requestedCents in the submitted revision. */
  requestedCents: number
  members: ApplicationMember[]
  /** Distinct member countries, sorted. */
  countries: string[]
  smeCount: number
}

interface RevisionContent {
  application?: {
    acronym?: string
    title?: string
    leadOrganisationId?: string
    challengeId?: string | null
  }
  partners?: {
    role?: string
    organisationId?: string | null
    facts?: { legalName?: string | null; country?: string | null; smeStatus?: string | null }
    part?: { budget?: { requestedCents?: number }; smeDeclaration?: { category?: string | null } }
  }[]
}

const SME = new Set(['micro', 'small', 'medium'])

/** Members of a revision's content, in consortium order. Exported for unit tests. */
export function membersOf(content: RevisionContent): ApplicationMember[] {
  return (content.partners ?? []).map((p) => {
    const sme = p.facts?.smeStatus ?? p.part?.smeDeclaration?.category ?? null
    const cents = Number(p.part?.budget?.requestedCents ?? 0)
    return {
      organisationId: p.organisationId ?? null,
      name: p.facts?.legalName ?? '',
      country: p.facts?.country ?? null,
      sme: sme !== null && SME.has(sme),
      requestedCents: Number.isFinite(cents) ? cents : 0,
    }
  })
}

/**
 * The call's submitted applications declared admissible, each as its submitted revision holds it
 * (consortium, SME status at submission, requested support, challenge), ordered by reference.
 */
export async function applicationFacts(db: Queryable, callId: string): Promise<ApplicationFacts[]> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('application_revisions as r', (j) =>
      j.onRef('r.application_id', '=', 'a.id').onRef('r.revision', '=', 'a.submitted_revision'),
    )
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'submitted')
    .where('a.admissibility', '=', 'admissible')
    .select([
      'a.id',
      'a.reference',
      'a.acronym',
      'a.title',
      'a.lead_organisation_id',
      'a.challenge_id',
      'r.revision',
      'r.submitted_at',
      'r.content',
    ])
    .orderBy('a.reference')
    .execute()
  const challengeIds = new Set<string>()
  const contents = rows.map((r) => {
    const content = (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as RevisionContent
    const challengeId =
      content.application && 'challengeId' in content.application
        ? (content.application.challengeId ?? null)
        : r.challenge_id
    if (challengeId) challengeIds.add(challengeId)
    return { content, challengeId }
  })
  const challenges = challengeIds.size
    ? await db
        .selectFrom('challenges as c')
        .innerJoin('domains as d', 'd.id', 'c.domain_id')
        .where('c.id', 'in', [...challengeIds])
        .select(['c.id', 'c.code', 'd.code as domain_code'])
        .execute()
    : []
  const byId = new Map(challenges.map((c) => [c.id, c]))
  return rows.map((r, i) => {
    const { content, challengeId } = contents[i]!
    const members = membersOf(content)
    const ch = challengeId ? byId.get(challengeId) : undefined
    return {
      applicationId: r.id,
      reference: r.reference,
      acronym: content.application?.acronym ?? r.acronym,
      title: content.application?.title ?? r.title,
      leadOrganisationId: content.application?.leadOrganisationId ?? r.lead_organisation_id,
      challengeId,
      challengeCode: ch?.code ?? null,
      domainCode: ch?.domain_code ?? null,
      revision: r.revision,
      submittedAt: new Date(r.submitted_at).toISOString(),
      requestedCents: members.reduce((s, m) => s + m.requestedCents, 0),
      members,
      countries: [...new Set(members.map((m) => m.country).filter((c): c is string => !!c))].sort(),
      smeCount: members.filter((m) => m.sme).length,
    }
  })
}
