import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { PublicCallPage } from './pages/ApplicationPages.ts'
import { SignInPage } from './pages/AuthPages.ts'

const e2e = await startE2E()
const TITLE = 'Demo call — try Cascade'

test('a visitor signs in from the public call page, asks a question, and reads it there once answered', async (t) => {
  let visitor: Page | undefined
  const step = journey(t, () => ({ visitor }))
  const question = 'May a partner from Norway receive funding in this call, as an associated country?'
  const call = await e2e.db.selectFrom('calls').select('id').where('code', '=', 'DEMO').executeTakeFirstOrThrow()

  await step('signed out, the Q&A section offers to sign in, and brings the person back to the call', async () => {
    visitor = (await e2e.newPage()).page
    const page = await new PublicCallPage(visitor).goto('DEMO', TITLE)
    const link = page.main.getByRole('link', { name: 'Sign in to ask a question about this call', exact: true })
    await link.click()
    const signIn = await new SignInPage(visitor).arrive('sign-in before asking')
    await signIn.attempt('sme@securit.demo', DEMO_PASSWORD)
    await visitor.waitForURL(/\/calls\/DEMO#ask$/)
    await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor()
  })

  await step('a question too short is refused next to the field; a real one is sent', async () => {
    const page = new PublicCallPage(visitor!)
    const box = page.main.getByRole('textbox', { name: 'Your question' })
    await box.waitFor()
    await box.fill('Norway?')
    await page.main.getByRole('button', { name: 'Send the question', exact: true }).click()
    const describedBy = (await box.getAttribute('aria-describedby')) ?? ''
    assert.equal(await box.getAttribute('aria-invalid'), 'true')
    const errorText = await visitor!
      .locator(
        describedBy
          .split(' ')
          .map((id) => `[id="${id}"]`)
          .join(','),
      )
      .allInnerTexts()
    assert.ok(
      errorText.some((x) => /at least 10 characters/i.test(x)),
      `the error next to the field: ${errorText.join(' | ')}`,
    )
    await page.checkA11y('question refused')
    await box.fill(question)
    await page.main.getByRole('button', { name: 'Send the question', exact: true }).click()
    await page.main
      .getByRole('status')
      .getByText(/your question was sent to the operators/)
      .waitFor()
    await page.checkA11y('question sent')
    const stored = await e2e.db
      .selectFrom('call_questions')
      .select(['status', 'question'])
      .where('call_id', '=', call.id)
      .where('question', '=', question)
      .executeTakeFirstOrThrow()
    assert.equal(stored.status, 'pending')
  })

  await step('pending questions are not public; once the operator answers, the page shows both', async () => {
    const page = new PublicCallPage(visitor!)
    await visitor!.reload()
    await page.heading(TITLE).waitFor()
    assert.equal(await page.main.getByText(question).count(), 0)
    const row = await e2e.db
      .selectFrom('call_questions')
      .select('id')
      .where('question', '=', question)
      .executeTakeFirstOrThrow()
    const signIn = await fetch(`${e2e.baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e2e.baseUrl },
      body: JSON.stringify({ email: 'operator@securit.demo', password: DEMO_PASSWORD }),
    })
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const res = await fetch(`${e2e.baseUrl}/api/v1/calls/${call.id}/questions/${row.id}/answer`, {
      method: 'POST',
      headers: { cookie, origin: e2e.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'published', answer: 'Yes: Norway is associated to Horizon Europe.' }),
    })
    assert.equal(res.status, 200, await res.text())
    await visitor!.reload()
    await page.main.getByText(question).waitFor()
    await page.main.getByText('Yes: Norway is associated to Horizon Europe.').waitFor()
    await page.checkA11y('question answered')
  })
})
