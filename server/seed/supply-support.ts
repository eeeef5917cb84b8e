/** Shared pieces of the supply seed: the system context, stable ids, tag references and money units. */
import { systemActor } from '../platform/authz/actor.ts'
import { systemClock } from '../platform/clock.ts'
import { seedId } from './ids.ts'
import type { TagRef } from './supply-data/index.ts'
import { termId } from './taxonomies/index.ts'

export const ctx = { actor: systemActor, requestId: null, clock: systemClock }
const taxonomies: Record<string, string> = { jrc: 'jrc-cybersecurity', nis: 'nis-sectors', enisa: 'enisa-threats' }

export const organisationIdOf = (key: string) =>
  key === 'demo-sme' ? seedId('organisation:demo-sme') : seedId(`organisation:supply:${key}`)
export const solutionIdOf = (key: string) => seedId(`solution:supply:${key}`)

/** `jrc:T05` → the term's id. */
export function tagId(ref: TagRef): string {
  const i = ref.indexOf(':')
  const taxonomy = taxonomies[ref.slice(0, i)]
  if (!taxonomy) throw new Error(`Unknown taxonomy prefix in ${ref}`)
  return termId(taxonomy, ref.slice(i + 1))
}

export const cents = (thousands: number) => Math.round(thousands * 1000 * 100)
export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
