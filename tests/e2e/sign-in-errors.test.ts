import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { createUser } from '../factories/users.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage } from './pages/AuthPages.ts'
import { Shell } from './pages/Shell.ts'

const e2e = await startE2E()

test('a wrong password shows a clear error above the form and keeps the e-mail address', async (t) => {
  const person = await createUser(e2e.db, e2e.programmeId, { name: 'Inès Laurent' })
  let page: Page | undefined
  const step = journey(t, () => ({ person: page }))

  await step('in English', async () => {
    page = (await e2e.newPage()).page
    const signIn = await new SignInPage(page).goto()
    const alert = await signIn.attemptExpectingError(person.email, 'not-my-password')
    assert.deepEqual(alert, { title: 'Sign-in failed', text: 'The e-mail address or the password is incorrect.' })
    assert.equal(await signIn.email.inputValue(), person.email)
    assert.equal(await signIn.password.inputValue(), '')
    // The alert is above the form's fields, inside the form.
    const [alertBox, emailBox] = [await signIn.alert.boundingBox(), await signIn.email.boundingBox()]
    assert.ok(alertBox && emailBox && alertBox.y + alertBox.height <= emailBox.y, 'the alert is above the e-mail field')
    await signIn.checkA11y('sign-in, wrong password')
  })

  await step('in French, after switching the language', async () => {
    await new Shell(page!).chooseLanguage('Français')
    const signIn = await new SignInPage(page!, 'fr').arrive('sign-in (fr)')
    assert.equal(await page!.evaluate(() => document.documentElement.lang), 'fr')
    const alert = await signIn.attemptExpectingError(person.email, 'pas-mon-mot-de-passe')
    assert.deepEqual(alert, {
      title: 'Échec de la connexion',
      text: 'L’adresse e-mail ou le mot de passe est incorrect.',
    })
    assert.equal(await signIn.email.inputValue(), person.email)
    await signIn.checkA11y('sign-in (fr), wrong password')
  })

  await step('the right password then signs in', async () => {
    await new Shell(page!).chooseLanguage('English')
    const signIn = await new SignInPage(page!).arrive('sign-in, back in English')
    await signIn.signIn(person.email, person.password)
    await new DashboardPage(page!).arrive()
  })
})

test('after 5 wrong passwords the account is throttled, with the waiting time, even for the right password', async (t) => {
  const person = await createUser(e2e.db, e2e.programmeId, { name: 'Tomas Berg' })
  let page: Page | undefined
  const step = journey(t, () => ({ person: page }))
  const throttled = {
    title: 'Sign-in temporarily blocked',
    text: 'Too many sign-in attempts. For your security, try again in 15 min.',
  }

  await step('5 wrong passwords are each refused as incorrect', async () => {
    page = (await e2e.newPage()).page
    const signIn = await new SignInPage(page).goto()
    for (let i = 1; i <= 5; i++) {
      const alert = await signIn.attemptExpectingError(person.email, `wrong-${i}`)
      assert.deepEqual(
        alert,
        { title: 'Sign-in failed', text: 'The e-mail address or the password is incorrect.' },
        `attempt ${i}`,
      )
    }
  })

  await step('the 6th attempt is throttled and says how long to wait', async () => {
    const signIn = new SignInPage(page!)
    assert.deepEqual(await signIn.attemptExpectingError(person.email, 'wrong-6'), throttled)
    assert.equal(await signIn.email.inputValue(), person.email)
    await signIn.checkA11y('sign-in, throttled')
  })

  await step('the right password is refused with the same message', async () => {
    const signIn = new SignInPage(page!)
    assert.deepEqual(await signIn.attemptExpectingError(person.email, person.password), throttled)
    assert.match(page!.url(), /\/app\/sign-in$/)
  })
})
