import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Locale } from '../../../shared/contracts/common.ts'
import type { Programme } from '../../../shared/contracts/programmes.ts'
import { isLocale, localeFromAcceptLanguage, locales } from '../../../shared/i18n/index.ts'
import type { HydrationData, PublicHead, PublicPage, PublicPageProps } from '../../../web/public/pages.ts'

/**
 * Server-side rendering of the public pages (programme home now; calls, challenges, catalogue, showcase
 * later). The React components are compiled by `vite build --ssr` into dist/ssr/entry-server.js (Node's
 * type stripping cannot compile JSX); this module loads that bundle and the client build's manifest and
 * wraps the rendered body in a complete HTML document: <html lang>, title, description, canonical link,
 * Open Graph tags, the page's CSS, its hydration script, and the props as JSON that cannot break out of
 * the document (`<` is escaped).
 *
 *   const renderer = await createRenderer({ root: process.cwd() })
 *   const html = await renderer.renderPage('programme-home', { programme }, 'fr', 'https://…/')
 *   reply.type('text/html; charset=utf-8').send(html)
 */

interface ServerEntry {
  render<P extends PublicPage>(
    page: P,
    props: PublicPageProps[P],
    locale: Locale,
  ): { html: string; head: PublicHead; data: HydrationData<P> }
}

interface ManifestChunk {
  file: string
  css?: string[]
  imports?: string[]
  isEntry?: boolean
}
type Manifest = Record<string, ManifestChunk>

export interface RendererOptions {
  /** The repository root (holds dist/ssr and dist/client). */
  root: string
  /** Reload the bundle and manifest when they change on disk (development with `vite build --watch`). */
  watch?: boolean
  /** Shown as og:site_name. */
  siteName?: string
}

/** The props a page accepts; the programme home also takes the bare `Programme` for convenience. */
export type RenderProps<P extends PublicPage> = P extends 'programme-home'
  ? PublicPageProps[P] | Programme
  : PublicPageProps[P]

export interface Renderer {
  /** A complete HTML document for one public page. `url` is the page's absolute URL (og:url, canonical). */
  renderPage<P extends PublicPage>(page: P, props: RenderProps<P>, locale: Locale, url?: string): Promise<string>
}

const clientEntry = 'public/entry-client.tsx'

export class RendererNotBuiltError extends Error {}

export async function createRenderer(options: RendererOptions): Promise<Renderer> {
  const entryPath = join(options.root, 'dist', 'ssr', 'entry-server.js')
  const manifestPath = join(options.root, 'dist', 'client', '.vite', 'manifest.json')
  const siteName = options.siteName ?? 'Cascade'

  let loadedAt = 0
  let entry: ServerEntry
  let assets: { css: string[]; js: string; preload: string[] }

  async function load() {
    let mtime: number
    try {
      mtime = Math.max((await stat(entryPath)).mtimeMs, (await stat(manifestPath)).mtimeMs)
    } catch {
      throw new RendererNotBuiltError(
        `The public pages are not built (${entryPath} or ${manifestPath} is missing): run \`npm run build\`.`,
      )
    }
    if (mtime === loadedAt) return
    entry = (await import(`${pathToFileURL(entryPath).href}?v=${mtime}`)) as ServerEntry
    assets = assetsOf(JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest)
    loadedAt = mtime
  }
  await load()

  return {
    async renderPage(page, props, locale, url) {
      if (options.watch) await load()
      const lang: Locale = isLocale(locale) ? locale : 'en'
      const normalised = (
        page === 'programme-home' && !('programme' in (props as object)) ? { programme: props } : props
      ) as PublicPageProps[typeof page]
      const { html, head, data } = entry.render(page, normalised, lang)
      return documentHtml({ html, head: { ...head, ...(url ? { ogUrl: url } : {}) }, data, lang, assets, siteName })
    },
  }
}

/** The CSS, script and preloads of the public entry, following its static imports. */
function assetsOf(manifest: Manifest) {
  const chunk = manifest[clientEntry]
  if (!chunk) throw new RendererNotBuiltError(`${clientEntry} is missing from the client manifest`)
  const css = new Set<string>()
  const preload = new Set<string>()
  const seen = new Set<string>()
  const walk = (key: string, isRoot: boolean) => {
    if (seen.has(key)) return
    seen.add(key)
    const c = manifest[key]
    if (!c) return
    for (const file of c.css ?? []) css.add(`/${file}`)
    if (!isRoot) preload.add(`/${c.file}`)
    for (const i of c.imports ?? []) walk(i, false)
  }
  walk(clientEntry, true)
  return { css: [...css], js: `/${chunk.file}`, preload: [...preload] }
}

const ogLocales: Record<Locale, string> = { en: 'en_GB', fr: 'fr_FR', nl: 'nl_NL' }

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** JSON that is safe inside a <script> element: no `<`, `>`, `&` or line separators survive literally. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
}

function withLang(url: string, l: Locale): string {
  try {
    const u = new URL(url)
    u.searchParams.set('lang', l)
    return u.href
  } catch {
    return `?lang=${l}`
  }
}

function documentHtml(input: {
  html: string
  head: PublicHead
  data: HydrationData
  lang: Locale
  assets: { css: string[]; js: string; preload: string[] }
  siteName: string
}): string {
  const { head, lang, assets } = input
  const e = escapeHtml
  const meta = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="color-scheme" content="light">`,
    `<title>${e(head.title)}</title>`,
    `<meta name="description" content="${e(head.description)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="${e(input.siteName)}">`,
    `<meta property="og:title" content="${e(head.ogTitle)}">`,
    `<meta property="og:description" content="${e(head.ogDescription)}">`,
    `<meta property="og:locale" content="${ogLocales[lang]}">`,
    ...locales.filter((l) => l !== lang).map((l) => `<meta property="og:locale:alternate" content="${ogLocales[l]}">`),
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${e(head.ogTitle)}">`,
    `<meta name="twitter:description" content="${e(head.ogDescription)}">`,
  ]
  if (head.ogUrl) {
    meta.push(`<meta property="og:url" content="${e(head.ogUrl)}">`)
    meta.push(`<link rel="canonical" href="${e(head.ogUrl)}">`)
    for (const l of locales) meta.push(`<link rel="alternate" hreflang="${l}" href="${e(withLang(head.ogUrl, l))}">`)
  }
  meta.push(
    `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%231f5cb3'/%3E%3Cpath d='M8 22l6-6-6-6M16 22h8' stroke='white' stroke-width='3' fill='none'/%3E%3C/svg%3E">`,
  )
  for (const href of assets.css) meta.push(`<link rel="stylesheet" href="${e(href)}">`)
  for (const href of assets.preload) meta.push(`<link rel="modulepreload" href="${e(href)}">`)
  meta.push(`<script type="module" src="${e(assets.js)}"></script>`)

  return `<!doctype html>
<html lang="${lang}" data-mantine-color-scheme="light">
<head>
${meta.join('\n')}
</head>
<body>
<div id="root">${input.html}</div>
<script type="application/json" id="cascade-props">${safeJson(input.data)}</script>
</body>
</html>
`
}

/**
 * The language of a public page: `?lang=` (the switcher's links, also work without JavaScript), then the
 * `cascade_lang` cookie (set by the app's switcher), then Accept-Language, then English.
 */
export function resolveLocale(input: {
  query?: string | null | undefined
  cookieHeader?: string | null | undefined
  acceptLanguage?: string | null | undefined
}): Locale {
  if (isLocale(input.query)) return input.query
  const cookie = input.cookieHeader?.match(/(?:^|;\s*)cascade_lang=([a-z]{2})/)?.[1]
  if (isLocale(cookie)) return cookie
  return localeFromAcceptLanguage(input.acceptLanguage) ?? 'en'
}
