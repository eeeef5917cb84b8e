import { createI18n, isLocale, type Locale, localeFromAcceptLanguage } from '../../shared/i18n/index.ts'

/**
 * The browser's language: the last choice (localStorage, mirrored in a cookie that the server reads to
 * render public pages in the same language), else the browser's preferences, else English.
 */
export const localeStorageKey = 'cascade.locale'
export const localeCookie = 'cascade_lang'

function stored(): Locale | null {
  try {
    const v = window.localStorage.getItem(localeStorageKey)
    if (isLocale(v)) return v
  } catch {
    // storage may be unavailable (private mode); fall through
  }
  const m = document.cookie.match(/(?:^|;\s*)cascade_lang=([a-z]{2})/)
  return m && isLocale(m[1]) ? m[1] : null
}

export function hasStoredLocale(): boolean {
  return stored() !== null
}

export function initialLocale(): Locale {
  return stored() ?? localeFromAcceptLanguage(navigator.languages.join(',')) ?? 'en'
}

export const i18n = createI18n(initialLocale())
document.documentElement.lang = i18n.language

/** Switches the interface language and remembers it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(localeStorageKey, locale)
  } catch {
    // ignore
  }
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie read by the server's public pages
  document.cookie = `${localeCookie}=${locale}; path=/; max-age=31536000; samesite=lax`
  document.documentElement.lang = locale
  await i18n.changeLanguage(locale)
}
