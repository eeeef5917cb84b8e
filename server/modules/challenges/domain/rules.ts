import {
  type ChallengeContent,
  type ChallengeStatus,
  challengeCodePattern,
} from '../../../../shared/contracts/challenges.ts'

/** A URL slug from a title: lower case, accents dropped, words joined by hyphens, at most 80 characters. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w
    if (next.length > 80) break
    slug = next
  }
  if (slug === 'manage') return 'manage-challenge' // reserved: the operators' list lives at /challenges/manage
  return slug || 'challenge'
}

/** `D1-C3` belongs to domain `D1`. */
export function codeFitsDomain(code: string, domainCode: string): boolean {
  return challengeCodePattern.test(code) && code.startsWith(`${domainCode}-C`)
}

/** The expected technology readiness levels, in and out: both 1–9 and in order. */
export function isTrlRange(min: number, max: number): boolean {
  return Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max <= 9 && min <= max
}

/** The PostgreSQL text-search configuration of a challenge's language. */
export const searchConfigs = { en: 'english', fr: 'french', nl: 'dutch' } as const
export type SearchConfig = (typeof searchConfigs)[keyof typeof searchConfigs]
export function searchConfigOf(language: string): SearchConfig {
  return searchConfigs[language as keyof typeof searchConfigs] ?? 'english'
}

/** The searchable text of a challenge's content, in reading order. */
export function contentText(content: ChallengeContent): string {
  const o = content.endUserOffers
  return [content.problem, content.expectedOutcome, ...content.requirements, o.testBed, o.data, o.validation]
    .filter(Boolean)
    .join('\n')
}

/** Publication as data: which status each action leads from and to. */
export const publication = {
  publish: { from: ['draft', 'unpublished'], to: 'published' },
  unpublish: { from: ['published'], to: 'unpublished' },
} as const satisfies Record<string, { from: readonly ChallengeStatus[]; to: ChallengeStatus }>
export type PublicationAction = keyof typeof publication

export function canApply(action: PublicationAction, status: ChallengeStatus): boolean {
  return (publication[action].from as readonly ChallengeStatus[]).includes(status)
}
