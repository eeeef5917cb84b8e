import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { pdfBytes, pngBytes } from '../factories/solutions.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { SignInPage } from './pages/AuthPages.ts'
import { visibleText } from './pages/base.ts'
import { SolutionDetailPage, SolutionFormPage, SolutionListPage, TrlWizardPage } from './pages/SolutionPages.ts'

const e2e = await startE2E()
/** Set SUPPLY_SHOTS to a folder to keep a screenshot of every page of the journey (desktop and 375 px). */
const shots = process.env.SUPPLY_SHOTS
if (shots) mkdirSync(shots, { recursive: true })
async function shot(page: Page, name: string) {
  if (!shots) return
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true, animations: 'disabled', caret: 'hide' })
}

test('an SME member describes a solution, completes the TRL wizard with evidence, sees the result and the badge', async (t) => {
  const name = 'Quaywatch acoustic fence analytics'
  let sme: Page | undefined
  let staff: Page | undefined
  let phone: Page | undefined
  const step = journey(t, () => ({ sme, staff, phone }))
  let solutionUrl = ''

  async function signIn(email: string, width = 1280) {
    const { page } = await e2e.newPage({ width })
    await new SignInPage(page).goto()
    await new SignInPage(page).signIn(email, DEMO_PASSWORD)
    return page
  }

  await step('the SME opens "Our solutions" from the navigation and sees its seeded solutions', async () => {
    sme = await signIn('sme@securit.demo')
    await sme.getByRole('navigation').getByRole('link', { name: 'Our solutions' }).first().click()
    const list = await new SolutionListPage(sme).arrive()
    await list.row('Sentinel Mesh perimeter sensors').waitFor()
    assert.match(await visibleText(list.row('Sentinel Mesh perimeter sensors')), /TRL 6.*Fits TRL 5–8/)
    await shot(sme, '01-our-solutions')
  })

  await step('the form shows errors next to the fields, then saves a draft', async () => {
    const page = sme!
    await page.getByRole('link', { name: 'Describe a solution', exact: true }).click()
    const form = await new SolutionFormPage(page).arrive()
    await form.save.click()
    assert.equal(await form.fieldError(form.textbox('Name')), 'Enter at least 2 characters.')
    assert.equal(await form.fieldError(form.textbox('One-line pitch')), 'This field is required.')
    await form.main.getByRole('button', { name: 'Add a reference', exact: true }).click()
    await form.save.click()
    assert.equal(await form.fieldError(form.textbox('What was done')), 'This field is required.')
    await form.checkA11y('solution form with errors')
    await form.textbox('Name').fill(name)
    await form
      .textbox('One-line pitch')
      .fill('Listens to the fence fibre of a port and tells climbing from wind, waves and cranes.')
    await form.choose(form.combobox('Type'), 'Software')
    await form
      .area('Description')
      .fill('Software that analyses the acoustic signal of the fibre along a port fence and classifies events.')
    await form
      .area('Problem addressed')
      .fill('Fence sensors at ports raise alarms for every gust of wind and passing crane.')
    await form.pick('Domains', [/^D1 · /])
    await form.pick('Challenges addressed', [/^D1-C2 · /])
    await form.choose(form.main.getByRole('combobox', { name: 'Kind of client' }), 'Infrastructure operator')
    await form.choose(form.main.getByRole('combobox', { name: 'Country' }), 'Lithuania')
    await form.textbox('What was done').fill('Three-month pilot on the fence of a container terminal')
    await page.getByRole('radio', { name: 'Public', exact: true }).check()
    await shot(page, '02-solution-form')
    await form.save.click()
    const detail = await new SolutionDetailPage(page).arrive(name)
    await detail.main.getByText('Draft', { exact: true }).first().waitFor()
    assert.match(await detail.trlText(), /Not assessed yet/)
    solutionUrl = new URL(page.url()).pathname
  })

  await step('images and a datasheet are uploaded; a PDF posing as an image is refused next to the field', async () => {
    const page = sme!
    const detail = new SolutionDetailPage(page)
    const file = page.locator('input[type="file"]').first()
    await file.setInputFiles({ name: 'fence.png', mimeType: 'image/png', buffer: pdfBytes() })
    await detail.main.getByRole('button', { name: 'Upload', exact: true }).click()
    const fileField = detail.main.getByRole('button', { name: /^Image file/ })
    assert.match(await detail.fieldError(fileField), /not accepted/)
    await detail.checkA11y('media upload with an error')
    await file.setInputFiles({ name: 'fence.png', mimeType: 'image/png', buffer: pngBytes(64, 40, [20, 90, 160]) })
    await detail.main.getByRole('img', { name: 'Preview of the chosen image' }).waitFor()
    await detail.textbox('Caption (optional)').fill('The fence at night')
    await detail.main.getByRole('button', { name: 'Upload', exact: true }).click()
    await detail.main.getByRole('img', { name: 'The fence at night' }).waitFor()
    await detail.main.getByText('Datasheet (PDF)', { exact: true }).click()
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'datasheet.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Quaywatch') })
    await detail.main.getByRole('button', { name: 'Upload', exact: true }).click()
    await detail.main.getByRole('link', { name: 'datasheet.pdf' }).waitFor()
    await detail.checkA11y('solution with media')
  })

  await step(
    'the TRL wizard asks level by level, wants evidence for each yes, and keeps a draft to resume',
    async () => {
      const page = sme!
      await new SolutionDetailPage(page).trlCard.getByRole('button', { name: 'Assess the TRL' }).click()
      const wizard = await new TrlWizardPage(page).arrive(1)
      // A "yes" without evidence is not enough.
      await wizard.criteria.nth(0).getByRole('radio', { name: 'Yes', exact: true }).check()
      await wizard.button('Next level').click()
      assert.equal(
        await wizard.fieldError(wizard.criteria.nth(0).getByRole('textbox', { name: 'What shows it?' })),
        'Say what shows it.',
      )
      assert.equal(
        await wizard.fieldError(wizard.criteria.nth(0).getByRole('textbox', { name: 'Link to the evidence' })),
        'Add a link or upload a file.',
      )
      await wizard.checkA11y('wizard level 1 with missing evidence')
      await shot(page, '03-wizard-missing-evidence')
      await wizard.allYes(1)
      await wizard.button('Next level').click()
      await wizard.arrive(2)
      await wizard.allYes(2)
      await wizard.button('Next level').click()
      await wizard.arrive(3)
      // A file instead of a link for the first criterion of level 3.
      await wizard.criteria.nth(0).getByRole('radio', { name: 'Yes', exact: true }).check()
      await wizard.criteria
        .nth(0)
        .getByRole('textbox', { name: 'What shows it?' })
        .fill('Proof-of-concept notebook, run on a week of recordings')
      const chooser = page.waitForEvent('filechooser')
      await wizard.criteria.nth(0).getByRole('button', { name: 'Upload a file as evidence' }).click()
      await (await chooser).setFiles({
        name: 'poc-results.pdf',
        mimeType: 'application/pdf',
        buffer: pdfBytes('PoC results'),
      })
      await wizard.criteria.nth(0).getByText('poc-results.pdf').waitFor()
      await wizard.yes(1, 'Detection rate 92 % against the 90 % predicted', 'https://example.org/poc-comparison')
      await wizard.button('Save the draft').click()
      await page.getByText(/^Draft saved/).waitFor()
      await shot(page, '04-wizard-level-3')

      // Leave, come back: the draft resumes where it was.
      await page.goto(solutionUrl)
      const detail = await new SolutionDetailPage(page).arrive(name)
      await detail.trlCard.getByRole('button', { name: 'Resume the self-assessment' }).click()
      // Levels 1–3 are fully answered: it resumes at level 4, and level 3 kept its answers.
      await wizard.arrive(4)
      await wizard.main.getByRole('button', { name: 'Level 3, met' }).click()
      await wizard.levelHeading(3).waitFor()
      assert.equal(
        await wizard.criteria.nth(1).getByRole('textbox', { name: 'What shows it?' }).inputValue(),
        'Detection rate 92 % against the 90 % predicted',
      )
    },
  )

  await step(
    'it stops at the first level not fully met and shows the result, then completes with a confidence',
    async () => {
      const page = sme!
      const wizard = new TrlWizardPage(page)
      await wizard.button('Next level').click()
      for (const level of [4, 5]) {
        await wizard.arrive(level)
        await wizard.allYes(level)
        await wizard.button('Next level').click()
      }
      await wizard.arrive(6)
      await wizard.yes(0, 'Prototype release 0.9 with all interfaces', 'https://example.org/release-0.9')
      await wizard.no(1)
      await wizard.no(2)
      await wizard.button('See the result').click()
      await wizard.arrive('result')
      const summary = await visibleText(wizard.main)
      assert.match(summary, /Your answers reach TRL 5/)
      assert.match(summary, /stopped at level 6/)
      assert.match(summary, /Fits TRL 5–8/)
      const slider = wizard.main.getByRole('slider', { name: 'How confident are you in this result?' })
      await slider.focus()
      await page.keyboard.press('ArrowRight')
      await wizard.main.getByText('4 · Well documented').first().waitFor()
      await wizard.checkA11y('wizard result')
      await shot(page, '05-wizard-result')
      await wizard.button('Complete the self-assessment').click()
      const detail = await new SolutionDetailPage(page).arrive(name)
      const card = await detail.trlText()
      assert.match(card, /TRL 5/)
      assert.match(card, /Fits TRL 5–8/)
      assert.match(card, /Self-assessed TRL 5, confidence 4 of 5/)
      assert.match(card, /D1-C2 · Detection and location of intruders in protected perimeters Fits TRL 5–8/)
      await detail.history.getByRole('cell', { name: 'TRL 5' }).waitFor()
      await detail.history.getByRole('button', { name: 'Show the evidence' }).click()
      await detail.history.getByRole('button', { name: /^TRL 3 · Experimental proof of concept/ }).click()
      await detail.history.getByRole('link', { name: 'poc-results.pdf' }).waitFor()
      await detail.checkA11y('solution with TRL result and evidence trail')
      await shot(page, '06-solution-with-trl')
    },
  )

  await step('the SME publishes it; cluster staff adjust the level with a reason the SME sees', async () => {
    const page = sme!
    const detail = new SolutionDetailPage(page)
    await detail.main.getByRole('button', { name: 'Publish', exact: true }).click()
    await detail.dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await detail.main.getByText('Published', { exact: true }).first().waitFor()

    staff = await signIn('staff.hsd@securit.demo')
    await staff.goto(solutionUrl)
    const seen = await new SolutionDetailPage(staff).arrive(name)
    await seen.trlCard.getByRole('button', { name: 'Review the TRL' }).click()
    await seen.dialog.waitFor()
    await seen.dialog.getByRole('radio', { name: 'Adjust the level' }).check()
    await seen.dialog.getByRole('button', { name: 'Record the review' }).click()
    assert.equal(await seen.fieldError(seen.dialog.getByRole('textbox', { name: 'Reason' })), 'This field is required.')
    await seen.checkA11y('review dialog with errors')
    await seen.choose(seen.dialog.getByRole('combobox', { name: 'Level after review' }), /^TRL 4 · /)
    await seen.dialog
      .getByRole('textbox', { name: 'Reason' })
      .fill('The relevant-environment test used recordings, not the live fence: level 5 needs a test on site.')
    await shot(staff, '07-review-dialog')
    await seen.dialog.getByRole('button', { name: 'Record the review' }).click()
    await seen.dialog.waitFor({ state: 'hidden' })
    assert.match(await seen.trlText(), /Adjusted to TRL 4 by Hendrik van Dijk/)

    await page.reload()
    await detail.arrive(name)
    const card = await detail.trlText()
    assert.match(card, /TRL 4/)
    assert.match(card, /Outside TRL 5–8/)
    assert.match(card, /Self-assessed TRL 5/)
    assert.match(card, /level 5 needs a test on site/)
  })

  await step('on a phone (375 px) the list, the solution page and the wizard are usable and accessible', async () => {
    phone = await signIn('sme@securit.demo', 375)
    const list = await new SolutionListPage(phone).goto()
    await list.row(name).waitFor()
    await shot(phone, '08-phone-list')
    await phone.goto(solutionUrl)
    const detail = await new SolutionDetailPage(phone).arrive(name)
    await shot(phone, '09-phone-solution')
    await detail.main.getByRole('link', { name: 'Edit', exact: true }).click()
    await new SolutionFormPage(phone).arrive('Edit the solution')
    await shot(phone, '09b-phone-form')
    await phone.goBack()
    await detail.arrive(name)
    await detail.trlCard.getByRole('button', { name: 'Assess again' }).click()
    const wizard = await new TrlWizardPage(phone).arrive(1)
    await wizard.yes(0, 'Published algorithm paper', 'https://example.org/paper')
    await shot(phone, '10-phone-wizard')
    const overflow = await wizard.sidewaysOverflow()
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`)
  })
})
