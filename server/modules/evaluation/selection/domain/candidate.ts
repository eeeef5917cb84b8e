import type { ApplicationFacts } from '../../ranking/queries/facts.ts'
import type { SelectionCandidate } from './model.ts'

/**
 * An application as the selection sees it, from the facts of its submitted revision: what it requests
 * (in total and per member), its challenge and domain (for quotas) and its lead's country (for the
 * geographic balance). `rank` null: not ranked.
 */
export function selectionCandidate(
  f: ApplicationFacts,
  rank: number | null,
  outReasons: Record<string, unknown>[] = [],
): SelectionCandidate {
  const lead = f.members.find((m) => m.organisationId === f.leadOrganisationId) ?? null
  return {
    applicationId: f.applicationId,
    rank,
    requestedCents: f.requestedCents,
    challengeKey: f.challengeCode,
    domainKey: f.domainCode,
    leadCountry: lead?.country ?? null,
    members: f.members.map((m) => ({
      organisationId: m.organisationId,
      name: m.name,
      requestedCents: m.requestedCents,
    })),
    outReasons,
  }
}
