import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { seedId } from '../../server/seed/ids.ts'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { SignInPage } from './pages/AuthPages.ts'
import { squash, visibleText } from './pages/base.ts'
import { UseCaseFormPage } from './pages/DemandPages.ts'

const e2e = await startE2E()
/** Set SHOTS to a folder (e.g. docs/screenshots) to keep screenshots of the history card. */
const shots = process.env.SHOTS

const TITLE = 'Optimisation of disaster prediction and warning systems'

test('an operator edits a challenge and reads what changed, version by version, in its history', async (t) => {
  let operator: Page | undefined
  const step = journey(t, () => ({ operator }))
  const history = () => operator!.getByRole('region', { name: 'History', exact: true })

  await step('a seeded challenge starts with version 1, written by the system', async () => {
    const { page } = await e2e.newPage({ width: 1280 })
    operator = page
    await new SignInPage(page).goto()
    await new SignInPage(page).signIn('operator@securit.demo', DEMO_PASSWORD)
    await page.goto(`/app/admin/challenges/${seedId('challenge:securit:D2-C1')}`)
    const form = new UseCaseFormPage(page)
    await form.heading(TITLE).waitFor()
    await history().getByText('Version 1 · created', { exact: true }).waitFor()
    assert.match(await visibleText(history()), /By the system \(demo data\)/)
    await form.checkA11y('challenge page with its history')
  })

  await step('an edit of the title, a requirement and the validation offer becomes version 2, diffed', async () => {
    const form = new UseCaseFormPage(operator!)
    await operator!.getByRole('button', { name: 'Edit', exact: true }).click()
    await form.textbox('Title').fill(`${TITLE} for river basins`)
    const requirements = form.area('Requirements')
    await requirements.fill(`${await requirements.inputValue()}\nWorks when the mobile network is down`)
    await form.area('Validation').fill('Trials with the Meuse basin’s civil protection, two flood seasons.')
    await operator!.getByRole('button', { name: 'Save', exact: true }).click()
    await history().getByText('Version 2 · edited', { exact: true }).waitFor()
    const latest = history().getByRole('listitem').first()
    assert.match(await visibleText(latest), /^Version 2 · edited By Olivia Operator, /)
    const fields = (await latest.locator('dt').allInnerTexts()).map(squash)
    assert.deepEqual(fields, ['Title', 'Requirements', 'Validation'])
    assert.equal(squash((await latest.locator('dd').first().locator('ins').textContent()) ?? ''), 'for river basins')
    assert.match(await visibleText(latest.locator('dd').nth(1)), /\+ Works when the mobile network is down/)
    await form.checkA11y('history after an edit')
  })

  await step('unpublishing and publishing again are in the history too; older entries on demand', async () => {
    const form = new UseCaseFormPage(operator!)
    for (const action of ['Unpublish', 'Publish'] as const) {
      await operator!.getByRole('button', { name: action, exact: true }).click()
      await operator!.getByRole('dialog').getByRole('button', { name: action, exact: true }).click()
      await operator!.getByRole('dialog').waitFor({ state: 'detached' })
    }
    await history().getByText('Published', { exact: true }).waitFor()
    const entryTexts = (await history().locator('ol > li').allInnerTexts()).map(squash)
    assert.deepEqual(
      entryTexts.map((e) => e.split(' By ')[0]),
      ['Published', 'Taken out of the catalogue', 'Version 2 · edited', 'Version 1 · created'],
    )
    await form.checkA11y('history with publication events')
    if (shots) {
      mkdirSync(shots, { recursive: true })
      await operator!.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      // The notices of the last actions close by themselves; the picture is of the card alone.
      await operator!.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0)
      await history().screenshot({ path: `${shots}/challenge-history.png`, animations: 'disabled', caret: 'hide' })
    }
  })

  await step('at 375 px the history reads without sideways scrolling', async () => {
    await operator!.setViewportSize({ width: 375, height: 800 })
    await history().scrollIntoViewIfNeeded()
    const form = new UseCaseFormPage(operator!)
    const overflow = await form.sidewaysOverflow()
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 375 px`)
    await form.checkA11y('history at 375 px')
  })
})
