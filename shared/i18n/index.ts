import i18next, { type i18n as I18n, type TFunction } from 'i18next'
import { type Locale, locales } from '../contracts/common.ts'
import applicationsEn from './locales/applications/en.json' with { type: 'json' }
import applicationsFr from './locales/applications/fr.json' with { type: 'json' }
import applicationsNl from './locales/applications/nl.json' with { type: 'json' }
import assignEn from './locales/assign/en.json' with { type: 'json' }
import assignFr from './locales/assign/fr.json' with { type: 'json' }
import assignNl from './locales/assign/nl.json' with { type: 'json' }
import brokerageEn from './locales/brokerage/en.json' with { type: 'json' }
import brokerageFr from './locales/brokerage/fr.json' with { type: 'json' }
import brokerageNl from './locales/brokerage/nl.json' with { type: 'json' }
import callsEn from './locales/calls/en.json' with { type: 'json' }
import callsFr from './locales/calls/fr.json' with { type: 'json' }
import callsNl from './locales/calls/nl.json' with { type: 'json' }
import consensusEn from './locales/consensus/en.json' with { type: 'json' }
import consensusFr from './locales/consensus/fr.json' with { type: 'json' }
import consensusNl from './locales/consensus/nl.json' with { type: 'json' }
import consortiaEn from './locales/consortia/en.json' with { type: 'json' }
import consortiaFr from './locales/consortia/fr.json' with { type: 'json' }
import consortiaNl from './locales/consortia/nl.json' with { type: 'json' }
import decisionsEn from './locales/decisions/en.json' with { type: 'json' }
import decisionsFr from './locales/decisions/fr.json' with { type: 'json' }
import decisionsNl from './locales/decisions/nl.json' with { type: 'json' }
import enBase from './locales/en.json' with { type: 'json' }
import evaluationEn from './locales/evaluation/en.json' with { type: 'json' }
import evaluationFr from './locales/evaluation/fr.json' with { type: 'json' }
import evaluationNl from './locales/evaluation/nl.json' with { type: 'json' }
import expertsEn from './locales/experts/en.json' with { type: 'json' }
import expertsFr from './locales/experts/fr.json' with { type: 'json' }
import expertsNl from './locales/experts/nl.json' with { type: 'json' }
import frBase from './locales/fr.json' with { type: 'json' }
import nlBase from './locales/nl.json' with { type: 'json' }
import partneringEn from './locales/partnering/en.json' with { type: 'json' }
import partneringFr from './locales/partnering/fr.json' with { type: 'json' }
import partneringNl from './locales/partnering/nl.json' with { type: 'json' }
import rankingEn from './locales/ranking/en.json' with { type: 'json' }
import rankingFr from './locales/ranking/fr.json' with { type: 'json' }
import rankingNl from './locales/ranking/nl.json' with { type: 'json' }
import recommendEn from './locales/recommend/en.json' with { type: 'json' }
import recommendFr from './locales/recommend/fr.json' with { type: 'json' }
import recommendNl from './locales/recommend/nl.json' with { type: 'json' }
import screeningEn from './locales/screening/en.json' with { type: 'json' }
import screeningFr from './locales/screening/fr.json' with { type: 'json' }
import screeningNl from './locales/screening/nl.json' with { type: 'json' }
import selectionEn from './locales/selection/en.json' with { type: 'json' }
import selectionFr from './locales/selection/fr.json' with { type: 'json' }
import selectionNl from './locales/selection/nl.json' with { type: 'json' }

/**
 * Larger features keep their texts in their own files (`locales/<feature>/<lang>.json`), each one
 * top-level namespace of keys: `calls.*`, `applications.*`, `screening.*`, `partnering.*`, `recommend.*`, `consortia.*`, `brokerage.*`, `experts.*`, and the evaluation's `evaluation.*`, `assign.*`, `consensus.*`, `ranking.*`, `selection.*`, `decisions.*`. They are merged here, so
 * the browser, the server and the tests see one tree per language.
 */
export const featureNamespaces = [
  'calls',
  'applications',
  'screening',
  'partnering',
  'recommend',
  'consortia',
  'brokerage',
  'experts',
  'evaluation',
  'assign',
  'consensus',
  'ranking',
  'selection',
  'decisions',
] as const
const en = {
  ...enBase,
  calls: callsEn,
  applications: applicationsEn,
  screening: screeningEn,
  partnering: partneringEn,
  recommend: recommendEn,
  consortia: consortiaEn,
  brokerage: brokerageEn,
  experts: expertsEn,
  evaluation: evaluationEn,
  assign: assignEn,
  consensus: consensusEn,
  ranking: rankingEn,
  selection: selectionEn,
  decisions: decisionsEn,
}
const fr = {
  ...frBase,
  calls: callsFr,
  applications: applicationsFr,
  screening: screeningFr,
  partnering: partneringFr,
  recommend: recommendFr,
  consortia: consortiaFr,
  brokerage: brokerageFr,
  experts: expertsFr,
  evaluation: evaluationFr,
  assign: assignFr,
  consensus: consensusFr,
  ranking: rankingFr,
  selection: selectionFr,
  decisions: decisionsFr,
}
const nl = {
  ...nlBase,
  calls: callsNl,
  applications: applicationsNl,
  screening: screeningNl,
  partnering: partneringNl,
  recommend: recommendNl,
  consortia: consortiaNl,
  brokerage: brokerageNl,
  experts: expertsNl,
  evaluation: evaluationNl,
  assign: assignNl,
  consensus: consensusNl,
  ranking: rankingNl,
  selection: selectionNl,
  decisions: decisionsNl,
}

/**
 * Cascade's translations: one namespace (`translation`), nested keys (`auth.signIn.title`), bundled into the
 * code (no HTTP back end), so the same instance works in the browser, in server-side rendering and in the
 * server's mail templates. Interpolation does not HTML-escape: React escapes on render; a server that puts
 * translated text into HTML must escape it itself.
 */
export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  nl: { translation: nl },
} as const

export const defaultLocale: Locale = 'en'
export type { I18n, Locale, TFunction }
export { locales }

/** The native names shown by the language switcher (never translated). */
export const localeNames: Record<Locale, string> = { en: 'English', fr: 'Français', nl: 'Nederlands' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** Picks the first supported language of an Accept-Language header (`fr-BE,fr;q=0.9,en;q=0.8`). */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    const base = tag.split('-')[0]
    if (isLocale(base)) return base
  }
  return null
}

/** A fresh, initialised i18next instance for one locale (falls back to English for a missing key). */
export function createI18n(locale: Locale = defaultLocale): I18n {
  const instance = i18next.createInstance()
  instance.init({
    resources,
    lng: isLocale(locale) ? locale : defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    defaultNS: 'translation',
    ns: ['translation'],
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  })
  return instance
}

const translators = new Map<Locale, TFunction>()

/** Translates outside React (server mail, SSR head); one shared instance per locale. */
export function translator(locale: Locale): TFunction {
  const lang = isLocale(locale) ? locale : defaultLocale
  let t = translators.get(lang)
  if (!t) {
    t = createI18n(lang).t
    translators.set(lang, t)
  }
  return t
}
