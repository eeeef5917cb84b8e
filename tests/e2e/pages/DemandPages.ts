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

/** /app/workshops/new (and …/edit): the organiser's workshop form. */
export class WorkshopFormPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/workshops/new')
    await this.arriveAt('new workshop form', 'New workshop', [this.textbox('Title')])
    return this
  }
  /** A datetime-local field by its label, required asterisk or not (typed as `2030-03-10T09:30`, in the workshop's zone). */
  dateTime(name: string): Locator {
    return this.main.getByLabel(new RegExp(`^${name}( \\*)?$`))
  }
  area(name: string): Locator {
    return this.main.getByRole('textbox', { name, exact: true })
  }
}

/** /app/workshops/:id: practical information, the vote, captures and (for organisers) the organiser's cards. */
export class WorkshopPage extends PageObject {
  async arrive(title: string): Promise<this> {
    await this.arriveAt(`workshop ${title}`, title, [
      this.main.getByRole('heading', { name: 'Practical information' }),
      this.main.getByRole('heading', { name: 'Use cases captured here' }),
    ])
    return this
  }
  button(name: string): Locator {
    return this.main.getByRole('button', { name, exact: true }).or(this.main.getByRole('link', { name, exact: true }))
  }
  /** The value shown for one practical field (a <dt>/<dd> pair). */
  async field(label: string): Promise<string> {
    const dd = this.main.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]')
    return visibleText(dd)
  }
  get captured(): Locator {
    return this.main
      .getByRole('region', { name: 'Use cases captured here' })
      .or(this.main.locator('section[aria-labelledby="ws-captured"]'))
  }
}

/** /app/workshops/:id/vote: points across the use cases, starting from the saved ballot. */
export class VotePage extends PageObject {
  async arrive(): Promise<this> {
    await this.arriveAt('vote page', 'Prioritise the use cases', [this.main.getByText(/^Points left: /)])
    return this
  }
  points(title: string): Locator {
    return this.main.getByRole('textbox', { name: title, exact: true })
  }
  get save(): Locator {
    return this.main.getByRole('button', { name: 'Save my vote', exact: true })
  }
}

/** /app/workshops/:id/results: the tally as a chart and as a table. */
export class ResultsPage extends PageObject {
  async arrive(): Promise<this> {
    await this.arriveAt('results page', 'Vote results', [this.main.getByRole('table')])
    return this
  }
  /** The table's rows as [rank, use case, points, voters] texts. */
  async rows(): Promise<string[][]> {
    const rows = this.main.getByRole('table').getByRole('row')
    const out: string[][] = []
    for (let i = 1; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('th, td')
      const texts: string[] = []
      for (let j = 0; j < (await cells.count()); j++) texts.push(await visibleText(cells.nth(j)))
      out.push(texts)
    }
    return out
  }
}

/** /app/cluster-members: the member organisations of the cluster the person looks after. */
export class ClusterMembersPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/cluster-members')
    await this.arriveAt('cluster members', 'Cluster members', [
      this.main.getByRole('table').or(this.main.getByText('No member organisation yet')),
    ])
    return this
  }
  row(name: string): Locator {
    return this.main.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }
}
