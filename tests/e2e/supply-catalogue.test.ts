/**
 * The solution catalogue in Chromium: an anonymous visitor with JavaScript off searches /solutions with
 * a French query whose words are inflected unlike the texts, filters with the plain GET form, opens a
 * solution page (Open Graph tags, no hidden owner anywhere); the same on a phone; a member searches the
 * catalogue in the app and sees the members-only solution; a challenge page lists its solutions. Axe on
 * every page; screenshots kept in the e2e artefacts folder.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { catalogueOrg, catalogueSolution } from '../factories/catalogue.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage } from './pages/AuthPages.ts'
import { PageObject, visibleText } from './pages/base.ts'

const e2e = await startE2E()
const SHOTS = join(tmpdir(), 'cascade-e2e', 'supply-catalogue')
mkdirSync(SHOTS, { recursive: true })

// Three beacons: public, anonymous owner, members only — all in French.
const lumen = await catalogueOrg(e2e.db, {
  legalName: 'Lumen Évac SAS',
  shortName: 'Lumen Évac',
  country: 'FR',
  smeStatus: 'micro',
  website: 'https://lumen-evac.example',
})
const discreet = await catalogueOrg(e2e.db, {
  legalName: 'Ombre Discrète SARL',
  country: 'FR',
  visibility: 'anonymous',
  smeStatus: 'small',
  website: 'https://ombre-discrete.example',
})
const publicBeacon = await catalogueSolution(e2e.db, {
  organisationId: lumen.id,
  name: 'Balise lumineuse d’évacuation',
  pitch: 'Balise lumineuse qui guide l’évacuation des tunnels et des parkings souterrains',
  description: 'Chaque balise lumineuse indique la sortie la plus proche et clignote vers elle quand la fumée monte.',
  language: 'fr',
  type: 'hardware',
  trl: 6,
  targetTrl: 8,
  domains: ['D2'],
  challenges: ['D2-C3'],
})
const hiddenBeacon = await catalogueSolution(e2e.db, {
  organisationId: discreet.id,
  name: 'Balise lumineuse sans fil',
  pitch: 'Une balise lumineuse sans câble, posée en une minute dans un bâtiment en crise',
  description: 'La balise lumineuse se déclenche par radio depuis le poste de commandement.',
  language: 'fr',
  type: 'hardware',
  trl: 7,
  domains: ['D2'],
  challenges: ['D2-C3'],
})
const membersBeacon = await catalogueSolution(e2e.db, {
  organisationId: lumen.id,
  name: 'Balise lumineuse connectée (membres)',
  pitch: 'Une balise lumineuse reliée au système de gestion technique du bâtiment',
  language: 'fr',
  type: 'hardware',
  trl: 5,
  visibility: 'members',
})
const secrets = ['Ombre Discrète', 'ombre-discrete.example', membersBeacon.name]
const challenge = await e2e.db
  .selectFrom('challenges')
  .select(['slug', 'title'])
  .where('code', '=', 'D2-C3')
  .executeTakeFirstOrThrow()

/** A public catalogue page: its heading, results and a11y. */
class CataloguePage extends PageObject {
  async arrive(label: string, heading: string): Promise<this> {
    await this.arriveAt(label, heading)
    return this
  }
  results() {
    return this.page.getByRole('region', { name: /found|trouvées|gevonden/i }).getByRole('listitem')
  }
  async resultNames(): Promise<string[]> {
    return this.page
      .getByRole('region', { name: /found|trouvées|gevonden/i })
      .getByRole('heading', { level: 3 })
      .allInnerTexts()
  }
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()).catch(() => undefined)
  await page.screenshot({ path: join(SHOTS, name), fullPage: true, animations: 'disabled', caret: 'hide' })
}

/** axe on the server-rendered markup alone (no JavaScript runs there, and axe needs it: block the bundle instead). */
async function axeOnServerMarkup(url: string, label: string, width = 1280) {
  const { context, page } = await e2e.newPage({ width })
  try {
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    )
    await page.goto(url)
    await new CataloguePage(page).checkA11y(`${label}, server-rendered markup`)
  } finally {
    await context.close()
  }
}

test('an anonymous visitor without JavaScript searches in French, filters, opens a solution', async (t) => {
  let context: BrowserContext | undefined
  let page: Page | undefined
  const step = journey(t, () => ({ visitor: page }))

  await step(
    'the catalogue in French, searched with "balises lumineuses" and the type filter (plain GET form)',
    async () => {
      context = await e2e.browser.newContext({ baseURL: e2e.baseUrl, javaScriptEnabled: false, locale: 'fr-FR' })
      page = await context.newPage()
      const response = await page.goto('/solutions')
      assert.equal(response?.status(), 200)
      await page.getByRole('heading', { level: 1, name: 'Solutions' }).waitFor()
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr')
      await page.getByLabel('Rechercher des solutions').fill('balises lumineuses')
      // The type filter shows how many solutions each type gives.
      const typeOptions = await page.getByLabel('Type', { exact: true }).locator('option').allInnerTexts()
      assert.ok(
        typeOptions.some((o) => /^Matériel \(\d+\)$/.test(o)),
        typeOptions.join(' | '),
      )
      await page.getByLabel('Type', { exact: true }).selectOption('hardware')
      await page.getByRole('button', { name: 'Rechercher' }).click()
      await page.waitForURL(/\/solutions\?.*q=balises\+lumineuses.*type=hardware/)
      const list = new CataloguePage(page)
      await page.getByRole('heading', { level: 2, name: 'Solutions trouvées : 2' }).waitFor()
      assert.deepEqual((await list.resultNames()).sort(), [publicBeacon.name, hiddenBeacon.name].sort())
      // The matched words are marked in the snippets; the owner of the anonymous one is not named.
      assert.ok((await page.locator('main mark').allInnerTexts()).some((m) => /balise lumineuse/i.test(m)))
      const main = await visibleText(page.getByRole('main'))
      assert.ok(main.includes(`Propriétaire non divulgué (${discreet.publicRef})`))
      assert.ok(main.includes('Lumen Évac'))
      assert.ok(main.includes('Dans la fenêtre TRL 5–8'))
      for (const s of secrets) assert.ok(!(await page.content()).includes(s), s)
      await shoot(page, 'catalogue-fr-no-js.png')
    },
  )

  await step('the solution page: shareable, with Open Graph tags', async () => {
    await page!.getByRole('link', { name: publicBeacon.name }).click()
    await page!.waitForURL(`**/solutions/${publicBeacon.reference}`)
    await page!.getByRole('heading', { level: 1, name: publicBeacon.name }).waitFor()
    assert.equal(await page!.locator('meta[property="og:title"]').getAttribute('content'), publicBeacon.name)
    assert.equal(
      await page!.locator('meta[property="og:url"]').getAttribute('content'),
      `${e2e.baseUrl}/solutions/${publicBeacon.reference}`,
    )
    const main = await visibleText(page!.getByRole('main'))
    assert.ok(main.includes('Lumen Évac'))
    assert.ok(main.includes('Défis auxquels elle répond'))
    await page!.getByRole('link', { name: new RegExp(`D2-C3 · ${challenge.title}`) }).waitFor()
    await shoot(page!, 'solution-fr-no-js.png')
  })

  await step('the anonymous owner’s solution page names no one, in the page or its tags', async () => {
    await page!.goto(`/solutions/${hiddenBeacon.reference}`)
    await page!.getByRole('heading', { level: 1, name: hiddenBeacon.name }).waitFor()
    const html = await page!.content()
    for (const s of secrets) assert.ok(!html.includes(s), s)
    const og = await page!
      .locator('meta[property^="og:"], meta[name="description"]')
      .evaluateAll((ms) => ms.map((m) => m.getAttribute('content') ?? ''))
    assert.ok(og.length > 4 && og.every((c) => !c.includes('Ombre')))
    assert.equal((await page!.goto(`/solutions/${membersBeacon.reference}`))?.status(), 404)
    await context!.close()
  })

  await step('axe: the catalogue, its results and both solution pages (server markup, then hydrated)', async () => {
    const searchUrl = '/solutions?q=balises+lumineuses&type=hardware&lang=fr'
    await axeOnServerMarkup(searchUrl, 'catalogue results (fr)')
    await axeOnServerMarkup(`/solutions/${publicBeacon.reference}?lang=fr`, 'solution page (fr)')
    const { context: c, page: p } = await e2e.newPage({ width: 1280, locale: 'fr-FR' })
    try {
      await p.goto(searchUrl)
      await new CataloguePage(p).arrive('catalogue results (fr), hydrated', 'Solutions')
      await p.goto(`/solutions/${hiddenBeacon.reference}`)
      await new CataloguePage(p).arrive('anonymous owner’s solution page, hydrated', hiddenBeacon.name)
    } finally {
      await c.close()
    }
  })
})

test('on a phone (375 px): the catalogue and a solution page fit the screen; axe', async (t) => {
  let page: Page | undefined
  const step = journey(t, () => ({ phone: page }))
  await step('search, results and a solution at 375 px', async () => {
    page = (await e2e.newPage({ width: 375, locale: 'en-GB' })).page
    await page.goto('/solutions?q=balises+lumineuses')
    const list = await new CataloguePage(page).arrive('catalogue at 375 px', 'Solutions')
    assert.equal((await list.resultNames()).length, 2)
    assert.ok((await list.sidewaysOverflow()) <= 0)
    await shoot(page, 'catalogue-phone.png')
    await page.getByRole('link', { name: hiddenBeacon.name }).click()
    const solution = await new CataloguePage(page).arrive('solution page at 375 px', hiddenBeacon.name)
    assert.ok((await solution.sidewaysOverflow()) <= 0)
    await shoot(page, 'solution-phone.png')
  })
})

test('a member searches the catalogue in the app: members-only solutions too, the same rule for owners', async (t) => {
  let page: Page | undefined
  const step = journey(t, () => ({ member: page }))
  await step('sign in and open the solution catalogue from the navigation', async () => {
    page = (await e2e.newPage({ width: 1280, locale: 'en-GB' })).page
    await new SignInPage(page).goto()
    await new SignInPage(page).signIn('sme@securit.demo', DEMO_PASSWORD)
    await new DashboardPage(page).arrive()
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Solution catalogue' })
      .click()
    await page.waitForURL('**/app/catalogue')
    await page.getByRole('heading', { level: 1, name: 'Solution catalogue' }).waitFor()
  })
  await step('search "balises lumineuses": three results, the members-only one included; export offered', async () => {
    await page!.getByLabel('Search the solutions').fill('balises lumineuses')
    await page!.getByRole('button', { name: 'Search', exact: true }).click()
    await page!.waitForURL(/\/app\/catalogue\?.*q=/)
    await page!.getByRole('heading', { level: 2, name: 'Solutions found: 3' }).waitFor()
    const names = await page!
      .getByRole('region', { name: 'Solutions found: 3' })
      .getByRole('heading', { level: 3 })
      .allInnerTexts()
    assert.deepEqual(names.sort(), [publicBeacon.name, hiddenBeacon.name, membersBeacon.name].sort())
    const main = await visibleText(page!.getByRole('main'))
    assert.ok(!main.includes('Ombre Discrète'))
    assert.ok(main.includes(`Owner not disclosed (${discreet.publicRef})`))
    await page!.getByRole('button', { name: 'Export' }).waitFor()
    await new CataloguePage(page!).checkA11y('members’ catalogue with results')
    await shoot(page!, 'catalogue-app.png')
  })
})

test('a challenge page lists the solutions addressing it', async (t) => {
  let page: Page | undefined
  const step = journey(t, () => ({ visitor: page }))
  await step('"Solutions for this challenge" on D2-C3, then to a solution', async () => {
    page = (await e2e.newPage({ width: 1280, locale: 'en-GB' })).page
    await page.goto(`/challenges/${challenge.slug}`)
    const section = page.getByRole('region', { name: 'Solutions for this challenge' })
    await section.waitFor()
    const names = await section.getByRole('link', { name: /Balise/ }).allInnerTexts()
    assert.deepEqual(names.sort(), [publicBeacon.name, hiddenBeacon.name].sort())
    assert.ok(!(await page.content()).includes('Ombre Discrète'))
    await new CataloguePage(page).checkA11y('challenge page with its solutions')
    await shoot(page, 'challenge-solutions.png')
  })
})
