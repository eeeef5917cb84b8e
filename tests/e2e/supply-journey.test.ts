/**
 * The supply side end to end, as one new user (issue 4, item 8): an SME signs up and verifies its address,
 * registers its organisation, fills its applicant profile and is told why it is small, describes a solution
 * in French, completes the TRL self-assessment with evidence and publishes it; then an anonymous visitor
 * with JavaScript off finds that solution in the public catalogue with differently inflected French words
 * and opens its page. The other supply journeys test the details (errors, phone width); this one proves the
 * chain. Axe on every page.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage, SignUpPage, VerifiedPage } from './pages/AuthPages.ts'
import { PageObject, visibleText } from './pages/base.ts'
import { MailboxPage } from './pages/MailboxPage.ts'
import { NewOrganisationPage, type OrganisationPage } from './pages/OrganisationPages.ts'
import { SolutionDetailPage, SolutionFormPage, TrlWizardPage } from './pages/SolutionPages.ts'
import { ApplicantProfileSection } from './pages/SupplyProfilePages.ts'

const e2e = await startE2E()

/** A public, server-rendered page (no page object of its own needed here: only its heading and axe). */
class PublicPage extends PageObject {}

/** axe on the server-rendered markup alone: axe needs scripts, so the page's own bundle is blocked instead. */
async function axeOnServerMarkup(path: string, label: string): Promise<void> {
  const { context, page } = await e2e.newPage({ width: 1280, locale: 'fr-FR' })
  try {
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    )
    await page.goto(path)
    await new PublicPage(page).heading().waitFor()
    await new PublicPage(page).checkA11y(`${label}, server-rendered markup`)
  } finally {
    await context.close()
  }
}

test('a new SME signs up, qualifies as an SME, publishes a French solution with its TRL, and a visitor finds it', async (t) => {
  const person = { name: 'Camille Rousseau', email: 'camille.rousseau@example.test', password: 'the owls of the rhone' }
  const org = { legalName: 'Écoute Périmètre SAS', website: 'https://ecoute-perimetre.example' }
  const solution = {
    name: 'Détection acoustique de drones',
    pitch: 'Un détecteur acoustique couplé à une caméra thermique repère les drones au-dessus d’un site sensible.',
    description:
      'Chaque détecteur écoute la signature sonore des rotors ; la caméra thermique confirme la cible et suit le drone jusqu’à la sortie de la zone surveillée.',
  }
  let sme: Page | undefined
  let operator: Page | undefined
  let context: BrowserContext | undefined
  let visitor: Page | undefined
  const step = journey(t, () => ({ sme, operator, visitor }))

  await step('the SME signs up and verifies its address through the mailbox', async () => {
    sme = (await e2e.newPage()).page
    await new SignUpPage(sme).goto()
    await new SignUpPage(sme).signUp(person)
    operator = (await e2e.newPage()).page
    await new SignInPage(operator).goto()
    await new SignInPage(operator).signIn('operator@securit.demo', DEMO_PASSWORD)
    const message = await (await new MailboxPage(operator).goto()).openMessage(
      person.email,
      'Verify your e-mail address for Cascade',
    )
    await sme.goto(await message.linkHref('/api/auth/verify-email'))
    await new VerifiedPage(sme).arrive()
    await new VerifiedPage(sme).continueToDashboard()
    await new DashboardPage(sme).arrive()
  })

  let orgPage: OrganisationPage | undefined
  await step('it registers its organisation', async () => {
    await sme!.goto('/app/organisations/new')
    const form = await new NewOrganisationPage(sme!).arrive()
    await form.fill({ ...org, type: 'SME', country: 'France' })
    orgPage = await form.create()
    await orgPage.arriveProfile(org.legalName)
  })

  await step('its applicant profile computes "Small enterprise" and explains why', async () => {
    const profile = await new ApplicantProfileSection(sme!).goto(orgPage!.id, org.legalName)
    assert.equal(await visibleText(profile.smeTitle), 'SME status not determined yet')
    await profile.fillFigures({
      headcount: '18',
      turnover: '3400000',
      balanceSheet: '2100000',
      financialYear: '2024',
      foundedYear: '2019',
      region: 'Auvergne-Rhône-Alpes',
    })
    await profile.saveAndExpect('Small enterprise')
    const text = await profile.smeText()
    assert.ok(
      text.includes('Figures counted: 18 AWU, annual turnover €3,400,000, balance-sheet total €2,100,000.'),
      text,
    )
    assert.ok(text.includes('Micro enterprise not met: staff of 18 AWU is not below 10'), text)
    assert.ok(text.includes('Small enterprise met: staff of 18 AWU is below 50'), text)
    await profile.checkA11y('applicant profile, small enterprise')
  })

  let detail: SolutionDetailPage | undefined
  await step('it describes its solution in French, public, as a draft', async () => {
    await sme!.goto('/app/solutions/new')
    const form = await new SolutionFormPage(sme!).arrive()
    await form.textbox('Name').fill(solution.name)
    await form.textbox('One-line pitch').fill(solution.pitch)
    await form.choose(form.combobox('Type'), 'Hardware')
    await form.choose(form.combobox('Language of the text'), 'French')
    await form.area('Description').fill(solution.description)
    await form.pick('Domains', [/^D1 · /])
    await form.pick('Challenges addressed', [/^D1-C2 · /])
    await sme!.getByRole('radio', { name: 'Public', exact: true }).check()
    await form.checkA11y('solution form, filled in French')
    await form.save.click()
    detail = await new SolutionDetailPage(sme!).arrive(solution.name)
    await detail.main.getByText('Draft', { exact: true }).first().waitFor()
    assert.match(await detail.trlText(), /Not assessed yet/)
  })

  await step('the TRL self-assessment with evidence for every "yes" reaches TRL 5', async () => {
    await detail!.trlCard.getByRole('button', { name: 'Assess the TRL' }).click()
    const wizard = new TrlWizardPage(sme!)
    for (const level of [1, 2, 3, 4, 5]) {
      await wizard.arrive(level)
      await wizard.allYes(level)
      await wizard.button('Next level').click()
    }
    await wizard.arrive(6)
    const criteria = await wizard.criteria.count()
    for (let i = 0; i < criteria; i++) await wizard.no(i)
    await wizard.button('See the result').click()
    await wizard.arrive('result')
    assert.match(await visibleText(wizard.main), /Your answers reach TRL 5/)
    const confidence = wizard.main.getByRole('slider', { name: 'How confident are you in this result?' })
    await confidence.focus()
    await sme!.keyboard.press('ArrowRight')
    await wizard.main.getByText('4 · Well documented').first().waitFor()
    await wizard.checkA11y('TRL result with a confidence')
    await wizard.button('Complete the self-assessment').click()
    await detail!.arrive(solution.name)
    const card = await detail!.trlText()
    assert.match(card, /TRL 5/)
    assert.match(card, /Fits TRL 5–8/)
    assert.match(card, /Self-assessed TRL 5, confidence 4 of 5/)
    await detail!.history.getByRole('cell', { name: 'TRL 5' }).waitFor()
  })

  await step('it publishes the solution', async () => {
    await detail!.main.getByRole('button', { name: 'Publish', exact: true }).click()
    await detail!.dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await detail!.dialog.waitFor({ state: 'detached' })
    await detail!.main.getByText('Published', { exact: true }).first().waitFor()
    await detail!.checkA11y('published solution')
  })

  let searchUrl = ''
  let solutionPath = ''
  await step('an anonymous visitor without JavaScript finds it with "caméras thermiques détecteurs"', async () => {
    context = await e2e.browser.newContext({ baseURL: e2e.baseUrl, javaScriptEnabled: false, locale: 'fr-FR' })
    visitor = await context.newPage()
    assert.equal((await visitor.goto('/solutions'))?.status(), 200)
    await visitor.getByRole('heading', { level: 1, name: 'Solutions' }).waitFor()
    await visitor.getByLabel('Rechercher des solutions').fill('caméras thermiques détecteurs')
    await visitor.getByRole('button', { name: 'Rechercher' }).click()
    await visitor.waitForURL(/\/solutions\?.*q=cam%C3%A9ras\+thermiques\+d%C3%A9tecteurs/)
    searchUrl = new URL(visitor.url()).pathname + new URL(visitor.url()).search
    const found = visitor.getByRole('region', { name: /^Solutions trouvées/ })
    await found.getByRole('heading', { level: 3, name: solution.name }).waitFor()
    // The differently inflected words of the query are marked in the snippet.
    const marks = (await visitor.locator('main mark').allInnerTexts()).join(' | ')
    assert.match(marks, /caméra thermique/i, marks)
    assert.match(marks, /détecteur/i, marks)
    await axeOnServerMarkup(searchUrl, 'catalogue search in French')
  })

  await step('it opens the solution’s public page', async () => {
    await visitor!.getByRole('link', { name: solution.name }).click()
    await visitor!.waitForURL(/\/solutions\/[^/?]+$/)
    solutionPath = new URL(visitor!.url()).pathname
    await visitor!.getByRole('heading', { level: 1, name: solution.name }).waitFor()
    const main = await visibleText(visitor!.getByRole('main'))
    assert.ok(main.includes('zone surveillée'), main)
    assert.equal(await visitor!.locator('meta[property="og:title"]').getAttribute('content'), solution.name)
    await context!.close()
    await axeOnServerMarkup(solutionPath, 'public solution page in French')
  })
})
