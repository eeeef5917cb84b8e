/**
 * The application editor's co-editing (issue 5, item 3): answers are saved by themselves about a second
 * after typing and at once on blur; the readiness panel follows every keystroke before anything is
 * saved; two members of the lead organisation editing the same answer in two sessions never overwrite
 * each other: the second save meets a conflict dialog (both versions, who and when) and chooses, while
 * its other changes are saved. An open editor reads the application again every 15 s (while visible and
 * with nothing waiting to be saved): others' answers reach its untouched fields with "Updated by …".
 * Axe on the editor and the dialog.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { seedId } from '../../server/seed/ids.ts'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { launchBrowser } from '../support/browser.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { ApplicationEditorPage } from './pages/ApplicationEditorPage.ts'
import { SignInPage } from './pages/AuthPages.ts'
import { visibleText } from './pages/base.ts'

const e2e = await startE2E()
const LEAD = 'sme@securit.demo'
const ACRONYM = 'SENTRY'

// @sparticuz/chromium runs with --single-process: the contexts of one browser share their cookies, so
// each session gets a browser of its own.
const browsers: Browser[] = []
after(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
})
async function session(email: string, password: string): Promise<Page> {
  const browser = await launchBrowser()
  browsers.push(browser)
  const context = await browser.newContext({
    baseURL: e2e.baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
  })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  await new SignInPage(page).goto()
  await new SignInPage(page).signIn(email, password)
  await page.waitForURL('**/app')
  return page
}

/**
 * Resolves at the editor's next read of the application (its poll, every 15 s): the following seconds
 * are the test's, before the next read.
 */
function nextPoll(page: Page, id: string) {
  return page.waitForResponse(
    (r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/api/v1/applications/${id}`,
    { timeout: 30_000 },
  )
}

/** The application as the server has it, read in the page's session. */
async function serverAnswers(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (id) => (await (await fetch(`/api/v1/applications/${id}`)).json()).answers, id)
}

// The lead SME (demo seed) has a colleague; the application to the demo call is started through the API.
const colleague = await createUser(e2e.db, e2e.programmeId, { name: 'Rūta Kazlauskienė' })
await e2e.db
  .insertInto('memberships')
  .values({ organisation_id: seedId('organisation:demo-sme'), user_id: colleague.id, role: 'member' })
  .execute()
const demoCall = await e2e.db.selectFrom('calls').select('id').where('code', '=', 'DEMO').executeTakeFirstOrThrow()

test('autosave, a live readiness panel, and a conflict between two sessions that loses nothing', async (t) => {
  let jonas: Page | undefined
  let ruta: Page | undefined
  const step = journey(t, () => ({ jonas, ruta }))
  let editor: ApplicationEditorPage
  let other: ApplicationEditorPage
  let id = ''

  await step('the lead opens its new application in the editor', async () => {
    jonas = await session(LEAD, DEMO_PASSWORD)
    id = await jonas.evaluate(async (callId) => {
      const me = await (await fetch('/api/v1/me')).json()
      const res = await fetch('/api/v1/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ callId, organisationId: me.memberships[0].organisation.id, acronym: 'SENTRY' }),
      })
      return (await res.json()).id as string
    }, demoCall.id)
    await jonas.goto(`/app/applications/${id}`)
    editor = await new ApplicationEditorPage(jonas).arrive(ACRONYM, 'application editor')
    await editor.readinessIs(/^Not ready: \d+ problems to fix/)
  })

  await step('the readiness panel follows each keystroke, before the answer is saved', async () => {
    const before = await visibleText(editor.readinessSummary)
    const count = Number(/(\d+) problems/.exec(before)?.[1])
    assert.ok(count > 2, before)
    const trl = editor.question('TRL at the start')
    await trl.fill('5')
    // The panel counts one problem less at once; the answer waits for the autosave (about a second).
    await editor.readinessIs(new RegExp(`^Not ready: ${count - 1} problems to fix`))
    const state = await editor.saveStatus.getAttribute('data-state')
    assert.ok(state === 'pending' || state === 'saving', `save state ${state}`)
    if (state === 'pending') assert.equal((await serverAnswers(jonas!, id)).trl_start, undefined)
    // Out of the call's window: the panel says so, while still typing.
    await trl.fill('3')
    await editor.issue("TRL 3 at the start is outside the call's window (TRL 5 to 8).").waitFor()
    await trl.fill('5')
    await editor.readinessIs(new RegExp(`^Not ready: ${count - 1} problems to fix`))
    await editor.checkA11y('editor while typing')
  })

  await step('the answer is saved by itself about a second after typing, and at once on blur', async () => {
    await editor.waitSaved()
    assert.match(await visibleText(editor.saveStatus), /^Saved at \d{2}:\d{2}$/)
    assert.equal((await serverAnswers(jonas!, id)).trl_start, 5)
    const title = editor.question('Project title')
    await title.fill('Sensor network for crowded places')
    await title.blur()
    await editor.saveStatus.and(jonas!.locator('[data-state="saving"], [data-state="saved"]')).waitFor()
    await editor.waitSaved()
    assert.equal((await serverAnswers(jonas!, id)).title, 'Sensor network for crowded places')
  })

  await step('a colleague opens the same application in another session', async () => {
    ruta = await session(colleague.email, PASSWORD)
    await ruta.goto(`/app/applications/${id}`)
    other = await new ApplicationEditorPage(ruta).arrive(ACRONYM, 'application editor, second session')
  })

  await step('the lead saves the abstract first; the colleague, on the older version, meets a conflict', async () => {
    // Right after the colleague's editor read the application: the lead's save cannot reach it before she types.
    await nextPoll(ruta!, id)
    const mine = 'A network of privacy-preserving sensors that warns stewards of crowd crushes.'
    await editor.question('Abstract').fill(mine)
    await editor.question('Abstract').blur()
    await editor.waitSaved()
    // The colleague still has the version it loaded: its abstract and its acronym go in one save.
    const theirs = 'Privacy-first sensors that detect dangerous crowd density in real time.'
    await other.question('Abstract').fill(theirs)
    await other.question('Acronym').fill('SENTRY-2')
    await other.question('Acronym').blur()
    const dialog = ruta!.getByRole('dialog', { name: 'Someone else changed the same answers' })
    await dialog.waitFor()
    await other.checkA11y('conflict dialog')
    const text = await visibleText(dialog)
    assert.ok(text.includes(`Your version (not saved yet) ${theirs}`), text)
    assert.match(text, new RegExp(`Saved by Jonas Petraitis on .+ ${mine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    // Nothing was overwritten; the answer without a conflict (the acronym) was saved meanwhile.
    await ruta!.waitForFunction(
      async (id) => (await (await fetch(`/api/v1/applications/${id}`)).json()).answers.acronym === 'SENTRY-2',
      id,
    )
    assert.equal((await serverAnswers(ruta!, id)).abstract, mine)
    await other.main.getByText(/^1 answer is waiting for your decision/).waitFor()
  })

  await step('she keeps hers: it is saved over the lead’s', async () => {
    const dialog = ruta!.getByRole('dialog', { name: 'Someone else changed the same answers' })
    await dialog.getByRole('button', { name: 'Keep mine', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await other.waitSaved()
    assert.equal(
      (await serverAnswers(ruta!, id)).abstract,
      'Privacy-first sensors that detect dangerous crowd density in real time.',
    )
  })

  await step('the lead’s open editor shows her answers by itself and says who changed them', async () => {
    const hers = 'Privacy-first sensors that detect dangerous crowd density in real time.'
    // Nothing typed on the lead's side: the next read (within 15 s) brings her text into the field.
    await jonas!.waitForFunction(
      (hers) => [...document.querySelectorAll('input, textarea')].some((el) => (el as HTMLInputElement).value === hers),
      hers,
      { timeout: 35_000 },
    )
    assert.equal(await editor.question('Abstract').inputValue(), hers)
    assert.equal(await editor.question('Acronym').inputValue(), 'SENTRY-2')
    assert.match(await visibleText(jonas!.getByTestId('updated-by')), /^Updated by Rūta Kazlauskienė just now$/)
    await editor.checkA11y('editor with others’ answers')
  })

  await step(
    'she rewrites it; the lead, typing before his editor reads it, meets the conflict and takes hers',
    async () => {
      await nextPoll(jonas!, id)
      const hers = 'Privacy-first sensors that warn stewards of dangerous crowd density.'
      await other.question('Abstract').fill(hers)
      await other.question('Abstract').blur()
      await ruta!.waitForFunction(
        async ([id, hers]) => (await (await fetch(`/api/v1/applications/${id}`)).json()).answers.abstract === hers,
        [id, hers] as const,
      )
      await editor.question('Abstract').fill('Sensors that warn stewards early.')
      await editor.question('Abstract').blur()
      const dialog = jonas!.getByRole('dialog', { name: 'Someone else changed the same answers' })
      await dialog.waitFor()
      assert.match(await visibleText(dialog), /Saved by Rūta Kazlauskienė on /)
      await dialog.getByRole('button', { name: 'Take theirs', exact: true }).click()
      await dialog.waitFor({ state: 'hidden' })
      assert.equal(await editor.question('Abstract').inputValue(), hers)
      assert.equal(await editor.question('Acronym').inputValue(), 'SENTRY-2')
      assert.equal((await serverAnswers(jonas!, id)).abstract, hers)
      await editor.checkA11y('editor after the conflict')
    },
  )
})
