import type { Locator } from 'playwright-core'
import { PageObject } from './base.ts'

/** /app/invitations/$token: what the invitation offers, and the button that accepts it. */
export class InvitationPage extends PageObject {
  async goto(href: string): Promise<this> {
    await this.page.goto(href)
    return this.arrive()
  }
  /** Arrives (also after a redirect back here) once the invitation's details are shown. */
  async arrive(): Promise<this> {
    await this.page.waitForURL('**/app/invitations/**')
    await this.arriveAt('invitation', 'Invitation', [this.offer])
    return this
  }
  /** "You are invited to join {organisation} as {role}." */
  get offer(): Locator {
    return this.main.getByText(/^You are invited to join /)
  }
  get sentTo(): Locator {
    return this.main.getByText(/^This invitation was sent to /)
  }
  acceptButton(legalName: string): Locator {
    return this.main.getByRole('button', { name: `Join ${legalName}`, exact: true })
  }
  /** Accepts and lands on the organisation's page. */
  async accept(legalName: string): Promise<void> {
    await this.acceptButton(legalName).click()
    await this.page.waitForURL(/\/app\/organisations\/[0-9a-f-]{36}$/)
    await this.notification(`Welcome to ${legalName}.`).waitFor()
  }
}
