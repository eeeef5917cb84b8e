import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Locale, locales } from '../../../shared/contracts/common.ts'
import { featureNamespaces } from '../../../shared/i18n/index.ts'

type Tree = { [k: string]: string | Tree }
const cache = new Map<Locale, Tree>()

function load(locale: Locale): Tree {
  let tree = cache.get(locale)
  if (!tree) {
    const file = fileURLToPath(new URL(`../../../shared/i18n/locales/${locale}.json`, import.meta.url))
    tree = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Tree) : {}
    // Feature files (shared/i18n/index.ts says which): one top-level namespace each.
    for (const ns of featureNamespaces) {
      const nsFile = fileURLToPath(new URL(`../../../shared/i18n/locales/${ns}/${locale}.json`, import.meta.url))
      if (existsSync(nsFile)) tree[ns] = JSON.parse(readFileSync(nsFile, 'utf8')) as Tree
    }
    cache.set(locale, tree)
  }
  return tree
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

export function asLocale(value: unknown): Locale {
  return (locales as readonly string[]).includes(String(value)) ? (value as Locale) : 'en'
}

/** Server-side translation (mail, server-rendered pages), from the same files the UI uses. */
export function translate(locale: Locale, key: string, vars: Record<string, string> = {}): string {
  const text = lookup(load(locale), key) ?? lookup(load('en'), key) ?? key
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? '')
}
