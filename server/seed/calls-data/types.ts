/**
 * Demo applications to SecurIT's open calls. Every consortium, acronym, text and figure is invented
 * for the demonstration, from the demo organisations of `supply-data/` (and the demo accounts'
 * organisations); none of them is a real SecurIT project.
 */
import type { SeedCallCode } from './calls.ts'

export interface SeedApplication {
  /** Stable key (ids and references derive from it). */
  key: string
  call: SeedCallCode
  /** Challenge code (`D1-C2`), in the call's scope. */
  challenge: string
  /**
   * The lead first, then the partners (keys keep their order): organisation key (supply-data, demo
   * account or extra organisation) → EUR thousands requested.
   */
  consortium: Record<string, number>
  trl: [number, number]
  months: number
  language: 'en' | 'fr'
  acronym: string
  title: string
  abstract: string
  output: 'prototype' | 'demonstrator'
  /** The end-user who validates it, if any (named in the form). */
  validator?: string
  /** Local submission times (Brussels): one per revision; none = left as a draft. */
  submitted: string[]
  /**
   * The readiness error that kept it a draft: the consortium broke a rule, and the submit gate
   * (`application_not_ready`) refuses such an application, as it would have refused it then.
   */
  blockedBy?: string
  /** Withdrawn at this local time (after its submissions). */
  withdrawn?: string
  /** What the demo shows with it (a rule it breaks…), for readers of the seed. */
  note?: string
}

/** An organisation of the demo applications that is not in the supply seed (established outside the eligible countries). */
export interface ExtraOrganisation {
  key: string
  legalName: string
  country: string
  type: 'sme'
  region: string
  founded: number
  headcount: number
  turnoverK: number
  balanceK: number
  description: string
}

export const a = (x: SeedApplication) => x
