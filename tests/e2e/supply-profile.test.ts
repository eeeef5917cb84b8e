import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage, SignUpPage, VerifiedPage } from './pages/AuthPages.ts'
import { visibleText } from './pages/base.ts'
import { MailboxPage } from './pages/MailboxPage.ts'
import { NewOrganisationPage, type OrganisationPage } from './pages/OrganisationPages.ts'
import { ApplicantProfileSection, OrganisationImportPage, PublicProfilePage } from './pages/SupplyProfilePages.ts'

const e2e = await startE2E()
// A 16×16 PNG (a blue square).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOQj9lMEmIY1TCqYfhqAAD6Ey4Q+yoPbAAAAABJRU5ErkJggg==',
  'base64',
)
/** Set SUPPLY_SHOTS to a folder to keep a screenshot of every page of the journey (desktop and 375 px). */
const shots = process.env.SUPPLY_SHOTS
if (shots) mkdirSync(shots, { recursive: true })
async function shot(page: Page, name: string) {
  if (!shots) return
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

test('an SME signs up, fills its applicant profile, is told why it is small, then medium with a partner, and goes anonymous', async (t) => {
  const person = { name: 'Maja Novak', email: 'maja.novak@example.test', password: 'linden trees in bloom' }
  const org = { legalName: 'Lipica Thermal Vision d.o.o.', website: 'https://lipica-thermal.example' }
  let sme: Page | undefined
  let operator: Page | undefined
  let visitor: Page | undefined
  let phone: Page | undefined
  const step = journey(t, () => ({ sme, operator, visitor, phone }))

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
    await form.fill({ ...org, type: 'SME', country: 'Slovenia' })
    orgPage = await form.create()
    await orgPage.arriveProfile(org.legalName)
  })

  let profile: ApplicantProfileSection | undefined
  await step('the applicant profile starts without a status and names the missing figures', async () => {
    await orgPage!.sections.getByRole('link', { name: 'Applicant profile', exact: true }).click()
    await sme!.waitForURL('**/applicant-profile')
    profile = await new ApplicantProfileSection(sme!).arrive(org.legalName)
    assert.equal(await visibleText(profile.smeTitle), 'SME status not determined yet')
    assert.ok(
      (await profile.smeText()).includes(
        'Give the headcount, annual turnover and balance-sheet total to compute the status.',
      ),
    )
    await shot(sme!, '01-applicant-profile-empty')
  })

  await step('figures with a mistake: the error is shown next to the field, translated', async () => {
    await profile!.fillFigures({
      headcount: '32.5',
      turnover: '8200000',
      balanceSheet: '6500000',
      financialYear: '2010',
      foundedYear: '2012',
      region: 'Obalno-kraška',
    })
    await profile!.save.click()
    const financialYear = profile!.field('Financial year of the figures')
    assert.equal(
      await profile!.fieldError(financialYear),
      'The figures cannot be from before the year of establishment.',
    )
    assert.equal(await profile!.isInvalid(financialYear), true)
    await profile!.checkA11y('applicant profile with a field error')
  })

  await step('saved: "Small enterprise", with the reasoning in words', async () => {
    await profile!.field('Financial year of the figures').fill('2024')
    await profile!.saveAndExpect('Small enterprise')
    const text = await profile!.smeText()
    assert.ok(
      text.includes('Figures counted: 32.5 AWU, annual turnover €8,200,000, balance-sheet total €6,500,000.'),
      text,
    )
    assert.ok(text.includes('Micro enterprise not met: staff of 32.5 AWU is not below 10'), text)
    assert.ok(
      text.includes(
        'Small enterprise met: staff of 32.5 AWU is below 50; turnover of €8,200,000 is at most €10,000,000',
      ),
      text,
    )
    await profile!.checkA11y('applicant profile, small enterprise')
    await shot(sme!, '02-applicant-profile-small')
  })

  await step('a partner enterprise at 40 % pushes it to "Medium-sized enterprise"', async () => {
    await profile!.addRelation({
      kind: 'Partner enterprise (25 to 50 %)',
      name: 'Kras Holding d.d.',
      country: 'Croatia',
      share: '40',
      headcount: '60',
      turnover: '20000000',
      balanceSheet: '20000000',
    })
    await profile!.checkA11y('applicant profile, relation being added')
    await profile!.saveRelationsAndExpect('Medium-sized enterprise')
    const text = await profile!.smeText()
    assert.ok(text.includes('Kras Holding d.d.: a partner enterprise at 40 %, counted in proportion: 24 AWU'), text)
    assert.ok(text.includes('Small enterprise not met: staff of 56.5 AWU is not below 50'), text)
    await profile!.checkA11y('applicant profile, medium-sized enterprise')
    await shot(sme!, '03-applicant-profile-medium')
  })

  await step('the logo: a PDF named .png is refused next to the field, a real PNG is shown', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    await profile!.uploadLogo('logo.png', 'image/png', pdf)
    assert.equal(
      await profile!.fieldError(profile!.logoFile),
      'This type of file is not accepted (its content is checked, not its name).',
    )
    await profile!.checkA11y('applicant profile, logo refused')
    await profile!.uploadLogo('lipica.png', 'image/png', PNG)
    await profile!.notification('The logo has been saved.').waitFor()
    await profile!.logoPreview.waitFor()
    const src = (await profile!.logoPreview.getAttribute('src')) ?? ''
    assert.match(src, /^\/api\/v1\/organisations\/ORG-[0-9A-F]{8}\/logo\?v=[0-9a-f]{12}$/)
    // The preview really loads (served to the organisation's own members): wait for the image's own load
    // (or error) event if it has not finished yet, then check it decoded.
    const loaded = await profile!.logoPreview.evaluate(
      (img: HTMLImageElement) =>
        new Promise<boolean>((resolve) => {
          if (img.complete) return resolve(img.naturalWidth > 0)
          img.addEventListener('load', () => resolve(img.naturalWidth > 0), { once: true })
          img.addEventListener('error', () => resolve(false), { once: true })
        }),
    )
    assert.ok(loaded, 'the logo preview did not load')
  })

  let publicPath = ''
  await step('it goes anonymous: the hint asks for a description without names', async () => {
    await profile!.chooseVisibility('Anonymous')
    await profile!.main.getByText('Write the description without names', { exact: false }).waitFor()
    await profile!
      .field('Description')
      .fill('Thermal cameras with on-board analytics that watch the perimeter of ports and energy sites at night.')
    await profile!.saveAndExpect('Medium-sized enterprise')
    publicPath = await profile!.publicPageHref()
    assert.match(publicPath, /^\/organisations\/ORG-[0-9A-F]{8}$/)
    await profile!.checkA11y('applicant profile, anonymous')
  })

  await step('the public profile page shows no name, website or logo, in its body or its link preview', async () => {
    visitor = (await e2e.newPage()).page
    const page = await new PublicProfilePage(visitor).goto(publicPath, 'Anonymous SME from Slovenia')
    const html = await visitor.content()
    for (const hidden of ['Lipica', 'lipica-thermal', 'Obalno', 'Maja Novak', 'Kras Holding', '/logo']) {
      assert.ok(!html.includes(hidden), `the public page shows "${hidden}"`)
    }
    assert.equal(await page.ogTitle(), 'Anonymous SME from Slovenia')
    await page.main.getByText('Medium-sized enterprise', { exact: true }).waitFor()
    await page.main.getByText('Thermal cameras with on-board analytics', { exact: false }).waitFor()
    await shot(visitor, '04-public-profile-anonymous')
    await visitor.goto(`${publicPath}?lang=fr`)
    await new PublicProfilePage(visitor).goto(
      `${publicPath}?lang=fr`,
      'PME anonyme (Slovénie)',
      'public profile in French',
    )
  })

  await step('on a phone (375 px) the applicant profile and the public page fit and pass axe', async () => {
    phone = (await e2e.newPage({ width: 375 })).page
    await new SignInPage(phone).goto()
    await new SignInPage(phone).signIn(person.email, person.password)
    const profileSection = new ApplicantProfileSection(phone)
    await profileSection.goto(orgPage!.id, org.legalName, 'applicant profile at 375 px')
    const overflow = await profileSection.sidewaysOverflow()
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the screen`)
    await shot(phone, '05-applicant-profile-phone')
    await new PublicProfilePage(phone).goto(publicPath, 'Anonymous SME from Slovenia', 'public profile at 375 px')
    await shot(phone, '06-public-profile-phone')
  })

  await step(
    'staff import organisations from a spreadsheet and see the row report; the list has an export menu',
    async () => {
      await operator!.goto('/app/admin/organisations')
      await operator!.getByRole('heading', { level: 1 }).waitFor()
      await operator!.getByRole('button', { name: 'Export', exact: true }).click()
      const csvLink = operator!.getByRole('menuitem', { name: 'CSV (comma-separated)', exact: true })
      assert.match((await csvLink.getAttribute('href')) ?? '', /^\/api\/v1\/organisations\/export\.csv/)
      await operator!.keyboard.press('Escape')
      await operator!.getByRole('link', { name: 'Import', exact: true }).click()
      const importPage = await new OrganisationImportPage(operator!).goto()
      await importPage.upload(
        'organisations.csv',
        [
          'Raison sociale;Pays;Numéro TVA;Effectif;Chiffre d’affaires;Total du bilan',
          'Sentinelle Portuaire SAS;France;FR11223344556;8;1 500 000,00;900 000,00',
          'Sans pays SARL;;;3;;',
        ].join('\r\n'),
      )
      await importPage.checkA11y('organisation import, column mapping')
      await shot(operator!, '07-import-mapping')
      const summary = await importPage.run('Import the valid rows only')
      assert.equal(summary, 'Organisations created: 1. Valid rows: 1; rows with errors: 1.')
      const rows = await importPage.reportRows()
      assert.equal(rows[0]![0], '2')
      assert.match(rows[0]![2]!, /^ORG-[0-9A-F]{8}$/)
      assert.deepEqual(rows[1], ['3', 'Not valid', 'Country: required'])
      await importPage.checkA11y('organisation import, report')
      await shot(operator!, '08-import-report')
    },
  )
})
