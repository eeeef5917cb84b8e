import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { capabilities, organisationRoles, programmeRoles, roles, tokenScopes } from '../authz.ts'
import { locales } from '../contracts/common.ts'
import { invitationStatus, organisationTypes } from '../contracts/organisations.ts'
import { clusterRoles } from '../contracts/programmes.ts'
import { denialReasons, errorCodes } from '../errors.ts'
import { createI18n, localeFromAcceptLanguage, resources } from './index.ts'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const flat = Object.fromEntries(locales.map((l) => [l, flatten(resources[l].translation as Tree)])) as Record<
  (typeof locales)[number],
  Map<string, string>
>
const en = flat.en
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('translations', () => {
  it('have exactly the same keys in every language', () => {
    for (const l of locales) {
      const keys = [...flat[l].keys()]
      const missing = [...en.keys()].filter((k) => !flat[l].has(k))
      const extra = keys.filter((k) => !en.has(k))
      assert.deepEqual({ locale: l, missing, extra }, { locale: l, missing: [], extra: [] })
    }
  })

  it('have no empty values', () => {
    for (const l of locales) {
      const empty = [...flat[l]].filter(([, v]) => v.trim() === '').map(([k]) => k)
      assert.deepEqual({ locale: l, empty }, { locale: l, empty: [] })
    }
  })

  it('use the same interpolation variables as English', () => {
    for (const l of locales) {
      const differ = [...en].filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(flat[l].get(k) ?? '')))
      assert.deepEqual({ locale: l, differ: differ.map(([k]) => k) }, { locale: l, differ: [] })
    }
  })

  it('are really translated (French and Dutch are not English copies)', () => {
    for (const l of ['fr', 'nl'] as const) {
      const long = [...en].filter(([, v]) => v.length > 25)
      const same = long.filter(([k, v]) => flat[l].get(k) === v).map(([k]) => k)
      assert.ok(
        same.length <= long.length * 0.02,
        `${l}: ${same.length} long texts are identical to English: ${same.join(', ')}`,
      )
    }
  })

  it('name every error code, denial reason and capability', () => {
    const required = [
      ...Object.keys(errorCodes).map((c) => `errors.${c}`),
      ...denialReasons.map((r) => `reasons.${r}`),
      ...capabilities.map((c) => `capabilities.${c}`),
      ...programmeRoles.map((r) => `roles.programme.${r}`),
      ...organisationRoles.map((r) => `roles.organisation.${r}`),
      ...roles.map((r) => `roles.matrix.${r}`),
      ...organisationTypes.map((t) => `organisationTypes.${t}`),
      ...clusterRoles.map((r) => `clusterRoles.${r}`),
      ...invitationStatus.options.map((s) => `invitationStatus.${s}`),
      ...tokenScopes.map((s) => `tokenScopes.${s.replace(':', '_')}`),
      ...['verify', 'reset', 'changeEmail', 'invitation'].flatMap((m) => [`email.${m}.subject`, `email.${m}.body`]),
    ]
    assert.deepEqual(
      required.filter((k) => !en.has(k)),
      [],
    )
  })

  it('give the e-mails the variables the server fills in', () => {
    for (const l of locales) {
      const t = flat[l]
      for (const m of ['verify', 'reset', 'changeEmail', 'invitation'])
        assert.ok(vars(t.get(`email.${m}.body`) ?? '').includes('url'), `${l} email.${m}.body has {{url}}`)
      assert.deepEqual(vars(t.get('email.invitation.body') ?? ''), ['name', 'organisation', 'role', 'url'].sort())
    }
  })

  it('cover every key the web client asks for', () => {
    const used = new Set<string>()
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.tsx?$/.test(name)) {
          const src = readFileSync(path, 'utf8')
          for (const m of src.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1] as string)
          for (const m of src.matchAll(/label: '([a-z]+\.[a-zA-Z.]+)'/g)) used.add(m[1] as string)
        }
      }
    }
    walk(join(import.meta.dirname, '..', '..', 'web'))
    assert.ok(used.size > 100)
    assert.deepEqual(
      [...used].filter((k) => !en.has(k)),
      [],
    )
  })
})

describe('createI18n', () => {
  it('translates in the requested language and falls back to English', () => {
    const fr = createI18n('fr')
    assert.equal(fr.language, 'fr')
    assert.equal(fr.t('roles.organisation.owner'), flat.fr.get('roles.organisation.owner'))
    assert.equal(fr.t('email.verify.body', { name: 'Ada', url: 'https://x.test/v' }).includes('https://x.test/v'), true)
    assert.equal(createI18n('nl').t('callStatus.open'), flat.nl.get('callStatus.open'))
    assert.equal(createI18n('xx' as 'en').language, 'en')
  })

  it('reads Accept-Language', () => {
    assert.equal(localeFromAcceptLanguage('de-DE,nl-BE;q=0.8,fr;q=0.9'), 'fr')
    assert.equal(localeFromAcceptLanguage('nl-BE'), 'nl')
    assert.equal(localeFromAcceptLanguage('de'), null)
    assert.equal(localeFromAcceptLanguage(undefined), null)
  })
})

describe('translator', () => {
  it('reuses one instance per locale and translates mail texts', async () => {
    const { translator } = await import('./index.ts')
    assert.equal(translator('fr'), translator('fr'))
    const subject = translator('nl')('email.invitation.subject', { name: 'Ada', organisation: 'Acme' })
    assert.ok(subject.includes('Ada') && subject.includes('Acme'))
  })
})
