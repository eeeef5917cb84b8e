import type { Download, Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What a partner writes in its own part (the Consortium tab), amounts in whole euros. */
export interface PartValues {
  contactName: string
  contactEmail: string
  role: string
  personnel: number
  requested: number
  signatory: string
  signatoryRole: string
}

/** One organisation of the consortium in the Consortium tab (an accordion item). */
export class PartnerItem {
  readonly root: Locator
  readonly editor: ApplicationEditorPage
  constructor(editor: ApplicationEditorPage, legalName: string) {
    this.editor = editor
    this.root = editor.main
      .locator('.mantine-Accordion-item')
      .filter({ has: editor.page.getByRole('button', { name: new RegExp(`^${escapeRegExp(legalName)}`) }) })
  }
  /** The part's own autosave status ("Saved at 10:42"). */
  get saveStatus(): Locator {
    return this.root.getByTestId('save-status')
  }
  textbox(name: string): Locator {
    return this.root.getByRole('textbox', { name, exact: true })
  }
  async open(): Promise<void> {
    const control = this.root.locator('.mantine-Accordion-control')
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click()
    await this.root.locator('.mantine-Accordion-control[aria-expanded="true"]').waitFor()
  }
  /** Badges and facts of the item's header, as shown. */
  async header(): Promise<string> {
    return visibleText(this.root.locator('.mantine-Accordion-control'))
  }
  /**
   * Fills the whole part (contact, role, budget line, SME declaration, declaration of honour), one field
   * at a time at a person's pace: each field is left (which saves it at once) and its save awaited before
   * the next, so that each step's save status is what the journey sees. (The editor builds the screen on
   * the newest saved part, so a field typed in the instant a save comes back keeps the others of its group:
   * web/features/applications/editor/drafts.test.ts.)
   */
  async fill(v: PartValues): Promise<void> {
    const type = async (box: Locator, value: string) => {
      await box.fill(value)
      await box.blur()
      await this.waitSettled()
    }
    const tick = async (box: Locator) => {
      await box.click()
      await box.and(this.editor.page.locator(':checked')).waitFor()
      await this.waitSettled()
    }
    await type(this.textbox('Contact person'), v.contactName)
    await type(this.textbox('Contact e-mail'), v.contactEmail)
    await type(this.textbox('Role in the project'), v.role)
    await type(this.textbox('Personnel costs'), String(v.personnel))
    await type(this.textbox('Support requested'), String(v.requested))
    await tick(this.root.getByRole('radio', { name: 'Small enterprise', exact: true }))
    await tick(this.root.getByRole('checkbox', { name: /^I confirm this declaration is true/ }))
    for (const statement of [
      /^the organisation is not in any exclusion situation/,
      /^there is no conflict of interest/,
      /^the organisation is not linked to any partner of the programme/,
      /^the same work is not funded by another EU grant/,
    ])
      await tick(this.root.getByRole('checkbox', { name: statement }))
    await type(this.textbox('Name of the signatory'), v.signatory)
    await type(this.textbox('Position of the signatory'), v.signatoryRole)
    await this.waitSaved()
  }
  /** Nothing left to save: "Saved at …", or "All changes saved" when there was nothing to send. */
  async waitSettled(): Promise<void> {
    await this.saveStatus.and(this.editor.page.locator('[data-state="saved"], [data-state="idle"]')).waitFor()
  }
  async waitSaved(): Promise<void> {
    await this.saveStatus.and(this.editor.page.locator('[data-state="saved"]')).waitFor()
  }
  async confirm(): Promise<void> {
    await this.root.getByRole('button', { name: 'Confirm my part', exact: true }).click()
    await this.root.getByText(/^Confirmed on .+ \(version \d+\)\./).waitFor()
  }
}

/** /app/applications/:id: the editor (form, consortium, submission), its readiness panel and dialogs. */
export class ApplicationEditorPage extends PageObject {
  /** Arrives once the application and its call are loaded (the tabs and the first section are shown). */
  async arrive(title: string, label: string): Promise<this> {
    await this.page.waitForURL(/\/app\/applications\/[0-9a-f-]{36}$/)
    await this.arriveAt(label, title, [this.tab('Application form')])
    return this
  }
  get id(): string {
    return new URL(this.page.url()).pathname.split('/').at(-1) ?? ''
  }
  tab(name: 'Application form' | 'Consortium' | 'Submission'): Locator {
    return this.main.getByRole('tab', { name: new RegExp(`^${name}`) })
  }
  async openTab(name: 'Application form' | 'Consortium' | 'Submission'): Promise<void> {
    await this.tab(name).click()
    await this.main.getByRole('tab', { name: new RegExp(`^${name}`), selected: true }).waitFor()
  }
  /** A section of the form, from the side navigation ("2. Budget"). */
  async openSection(title: string): Promise<void> {
    await this.main
      .getByRole('navigation', { name: 'Sections of the form' })
      .getByRole('button', { name: title })
      .click()
    await this.main.getByRole('heading', { level: 2, name: title, exact: true }).waitFor()
  }
  /** A text or number question of the shared sections, by its label. */
  question(label: string): Locator {
    return this.main.getByRole('textbox', { name: label, exact: true })
  }
  /** The autosave status of the shared answers, in the page header. */
  get saveStatus(): Locator {
    return this.main.getByTestId('save-status').first()
  }
  async waitSaved(): Promise<void> {
    await this.saveStatus.and(this.page.locator('[data-state="saved"]')).waitFor()
  }
  partner(legalName: string): PartnerItem {
    return new PartnerItem(this, legalName)
  }

  // ---- Readiness ----

  get readiness(): Locator {
    return this.main.getByRole('region', { name: 'Readiness', exact: true })
  }
  get readinessSummary(): Locator {
    return this.readiness.getByTestId('readiness-summary')
  }
  /** The issues listed, each as "text (where)" the way a reader sees them. */
  async issues(): Promise<string[]> {
    const out: string[] = []
    for (const item of await this.readiness.getByRole('listitem').all()) {
      const text = await visibleText(item.getByRole('button'))
      // The place of the issue (partner · question) is the paragraph under its link.
      const where = item.locator('p')
      out.push((await where.count()) > 0 ? `${text} (${await visibleText(where)})` : text)
    }
    return out
  }
  /** The link of an issue (it takes the person to the field that fixes it). */
  issue(text: string | RegExp): Locator {
    return this.readiness.getByRole('listitem').filter({ hasText: text }).getByRole('button')
  }
  /** Waits until the summary line reads `text` (it is recomputed on every keystroke). */
  async readinessIs(text: string | RegExp): Promise<void> {
    await this.readinessSummary.filter({ hasText: text }).waitFor()
  }

  // ---- Submission ----

  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }
  /** Opens the submit dialog from the Submission tab ("Submit the application" or "Resubmit the application"). */
  async openSubmitDialog(button: string, title: string): Promise<void> {
    await this.openTab('Submission')
    await this.main.getByRole('button', { name: button, exact: true }).click()
    await this.page.getByRole('dialog', { name: title }).waitFor()
    await this.checkA11y(`submit dialog (${title})`)
  }
  /** Submits from the dialog; returns the notification shown (read at once: it fades after a few seconds). */
  async submitNow(revision: number): Promise<string> {
    await this.dialog.getByRole('button', { name: 'Submit now', exact: true }).click()
    const done = this.notification(new RegExp(`^Revision ${revision} of .+ submitted\\.`))
    await done.waitFor()
    const text = await visibleText(done)
    await this.dialog.waitFor({ state: 'hidden' })
    await this.receiptHeading(revision).waitFor()
    return text
  }
  receiptHeading(revision: number): Locator {
    return this.main.getByRole('heading', { level: 2, name: `Receipt of revision ${revision}`, exact: true })
  }
  get receipt(): Locator {
    return this.main.getByRole('region', { name: /^Receipt of revision \d+$/ })
  }
  async downloadReceiptJson(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.receipt.getByRole('link', { name: 'Download receipt.json', exact: true }).click(),
    ])
    return download
  }
  get revisions(): Locator {
    return this.main.getByRole('region', { name: 'Submitted revisions', exact: true })
  }
  /** The revisions table as shown: revision number (with "Counts" on the one that counts), newest first. */
  async revisionRows(): Promise<string[]> {
    return Promise.all(
      (await this.revisions.locator('tbody tr').all()).map((row) => visibleText(row.getByRole('rowheader'))),
    )
  }
  /** The "Counts" badge of the revision that counts is shown whole: not cut by its label or its cell. */
  async countsBadgeFits(): Promise<boolean> {
    return this.revisions
      .locator('tbody .mantine-Badge-root')
      .first()
      .evaluate((badge) => {
        const label = badge.querySelector<HTMLElement>('.mantine-Badge-label') ?? (badge as HTMLElement)
        const cell = badge.closest('th, td')!.getBoundingClientRect()
        const box = badge.getBoundingClientRect()
        return (
          label.scrollWidth <= label.clientWidth &&
          badge.scrollWidth <= badge.clientWidth &&
          box.left >= cell.left &&
          box.right <= cell.right
        )
      })
  }
  get deadlineBanner(): Locator {
    return this.main.getByTestId('deadline-banner')
  }
}
