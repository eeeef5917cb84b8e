/**
 * The replacement of an expert who recused themself: the best affinity among the candidates (approved,
 * available, no conflict, not already on the panel — filtered by the caller) who are under their load
 * and keep the panel rules against the experts who remain on the application (every country of an expert
 * counts: none shared with a remaining member, none an applicant's country). Ties: by name, then id.
 */

export interface ReplacementCandidate {
  userId: string
  name: string
  kind: string
  countries: readonly string[]
  load: number
  maxLoad: number
  affinity: number
}

export interface PanelMember {
  kind: string
  countries: readonly string[]
}

export interface PanelRules {
  practitionerRequired: boolean
  onePerCountry: boolean
  excludeApplicantCountries: boolean
}

export function chooseReplacement<C extends ReplacementCandidate>(
  candidates: readonly C[],
  panel: readonly PanelMember[],
  applicantCountries: readonly string[],
  rules: PanelRules,
): C | null {
  const needPractitioner = rules.practitionerRequired && !panel.some((m) => m.kind === 'practitioner')
  const panelCountries = new Set(panel.flatMap((m) => m.countries.filter((c) => !!c)))
  const fits = (c: C) =>
    c.load < c.maxLoad &&
    (!needPractitioner || c.kind === 'practitioner') &&
    (!rules.onePerCountry || !c.countries.some((x) => panelCountries.has(x))) &&
    (!rules.excludeApplicantCountries || !c.countries.some((x) => applicantCountries.includes(x)))
  const sorted = candidates
    .filter(fits)
    .sort(
      (a, b) =>
        b.affinity - a.affinity ||
        a.name.localeCompare(b.name) ||
        (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    )
  return sorted[0] ?? null
}
