import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { createUser } from '../factories/users.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage } from './pages/AuthPages.ts'
import { settledScrollWidth } from './pages/base.ts'
import { DomainPage } from './pages/CataloguePages.ts'
import { OrganisationsPage } from './pages/OrganisationPages.ts'
import { homeTexts, ProgrammeHomePage } from './pages/ProgrammeHomePage.ts'
import { Shell } from './pages/Shell.ts'

const e2e = await startE2E()

const PROGRAMME_NAME = 'New industrial value chain for Safe, sECure and Resilient cIties and Territories'
const CLUSTERS = [
  'Safe Cluster',
  'Pôle SCS',
  'LSEC – Leaders in Security',
  'Lithuanian Cybercrime Center of Excellence for Training, Research and Education',
  'The Hague Security Delta',
  'Systematic Paris-Region',
  'CenSec – Center for Defence, Space and Security',
  'FundingBox',
]
const DOMAINS = {
  en: ['Sensitive infrastructure protection', 'Disaster resilience', 'Public spaces protection and major events'],
  fr: [
    'Protection des infrastructures sensibles',
    'Résilience face aux catastrophes',
    'Protection des espaces publics et des grands événements',
  ],
}
// SecurIT's two calls and the open demo call of the seed, sorted.
const CALLS = {
  en: ['Demo call — try Cascade', 'Open call 1', 'Open call 2'],
  fr: ['Appel de démonstration — essayez Cascade', 'Appel ouvert 1', 'Appel ouvert 2'],
}

/** Set SHOTS to a folder (e.g. docs/screenshots) to keep screenshots of the domain page. */
const shots = process.env.SHOTS
async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: `${shots}/${name}`, fullPage: true, animations: 'disabled', caret: 'hide' })
}

/** The page's width, scrolled sideways or not, once its layout has settled. */
const scrollWidth = settledScrollWidth

test('the public programme home shows SecurIT in English and in French, and without JavaScript', async (t) => {
  let page: Page | undefined
  const step = journey(t, () => ({ visitor: page }))

  await step('in English: the programme, its 8 clusters, 3 domains and 3 calls', async () => {
    page = (await e2e.newPage({ width: 1280 })).page
    const home = await new ProgrammeHomePage(page).goto()
    assert.equal(await page.title(), `SecurIT — ${PROGRAMME_NAME} · Cascade`)
    assert.equal(await home.main.getByText('SecurIT open calls', { exact: true }).count(), 1)
    assert.deepEqual(await home.clusterNames(), CLUSTERS)
    assert.deepEqual(await home.domainNames(), DOMAINS.en)
    assert.deepEqual((await home.callTitles()).sort(), CALLS.en)
  })

  await step('in French, through the language links of the page', async () => {
    await page!.getByRole('navigation', { name: 'Choose a language' }).getByRole('link', { name: 'Français' }).click()
    await page!.waitForURL('**/?lang=fr')
    const home = await new ProgrammeHomePage(page!, homeTexts.fr).arrive('programme home (fr, language link)')
    assert.equal(await page!.evaluate(() => document.documentElement.lang), 'fr')
    assert.equal(await home.main.getByText('Appels ouverts SecurIT', { exact: true }).count(), 1)
    assert.deepEqual(await home.clusterNames(), CLUSTERS)
    assert.deepEqual(await home.domainNames(), DOMAINS.fr)
    assert.deepEqual((await home.callTitles()).sort(), CALLS.fr)
  })

  await step('in French with ?lang=fr, for a new visitor', async () => {
    const fresh = (await e2e.newPage({ width: 1280 })).page
    const home = await new ProgrammeHomePage(fresh, homeTexts.fr).goto('?lang=fr', 'programme home (?lang=fr)')
    assert.deepEqual(await home.domainNames(), DOMAINS.fr)
    await fresh.context().close()
  })

  await step('without JavaScript, the server-rendered page has the same content', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.baseUrl, javaScriptEnabled: false, locale: 'en-GB' })
    try {
      const noJs = await context.newPage()
      const response = await noJs.goto('/')
      assert.equal(response?.status(), 200)
      const home = new ProgrammeHomePage(noJs)
      await home.heading(PROGRAMME_NAME).waitFor()
      assert.equal(await home.main.getByText('SecurIT open calls', { exact: true }).count(), 1)
      assert.deepEqual(await home.clusterNames(), CLUSTERS)
      assert.deepEqual(await home.domainNames(), DOMAINS.en)
      assert.deepEqual((await home.callTitles()).sort(), CALLS.en)
      assert.equal(
        await noJs.locator('meta[property="og:title"]').getAttribute('content'),
        `SecurIT — ${PROGRAMME_NAME}`,
      )
    } finally {
      await context.close()
    }
  })

  await step('the server-rendered markup alone (no client bundle) passes axe', async () => {
    // axe needs timers, which do not run with JavaScript disabled: block the bundle instead.
    const { context, page: ssrOnly } = await e2e.newPage({ width: 1280 })
    try {
      await context.route('**/*', (route) =>
        route.request().resourceType() === 'script' ? route.abort() : route.continue(),
      )
      const home = new ProgrammeHomePage(ssrOnly)
      await ssrOnly.goto('/')
      await home.heading(PROGRAMME_NAME).waitFor()
      assert.deepEqual(await home.clusterNames(), CLUSTERS)
      await home.checkA11y('programme home, server-rendered markup without the client bundle')
    } finally {
      await context.close()
    }
  })
})

const D2 = 'Disaster resilience'
const D2_CHALLENGES = [
  'Optimisation of disaster prediction and warning systems',
  'Continuous monitoring of forests for early wildfire detection',
]

test('a domain page on a phone: programme → domains → domain → challenge without JavaScript; axe', async (t) => {
  let page: Page | undefined
  const step = journey(t, () => ({ visitor: page }))

  await step('at 375 px with JavaScript off: from the programme home to a challenge by plain links', async () => {
    const context = await e2e.browser.newContext({
      baseURL: e2e.baseUrl,
      javaScriptEnabled: false,
      locale: 'en-GB',
      viewport: { width: 375, height: 800 },
    })
    try {
      page = await context.newPage()
      await page.goto('/')
      await page.getByRole('link', { name: D2, exact: true }).click()
      await page.waitForURL('**/domains/D2')
      const domain = new DomainPage(page)
      await domain.heading(D2).waitFor()
      assert.deepEqual(await domain.breadcrumbs(), ['SecurIT', 'Domains', `D2 · ${D2}`])
      const titles = await domain.challengeTitles()
      assert.equal(titles.length, 4)
      for (const title of D2_CHALLENGES) assert.ok(titles.includes(title), title)
      await domain.main.getByRole('link', { name: D2_CHALLENGES[0], exact: true }).click()
      await page.getByRole('heading', { level: 1, name: D2_CHALLENGES[0] }).waitFor()
      // And back up through the breadcrumbs.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Domains' }).click()
      await page.getByRole('heading', { level: 1, name: 'Domains' }).waitFor()
      await page.getByRole('link', { name: 'Public spaces protection and major events', exact: true }).click()
      await new DomainPage(page).heading('Public spaces protection and major events').waitFor()
    } finally {
      await context.close()
    }
  })

  await step('the server-rendered domain page alone (no client bundle) passes axe and fits 375 px', async () => {
    const { context, page: ssrOnly } = await e2e.newPage({ width: 375 })
    page = ssrOnly
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    )
    const domain = await new DomainPage(ssrOnly).visit('D2', D2, 'domain page at 375 px, server-rendered markup')
    assert.ok((await scrollWidth(ssrOnly)) <= 375, `scrollWidth ${await scrollWidth(ssrOnly)} > 375`)
    assert.equal((await domain.challengeTitles()).length, 4)
    await shot(ssrOnly, 'domain-page-mobile.png')
    await context.close()
  })

  await step('hydrated, in French and on a desktop, it still passes axe', async () => {
    const { page: desktop } = await e2e.newPage({ width: 1280 })
    page = desktop
    const hydration: string[] = []
    desktop.on('console', (m) => {
      if (/hydrat/i.test(m.text())) hydration.push(m.text())
    })
    const domain = await new DomainPage(desktop).visit(
      'D2',
      'Résilience face aux catastrophes',
      'domain page (fr)',
      '?lang=fr',
    )
    assert.equal(await desktop.evaluate(() => document.documentElement.lang), 'fr')
    assert.deepEqual(await domain.breadcrumbs(), ['SecurIT', 'Domaines', 'D2 · Résilience face aux catastrophes'])
    await new DomainPage(desktop).visit('D2', D2, 'domain page (en)')
    await shot(desktop, 'domain-page.png')
    assert.deepEqual(hydration, [], 'the server-rendered page hydrates without a mismatch')
    await desktop.goto('/domains')
    await desktop.getByRole('heading', { level: 1, name: 'Domains' }).waitFor()
    await domain.checkA11y('domains index')
    const missing = await desktop.goto('/domains/D9')
    assert.equal(missing?.status(), 404)
    await desktop.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    await domain.checkA11y('404 page')
  })
})

test('at 360 px: no horizontal scroll, navigation through the burger menu', async (t) => {
  const person = await createUser(e2e.db, e2e.programmeId, { name: 'Mia Novak' })
  let page: Page | undefined
  const step = journey(t, () => ({ person: page }))

  await step('the public home fits in 360 px', async () => {
    page = (await e2e.newPage({ width: 360 })).page
    await new ProgrammeHomePage(page).goto('', 'programme home at 360 px')
    assert.ok((await scrollWidth(page)) <= 360, `scrollWidth ${await scrollWidth(page)} > 360`)
  })

  await step('signed in, the navigation is behind the burger button', async () => {
    await new SignInPage(page!).goto()
    await new SignInPage(page!).signIn(person.email, person.password)
    await new DashboardPage(page!).arrive()
    const shell = new Shell(page!)
    assert.equal(await shell.navigationOnScreen(), false, 'the navigation starts closed')
    assert.ok((await scrollWidth(page!)) <= 360, `scrollWidth ${await scrollWidth(page!)} > 360`)
    await shell.openNavigation()
    assert.equal(await shell.navigationOnScreen(), true)
    // The links every signed-in person has, in order (other modules add theirs in between).
    const always = [
      'Dashboard',
      'Programme home',
      'My organisations',
      'Use cases',
      'Workshops',
      'Profile',
      'Security',
      'API tokens',
    ]
    const links = await shell.navLinks()
    assert.deepEqual(
      links.filter((l) => always.includes(l)),
      always,
      links.join(', '),
    )
    await new DashboardPage(page!).checkA11y('dashboard at 360 px, navigation open')
    assert.ok(
      (await scrollWidth(page!)) <= 360,
      `scrollWidth ${await scrollWidth(page!)} > 360 with the navigation open`,
    )
    await shell.navigate('My organisations')
    await page!.waitForURL('**/app/organisations')
    await new OrganisationsPage(page!).arrive()
    await shell.waitForNavigationClosed()
    assert.ok((await scrollWidth(page!)) <= 360, `scrollWidth ${await scrollWidth(page!)} > 360`)
  })
})

test('keyboard: the first Tab reaches "Skip to main content", and focus is visible', async (t) => {
  const person = await createUser(e2e.db, e2e.programmeId, { name: 'Jan Peeters' })
  let page: Page | undefined
  const step = journey(t, () => ({ person: page }))

  /** What has the focus, and whether it is shown: on screen, with an outline. */
  const focused = (p: Page) =>
    p.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el) return null
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return {
        text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
        id: el.id,
        onScreen: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight,
        outline: s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0,
      }
    })

  await step('on the public home', async () => {
    page = (await e2e.newPage()).page
    await new ProgrammeHomePage(page).goto('', 'programme home (keyboard)')
    await page.keyboard.press('Tab')
    const skip = await focused(page)
    assert.equal(skip?.text, 'Skip to main content')
    assert.equal(skip?.onScreen, true, 'the skip link appears when focused')
    await page.keyboard.press('Enter')
    await page.waitForURL('**/#main-content')
    assert.equal((await focused(page))?.id, 'main-content')
  })

  await step('in the signed-in shell', async () => {
    await new SignInPage(page!).goto()
    await new SignInPage(page!).signIn(person.email, person.password)
    await new DashboardPage(page!).goto()
    await page!.keyboard.press('Tab')
    const skip = await focused(page!)
    assert.equal(skip?.text, 'Skip to main content')
    assert.equal(skip?.onScreen, true, 'the skip link appears when focused')
    await page!.keyboard.press('Tab')
    const next = await focused(page!)
    assert.equal(next?.onScreen, true)
    assert.equal(next?.outline, true, `the focused element "${next?.text}" shows an outline`)
    await new DashboardPage(page!).checkA11y('dashboard, keyboard focus on the header')
  })

  await step('at 360 px, with the navigation closed, Tab never moves the focus off screen', async () => {
    await page!.setViewportSize({ width: 360, height: 800 })
    await new DashboardPage(page!).goto()
    const seen: string[] = []
    // From the top of the page to the first control of the main content.
    for (let i = 0; i < 12; i++) {
      await page!.keyboard.press('Tab')
      const f = await focused(page!)
      if (!f) break
      seen.push(f.text)
      assert.equal(
        f.onScreen,
        true,
        `Tab ${i + 1} focused "${f.text}", which is off screen (after: ${seen.join(' → ')})`,
      )
      if (f.text === 'See all') break
    }
    assert.equal(seen.at(-1), 'See all', `the focus reached the main content: ${seen.join(' → ')}`)
  })
})
