import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

/** The development mailbox (/app/admin/mailbox) and one message (/app/admin/mailbox/$id), for operators. */
export class MailboxPage extends PageObject {
  get table(): Locator {
    return this.main.getByRole('table', { name: 'Development mailbox' })
  }
  get recipientFilter(): Locator {
    return this.main.getByRole('searchbox', { name: 'Recipient', exact: true })
  }

  async goto(opts: { to?: string } = {}): Promise<this> {
    await this.page.goto(`/app/admin/mailbox${opts.to ? `?to=${encodeURIComponent(opts.to)}` : ''}`)
    await this.arriveAt('development mailbox', 'Development mailbox', [this.table])
    return this
  }

  /** The row of the newest message to `to` with this subject (the mailbox lists the newest first). */
  row(to: string, subject: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: subject, exact: true }) })
      .filter({ hasText: to })
      .first()
  }

  /** Filters by recipient with the form, then opens the newest message to them with this subject. */
  async openMessage(to: string, subject: string): Promise<MessagePage> {
    await this.recipientFilter.fill(to)
    await this.page.waitForURL((u) => u.searchParams.get('to') === to)
    await this.row(to, subject).getByRole('link', { name: subject, exact: true }).click()
    return new MessagePage(this.page).arrive(subject)
  }
}

export class MessagePage extends PageObject {
  async arrive(subject: string): Promise<this> {
    await this.page.waitForURL(/\/app\/admin\/mailbox\/[^/?]+$/)
    await this.arriveAt(`mail message "${subject}"`, subject, [this.main.getByText('To', { exact: true })])
    return this
  }

  /** What the message says about itself (To, Date, Status), as shown. */
  async field(label: 'To' | 'Date' | 'Status'): Promise<string> {
    const dt = this.main.locator('dt', { hasText: label })
    return await visibleText(dt.locator('xpath=following-sibling::dd[1]'))
  }

  /** The href of the first link in the text body that contains `pathPart`. */
  async linkHref(pathPart: string): Promise<string> {
    const link = this.main.locator(`a[href*="${pathPart}"]`).first()
    await link.waitFor()
    const href = await link.getAttribute('href')
    if (!href) throw new Error(`no link containing ${pathPart}`)
    return href
  }
}
