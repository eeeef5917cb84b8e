import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

/** The public page of a call, /calls/:code: rendered on the server, hydrated, with "Apply" while it is open. */
export class PublicCallPage extends PageObject {
  get apply(): Locator {
    return this.main.getByRole('link', { name: 'Apply', exact: true })
  }
  get deadline(): Locator {
    return this.main.getByRole('region', { name: 'Deadline', exact: true })
  }
  async goto(code: string, title: string): Promise<this> {
    await this.page.goto(`/calls/${encodeURIComponent(code)}`)
    await this.arriveAt(`public page of call ${code}`, title, [this.apply])
    return this
  }
}

/** /app/applications/new?callId=…: the lead organisation, the challenge, the acronym and title. */
export class NewApplicationPage extends PageObject {
  get organisation(): Locator {
    return this.main.getByRole('combobox', { name: 'Lead organisation', exact: true })
  }
  get challenge(): Locator {
    return this.main.getByRole('combobox', { name: 'Challenge', exact: true })
  }
  get startButton(): Locator {
    return this.main.getByRole('button', { name: 'Start the application', exact: true })
  }
  async arrive(): Promise<this> {
    await this.page.waitForURL(/\/app\/applications\/new\?callId=/)
    await this.arriveAt('start an application', 'Start an application', [this.organisation])
    return this
  }
  /** Fills the form and starts the application; resolves on the editor's address. */
  async start(v: { organisation: string | RegExp; challenge: string | RegExp; acronym: string; title: string }) {
    await this.choose(this.organisation, v.organisation)
    await this.choose(this.challenge, v.challenge)
    await this.textbox('Acronym', this.main).fill(v.acronym)
    await this.textbox('Project title', this.main).fill(v.title)
    await this.startButton.click()
    await this.page.waitForURL(/\/app\/applications\/[0-9a-f-]{36}$/)
  }
}

/** /app/application-invitations/:token: sign in first, then choose the organisation that joins. */
export class ApplicationInvitationPage extends PageObject {
  get signInFirst(): Locator {
    return this.main.getByText('Sign in (or create an account) to see the invitation and answer it.')
  }
  get offer(): Locator {
    return this.main.getByText(/ invites your organisation to join the application /)
  }
  get organisation(): Locator {
    return this.main.getByRole('combobox', { name: 'Organisation that joins', exact: true })
  }
  async gotoSignedOut(href: string): Promise<this> {
    await this.page.goto(href)
    await this.arriveAt('application invitation, signed out', 'Join a consortium', [this.signInFirst])
    return this
  }
  async signInLink(): Promise<void> {
    await this.main.getByRole('link', { name: 'Sign in', exact: true }).click()
    await this.page.waitForURL(/\/app\/sign-in\?redirect=/)
  }
  async arrive(): Promise<this> {
    await this.page.waitForURL(/\/app\/application-invitations\/[^/?]+$/)
    await this.arriveAt('application invitation', 'Join a consortium', [this.offer, this.organisation])
    return this
  }
  /** Accepts for the organisation and lands in the application's editor; returns the notification shown. */
  async accept(organisation: string | RegExp): Promise<string> {
    await this.choose(this.organisation, organisation)
    await this.main.getByRole('button', { name: 'Accept and join', exact: true }).click()
    // The notification fades after a few seconds: read it as soon as it appears.
    const joined = this.notification(/^You joined the application /)
    await joined.waitFor()
    const text = await visibleText(joined)
    await this.page.waitForURL(/\/app\/applications\/[0-9a-f-]{36}$/)
    return text
  }
}
