import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

/** /app/use-cases: the list of use cases. */
export class UseCaseListPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/use-cases')
    await this.arriveAt('use-case list', 'Use cases', [
      this.main.getByRole('table').or(this.main.getByText('No use case yet')),
    ])
    return this
  }
  row(title: string): Locator {
    return this.main.getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
  }
}

/** /app/use-cases/new and …/edit: the use-case template. */
export class UseCaseFormPage extends PageObject {
  async arrive(heading = 'New use case'): Promise<this> {
    await this.arriveAt(`use-case form (${heading})`, heading, [this.textbox('Title')])
    return this
  }
  area(name: string): Locator {
    return this.main.getByRole('textbox', { name, exact: true })
  }
  get save(): Locator {
    return this.main.getByRole('button', { name: /^(Save the draft|Save)$/ })
  }
}

/** /app/use-cases/:id: content, history, actions, comments and revisions. */
export class UseCaseDetailPage extends PageObject {
  async arrive(title: string): Promise<this> {
    await this.arriveAt(`use case ${title}`, title, [this.main.getByRole('heading', { name: 'Status history' })])
    return this
  }
  action(name: string): Locator {
    return this.main.getByRole('button', { name, exact: true })
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }
  /** The status badge next to the heading. */
  async status(): Promise<string> {
    return visibleText(this.page.locator('#page-title ~ * .mantine-Badge-root').first())
  }
  async statusIs(text: string): Promise<void> {
    await this.page
      .locator('.mantine-Badge-root')
      .filter({ hasText: new RegExp(`^${text}$`) })
      .first()
      .waitFor()
  }
  /** Opens a lifecycle action's dialog and confirms it (with a reason when given). */
  async act(name: string, reason?: string): Promise<void> {
    await this.action(name).click()
    await this.dialog.waitFor()
    if (reason !== undefined) await this.dialog.getByRole('textbox').fill(reason)
    await this.dialog.getByRole('button', { name, exact: true }).click()
  }
}
