import { renderToString } from 'react-dom/server'
import { callDetailPageProps, callListPageProps } from '../../shared/contracts/call-pages.ts'
import { solutionDetailPageProps, solutionListPageProps } from '../../shared/contracts/catalogue.ts'
import {
  challengeDetailPageProps,
  challengeListPageProps,
  domainIndexPageProps,
  domainPageProps,
  notFoundPageProps,
} from '../../shared/contracts/challenges.ts'
import { organisationProfilePageProps } from '../../shared/contracts/profiles.ts'
import { programme as programmeContract } from '../../shared/contracts/programmes.ts'
import { createI18n, isLocale, type Locale } from '../../shared/i18n/index.ts'
import { callHead } from '../features/calls-public/CallDetail.tsx'
import { callListHead } from '../features/calls-public/CallList.tsx'
import { challengeHead } from '../features/catalogue/ChallengeDetail.tsx'
import { catalogueHead } from '../features/catalogue/ChallengeList.tsx'
import { domainHead } from '../features/catalogue/DomainDetail.tsx'
import { domainIndexHead } from '../features/catalogue/DomainIndex.tsx'
import { notFoundHead } from '../features/catalogue/NotFound.tsx'
import { organisationProfileHead } from '../features/organisations/PublicProfile.tsx'
import { programmeHead } from '../features/programme/ProgrammeHome.tsx'
import { solutionHead } from '../features/solutions-catalogue/SolutionDetail.tsx'
import { solutionListHead } from '../features/solutions-catalogue/SolutionList.tsx'
import { PublicApp } from './PublicApp.tsx'
import type { HydrationData, PublicHead, PublicPage, PublicPageProps } from './pages.ts'

export type { HydrationData, PublicHead, PublicPage, PublicPageProps }

/**
 * Renders one public page to HTML (the body's #root content) and its head data. Built by
 * `vite build --ssr` to dist/ssr/entry-server.js; called by server/platform/ssr, which wraps it in the
 * document. Props are validated with their contract, so only contract fields reach the page.
 */
const instances = new Map<Locale, ReturnType<typeof createI18n>>()
/** One i18next instance per language, reused across requests (rendering never changes its language). */
function instanceFor(locale: Locale) {
  let instance = instances.get(locale)
  if (!instance) {
    instance = createI18n(locale)
    instances.set(locale, instance)
  }
  return instance
}

export function render<P extends PublicPage>(
  page: P,
  props: PublicPageProps[P],
  locale: Locale,
): { html: string; head: PublicHead; data: HydrationData<P> } {
  const lang: Locale = isLocale(locale) ? locale : 'en'
  const i18n = instanceFor(lang)
  switch (page) {
    case 'programme-home': {
      const programme = programmeContract.parse((props as PublicPageProps['programme-home']).programme)
      const data = { page, props: { programme }, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: programmeHead(programme, lang, i18n.t), data }
    }
    case 'challenge-list': {
      const safe = challengeListPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: catalogueHead(safe, i18n.t), data }
    }
    case 'challenge-detail': {
      const safe = challengeDetailPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: challengeHead(safe, i18n.t), data }
    }
    case 'domain-index': {
      const safe = domainIndexPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: domainIndexHead(safe, lang, i18n.t), data }
    }
    case 'domain-detail': {
      const safe = domainPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: domainHead(safe, lang, i18n.t), data }
    }
    case 'organisation-profile': {
      // Parsed with its contract: a field the contract does not name (a hidden identity) cannot reach the page.
      const safe = organisationProfilePageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: organisationProfileHead(safe, lang, i18n.t), data }
    }
    case 'solution-list': {
      const safe = solutionListPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: solutionListHead(safe, i18n.t), data }
    }
    case 'solution-detail': {
      // Parsed with its contract: only the catalogue's projection (owner as anyone may see it) reaches the page.
      const safe = solutionDetailPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: solutionHead(safe, i18n.t), data }
    }
    case 'call-list': {
      const safe = callListPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: callListHead(safe, i18n.t), data }
    }
    case 'call-detail': {
      // Parsed with its contract: the public projection of a call (no application form, no abilities).
      const safe = callDetailPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: callHead(safe, lang, i18n.t), data }
    }
    case 'not-found': {
      const safe = notFoundPageProps.parse(props)
      const data = { page, props: safe, locale: lang } as HydrationData<P>
      const html = renderToString(<PublicApp data={data as HydrationData} i18n={i18n} />)
      return { html, head: notFoundHead(safe, i18n.t), data }
    }
    default:
      throw new Error(`Unknown public page: ${String(page)}`)
  }
}
