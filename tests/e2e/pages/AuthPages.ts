import type { Locator, Page } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

/** /app/sign-up, and the "check your inbox" page it leads to. */
export class SignUpPage extends PageObject {
  get name(): Locator {
    return this.textbox('Full name')
  }
  get email(): Locator {
    return this.textbox('E-mail address')
  }
  get password(): Locator {
    return this.textbox('Password')
  }
  get confirmPassword(): Locator {
    return this.textbox('Repeat the password')
  }
  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Create account', exact: true })
  }

  /** The help text under the password field. */
  async passwordHint(): Promise<string> {
    const ids = ((await this.password.getAttribute('aria-describedby')) ?? '').split(/\s+/)
    const id = ids.find((i) => i.endsWith('-description'))
    if (!id) throw new Error('the password field has no description')
    return await visibleText(this.page.locator(`[id="${id}"]`))
  }

  async goto(): Promise<this> {
    await this.page.goto('/app/sign-up')
    return this.arrive()
  }
  async arrive(label = 'sign-up'): Promise<this> {
    await this.arriveAt(label, 'Create your account', [this.name])
    return this
  }

  async fill(v: { name: string; email: string; password: string; confirm?: string }): Promise<void> {
    await this.name.fill(v.name)
    await this.email.fill(v.email)
    await this.password.fill(v.password)
    await this.confirmPassword.fill(v.confirm ?? v.password)
  }

  /** Signs up and arrives on "Check your inbox"; returns that page's message. */
  async signUp(v: { name: string; email: string; password: string }): Promise<string> {
    await this.fill(v)
    await this.submit.click()
    await this.page.waitForURL('**/app/check-email?**')
    await this.arriveAt('check your inbox', 'Check your inbox')
    return await visibleText(this.main.getByText('We sent a verification link to'))
  }
}

const signInTexts = {
  en: { title: 'Sign in', email: 'E-mail address', password: 'Password', submit: 'Sign in' },
  fr: { title: 'Connexion', email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
}

/** /app/sign-in, in English or French. */
export class SignInPage extends PageObject {
  readonly texts: (typeof signInTexts)['en']
  constructor(page: Page, lang: keyof typeof signInTexts = 'en') {
    super(page)
    this.texts = signInTexts[lang]
  }
  get email(): Locator {
    return this.textbox(this.texts.email)
  }
  get password(): Locator {
    return this.textbox(this.texts.password)
  }
  get submit(): Locator {
    return this.main.getByRole('button', { name: this.texts.submit, exact: true })
  }
  /** The error announced above the form (role=alert). */
  get alert(): Locator {
    return this.main.getByRole('alert')
  }

  async goto(): Promise<this> {
    await this.page.goto('/app/sign-in')
    return this.arrive()
  }
  async arrive(label = 'sign-in'): Promise<this> {
    await this.arriveAt(label, this.texts.title, [this.email])
    return this
  }

  async attempt(email: string, password: string): Promise<void> {
    await this.email.fill(email)
    await this.password.fill(password)
    await this.submit.click()
  }

  /** Signs in and lands on the dashboard (or on `landing`, a URL glob, after a redirect). */
  async signIn(email: string, password: string, landing = '**/app'): Promise<void> {
    await this.attempt(email, password)
    await this.page.waitForURL(landing)
  }

  /**
   * Submits credentials that must be refused and returns the alert shown above the form. The previous
   * attempt's alert may still be on screen, so this waits for this attempt's answer and for the button
   * to leave its loading state (the new alert is rendered in that same update).
   */
  async attemptExpectingError(email: string, password: string): Promise<{ title: string; text: string }> {
    await this.email.fill(email)
    await this.password.fill(password)
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in/email') && r.request().method() === 'POST'),
      this.submit.click(),
    ])
    await this.submit.and(this.page.locator(':not([data-loading])')).waitFor()
    await this.alert.waitFor()
    return this.alertContent()
  }

  /** The alert's title and message, as shown (the alert is labelled by its title, described by its message). */
  async alertContent(): Promise<{ title: string; text: string }> {
    const ref = async (attr: string) => {
      const id = await this.alert.getAttribute(attr)
      if (!id) throw new Error(`the alert has no ${attr}`)
      return visibleText(this.page.locator(`[id="${id}"]`))
    }
    return { title: await ref('aria-labelledby'), text: await ref('aria-describedby') }
  }
}

/** Where the verification link lands: /app/verified. */
export class VerifiedPage extends PageObject {
  async arrive(): Promise<this> {
    await this.page.waitForURL('**/app/verified**')
    await this.arriveAt('e-mail verified', 'E-mail address verified')
    return this
  }
  get message(): Locator {
    return this.main.getByText('Thank you: your e-mail address is verified.')
  }
  async continueToDashboard(): Promise<void> {
    await this.main.getByRole('link', { name: 'Continue to your dashboard' }).click()
    await this.page.waitForURL('**/app')
  }
}

/** /app: the signed-in person's starting point. */
export class DashboardPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app')
    return this.arrive()
  }
  async arrive(): Promise<this> {
    await this.arriveAt('dashboard', 'Dashboard')
    return this
  }
  get welcome(): Locator {
    return this.main.getByText(/^Welcome, /)
  }
}

/** /app/profile: name and language, e-mail address, password. */
export class ProfilePage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/profile')
    return this.arrive()
  }
  async arrive(): Promise<this> {
    await this.arriveAt('profile', 'Your profile', [this.emailSection])
    return this
  }
  get emailSection(): Locator {
    return this.main.getByRole('region', { name: 'E-mail address' })
  }
}
