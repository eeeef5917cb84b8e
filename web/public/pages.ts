import type { CallDetailPageProps, CallListPageProps } from '../../shared/contracts/call-pages.ts'
import type { SolutionDetailPageProps, SolutionListPageProps } from '../../shared/contracts/catalogue.ts'
import type {
  ChallengeDetailPageProps,
  ChallengeListPageProps,
  DomainIndexPageProps,
  DomainPageProps,
  NotFoundPageProps,
} from '../../shared/contracts/challenges.ts'
import type { Locale } from '../../shared/contracts/common.ts'
import type { OrganisationProfilePageProps } from '../../shared/contracts/profiles.ts'
import type { Programme } from '../../shared/contracts/programmes.ts'

/** Every server-rendered public page and its props. Later issues add calls, challenges, catalogue, showcase. */
export interface PublicPageProps {
  'programme-home': { programme: Programme }
  'challenge-list': ChallengeListPageProps
  'challenge-detail': ChallengeDetailPageProps
  'domain-index': DomainIndexPageProps
  'domain-detail': DomainPageProps
  'not-found': NotFoundPageProps
  'organisation-profile': OrganisationProfilePageProps
  'solution-list': SolutionListPageProps
  'solution-detail': SolutionDetailPageProps
  'call-list': CallListPageProps
  'call-detail': CallDetailPageProps
}
export type PublicPage = keyof PublicPageProps

export interface PublicHead {
  title: string
  description: string
  ogTitle: string
  ogDescription: string
  ogUrl?: string
}

/** What the server embeds in the page for hydration (`window.__CASCADE_PROPS__`). */
export interface HydrationData<P extends PublicPage = PublicPage> {
  page: P
  props: PublicPageProps[P]
  locale: Locale
}

declare global {
  interface Window {
    __CASCADE_PROPS__?: HydrationData
  }
}
