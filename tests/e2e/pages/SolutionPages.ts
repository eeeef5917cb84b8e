import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

/** /app/solutions: "Our solutions" of the person's organisation. */
export class SolutionListPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/solutions')
    return this.arrive()
  }
  async arrive(): Promise<this> {
    await this.arriveAt('our solutions', 'Our solutions', [
      this.main.getByRole('table').or(this.main.getByText('No solution yet')),
    ])
    return this
  }
  row(name: string): Locator {
    return this.main.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }
}

/** /app/solutions/new and …/edit: the solution form. */
export class SolutionFormPage extends PageObject {
  async arrive(heading = 'New solution'): Promise<this> {
    await this.arriveAt(`solution form (${heading})`, heading, [this.textbox('Name')])
    return this
  }
  area(name: string): Locator {
    return this.main.getByRole('textbox', { name, exact: true })
  }
  combobox(name: string): Locator {
    return this.main.getByRole('combobox', { name, exact: true })
  }
  get save(): Locator {
    return this.main.getByRole('button', { name: /^(Save the draft|Save)$/ })
  }
  /** Picks options in a Mantine MultiSelect, then closes its list. */
  async pick(name: string, options: (string | RegExp)[]): Promise<void> {
    // The field is a combobox inside Mantine's pills box, which takes the click.
    const box = this.main.getByRole('combobox', { name, exact: true })
    await box.click({ force: true })
    const listbox = this.page.getByRole('listbox')
    for (const o of options) await listbox.getByRole('option', { name: o }).first().click()
    await this.page.keyboard.press('Escape')
  }
}

/** /app/solutions/:id: the solution, its media, TRL card and history. */
export class SolutionDetailPage extends PageObject {
  async arrive(name: string): Promise<this> {
    await this.arriveAt(`solution ${name}`, name, [this.trlCard])
    return this
  }
  get trlCard(): Locator {
    return this.main.getByRole('region', { name: 'Technology readiness' })
  }
  get history(): Locator {
    return this.main.getByRole('region', { name: 'Assessments over time' })
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }
  async trlText(): Promise<string> {
    return visibleText(this.trlCard)
  }
}

/** /app/solutions/:id/trl/:assessmentId: the TRL wizard. */
export class TrlWizardPage extends PageObject {
  async arrive(level: number | 'result'): Promise<this> {
    await this.arriveAt(`TRL wizard (${level})`, 'TRL self-assessment', [this.levelHeading(level)])
    return this
  }
  levelHeading(level: number | 'result'): Locator {
    return this.main.getByRole('heading', {
      level: 2,
      name: level === 'result' ? 'Your result' : new RegExp(`^TRL ${level} · `),
    })
  }
  /** The criteria of the level shown, in order. */
  get criteria(): Locator {
    return this.main.locator('[data-answer]')
  }
  /** Answers "yes" to the nth criterion, with evidence (a link unless `link` is null). */
  async yes(n: number, text: string, link: string | null): Promise<void> {
    const c = this.criteria.nth(n)
    await c.getByRole('radio', { name: 'Yes', exact: true }).check()
    await c.getByRole('textbox', { name: 'What shows it?' }).fill(text)
    if (link !== null) await c.getByRole('textbox', { name: 'Link to the evidence' }).fill(link)
  }
  async no(n: number): Promise<void> {
    await this.criteria.nth(n).getByRole('radio', { name: 'No', exact: true }).check()
  }
  /** "Yes" with a link to every criterion of the level shown. */
  async allYes(level: number): Promise<void> {
    const count = await this.criteria.count()
    for (let i = 0; i < count; i++) {
      await this.yes(
        i,
        `Level ${level} evidence ${i + 1}: test report of March 2025`,
        `https://example.org/evidence/${level}-${i + 1}`,
      )
    }
  }
  button(name: string): Locator {
    return this.main.getByRole('button', { name, exact: true })
  }
}
