import type { Locator } from 'playwright-core'
import { PageObject } from './base.ts'

/** /app/calls: the operators' list of calls. */
export class CallListPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/calls')
    return this.arrive()
  }
  async arrive(): Promise<this> {
    await this.arriveAt('calls list', 'Calls', [this.main.getByRole('table').or(this.main.getByText('No call yet.'))])
    return this
  }
  row(code: string): Locator {
    return this.main.getByRole('row').filter({ has: this.page.getByRole('cell', { name: code, exact: true }) })
  }
  async filterPhase(phase: string): Promise<void> {
    await this.choose(this.main.getByRole('combobox', { name: 'Phase', exact: true }), phase)
  }
}

/** /app/calls/new and /app/calls/:id/edit: the tabbed call editor. */
export class CallEditorPage extends PageObject {
  async arrive(heading: string | RegExp, label: string): Promise<this> {
    await this.arriveAt(label, heading, [this.tab('General')])
    return this
  }
  tab(name: string): Locator {
    return this.main.getByRole('tab', { name: new RegExp(`^${name}`) })
  }
  async openTab(name: string): Promise<void> {
    await this.tab(name).click()
    await this.main.getByRole('tab', { name: new RegExp(`^${name}`), selected: true }).waitFor()
  }
  /** The first save button (header), "Create the draft" or "Save". */
  get save(): Locator {
    return this.main.getByRole('button', { name: /^(Create the draft|Save)$/ }).first()
  }
  combobox(name: string, within: Locator = this.main): Locator {
    return within.getByRole('combobox', { name, exact: true })
  }
  /** A question row of the form builder (its expand button carries the question's label). */
  questionButton(label: string): Locator {
    return this.main.getByRole('button', { name: label, exact: true })
  }
  /** The form builder's section card, by its title. */
  section(title: string): Locator {
    return this.main.getByRole('region', { name: new RegExp(`^\\d+\\. ${title}$`) })
  }
  /** Picks options in a Mantine MultiSelect, then closes its list. */
  async pick(field: Locator, options: (string | RegExp)[]): Promise<void> {
    await field.click({ force: true })
    const listbox = this.page.getByRole('listbox')
    for (const o of options) await listbox.getByRole('option', { name: o, exact: true }).click()
    await this.page.keyboard.press('Escape')
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }
}
