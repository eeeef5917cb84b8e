/**
 * Complementarity: what a consortium still needs under its call's rules, and the engine features that
 * favour the organisations bringing it — a country it lacks when the call asks for more countries, an
 * end-user or integrator when the call requires one, an SME when the rules need more SMEs — each with a
 * fact the explanation shows. Pure: the use case reads the rules and the consortium.
 */
import { endUserTypes } from '../../../../../shared/calls/rules.ts'
import type { ConsortiumRules } from '../../../../../shared/contracts/calls.ts'
import type { ConsortiumNeeds } from '../../../../../shared/contracts/recommendations.ts'
import type { Feature } from '../../engine/index.ts'
import type { OrganisationData } from '../store/documents.ts'

/** A counted member of the consortium (the lead and the partners that accepted). */
export interface Member {
  country: string | null
  type: string | null
  /** The SME category that counts (computed, else declared): micro, small, medium, not_sme or null. */
  smeCategory: string | null
}

const smeCategories = ['micro', 'small', 'medium']
/** How much each complementarity fact adds to a score (text relevance is 0–1). */
export const COMPLEMENT_WEIGHT = 0.35

export interface Needs extends Omit<ConsortiumNeeds, 'coveredWords'> {
  /** The countries the consortium already has. */
  haveCountries: string[]
}

export function needsOf(rules: ConsortiumRules, members: readonly Member[]): Needs {
  const haveCountries = [...new Set(members.flatMap((m) => (m.country ? [m.country] : [])))].sort()
  const smes = members.filter((m) => smeCategories.includes(m.smeCategory ?? '')).length
  const endUsers = members.filter((m) => endUserTypes.includes(m.type ?? '')).length
  return {
    countries:
      haveCountries.length < rules.minCountries ? { have: haveCountries.length, need: rules.minCountries } : null,
    smes: smes < rules.minSmes ? { have: smes, need: rules.minSmes } : null,
    endUser: rules.endUserRequired && endUsers === 0,
    eligibleCountries: [...rules.eligibleCountries],
    haveCountries,
  }
}

/** The engine features for what the consortium needs (none when it needs nothing of the kind). */
export function complementFeatures(needs: Needs): Feature<OrganisationData>[] {
  const out: Feature<OrganisationData>[] = []
  const { countries, smes } = needs
  if (countries) {
    const have = new Set(needs.haveCountries)
    out.push({
      name: 'country',
      weight: COMPLEMENT_WEIGHT,
      score: (doc) =>
        doc.country && !have.has(doc.country)
          ? {
              value: 1,
              fact: {
                code: 'adds_country',
                params: { country: doc.country, have: countries.have, need: countries.need },
              },
            }
          : null,
    })
  }
  if (needs.endUser) {
    out.push({
      name: 'end_user',
      weight: COMPLEMENT_WEIGHT,
      score: (doc) =>
        doc.type && endUserTypes.includes(doc.type)
          ? { value: 1, fact: { code: 'adds_end_user', params: { type: doc.type } } }
          : null,
    })
  }
  if (smes) {
    out.push({
      name: 'sme',
      weight: COMPLEMENT_WEIGHT,
      score: (doc) => {
        const status = doc.data?.smeStatus ?? null
        return status && smeCategories.includes(status)
          ? { value: 1, fact: { code: 'adds_sme', params: { status, have: smes.have, need: smes.need } } }
          : null
      },
    })
  }
  return out
}

/** TRL fit of a level against a window: a fact either way, a bonus only inside. */
export function trlFit(
  trl: number | null,
  window: { min: number; max: number } | null,
): { value: number; fact: { code: string; params: Record<string, number> } } | null {
  if (trl === null || window === null) return null
  const params = { trl, min: window.min, max: window.max }
  return trl >= window.min && trl <= window.max
    ? { value: 1, fact: { code: 'trl_fits', params } }
    : { value: 0, fact: { code: 'trl_outside', params } }
}

/**
 * The query that looks for what the consortium lacks: the words of the application whose terms the
 * members' profiles do not already have (`covered`), in their order. Returns the text and how many
 * words were left out.
 */
export function uncoveredText(
  words: readonly string[],
  termOf: (word: string) => string | null,
  covered: ReadonlySet<string>,
): { text: string; left: number } {
  const kept: string[] = []
  let left = 0
  for (const w of words) {
    const term = termOf(w)
    if (term !== null && covered.has(term)) left++
    else kept.push(w)
  }
  return { text: kept.join(' '), left }
}
