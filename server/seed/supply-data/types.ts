/**
 * Demo supply side of SecurIT: invented organisations (mostly security SMEs, a few integrators and
 * end-users) and their solutions for the programme's three domains, each with a completed TRL
 * self-assessment. Every name, figure and text here is made up by us for the demonstration and is
 * marked as demo (organisations' descriptions end with SUPPLY_DEMO_NOTE, solutions have `demo = true`,
 * web addresses are under .example). The texts of anonymous profiles and anonymous solutions never
 * name their organisation.
 */
import type { RelationKind } from '../../../shared/contracts/profiles.ts'
import type { SolutionType, TargetUserGroup } from '../../../shared/contracts/solutions.ts'

export const SUPPLY_DEMO_NOTE = 'Demo profile, invented for the SecurIT demonstration.'

/** A tag as `jrc:T05`, `nis:eu-nis-oes:energy` or `enisa:disaster:fire` (taxonomy prefix, then the term's code). */
export type TagRef = string

export interface SeedRelation {
  relation: RelationKind
  name: string
  country: string
  share: number
  headcount: number
  /** Thousands of euros. */
  turnoverK: number
  balanceK: number
}

export interface SeedOrganisation {
  key: string
  legalName: string
  shortName?: string
  country: string
  type:
    | 'sme'
    | 'large_company'
    | 'integrator'
    | 'public_authority'
    | 'infrastructure_operator'
    | 'research_organisation'
  region: string
  founded: number
  language: 'en' | 'fr' | 'nl' | 'de' | 'es' | 'it'
  visibility: 'public' | 'members' | 'anonymous'
  /** Annual work units. */
  headcount: number
  /** Thousands of euros, last closed financial year (2024). */
  turnoverK: number
  balanceK: number
  description: string
  relations?: SeedRelation[]
  expertise: TagRef[]
}

export interface SeedReview {
  /** E-mail of a demo account with a programme role. */
  by: string
  decision: 'confirmed' | 'adjusted'
  level?: number
  reason: string
}

export interface SeedSolution {
  key: string
  /** Key of a SeedOrganisation, or `demo-sme` for the demo SME account's organisation. */
  org: string
  name: string
  pitch: string
  type: SolutionType
  language: 'en' | 'fr' | 'nl' | 'de' | 'es' | 'it'
  visibility?: 'public' | 'members' | 'anonymous'
  /** The level the self-assessment reaches: "yes" to every criterion up to it, "no" at the next. */
  trl: number
  targetTrl: number
  ip: 'proprietary' | 'patented' | 'patent_pending' | 'open_source' | 'licensed' | 'other'
  domains: ('D1' | 'D2' | 'D3')[]
  challenges: string[]
  tags: TagRef[]
  description: string
  problem: string
  users: TargetUserGroup[]
  /** [client type, country, year, description] */
  references?: [string, string, number, string][]
  confidence: 1 | 2 | 3 | 4 | 5
  review?: SeedReview
}

export const o = (x: SeedOrganisation) => x
export const s = (x: SeedSolution) => x
