/**
 * Page objects of the evaluation (issue 7): the operators' hub and a call's steps (set-up, assignment,
 * progress, consensus, ranking, selection, decisions), the experts' list and evaluation form, and the
 * applicant's result page. Each `goto`/`arrive` waits for the page's heading and its data, then runs axe.
 */
import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The operators' hub: closed calls with their evaluation state and links to each step. */
export class EvaluationHubPage extends PageObject {
  async arrive(label = 'evaluation hub'): Promise<this> {
    await this.arriveAt(label, 'Evaluations', [this.main.getByRole('table')])
    return this
  }
  /** The row of a call (by its code). */
  row(code: string): Locator {
    return this.main.getByRole('row').filter({ has: this.page.getByRole('link', { name: code, exact: true }) })
  }
  async search(text: string): Promise<void> {
    await this.main.getByRole('searchbox', { name: 'Search calls' }).fill(text)
  }
}

/** A step of one call's evaluation: its tabs under the title. */
abstract class CallStepPage extends PageObject {
  get tabs(): Locator {
    return this.main.getByRole('navigation', { name: 'Evaluation steps' })
  }
  /** Goes to another step through the tabs. */
  async openTab(name: string): Promise<void> {
    await this.tabs.getByRole('link', { name, exact: true }).click()
  }
}

export class SetupPage extends CallStepPage {
  async arrive(label = 'evaluation set-up'): Promise<this> {
    await this.arriveAt(label, 'Evaluation set-up', [
      this.main.getByRole('heading', { name: 'Phases', exact: true }),
      this.main.getByRole('heading', { name: 'Settings', exact: true }),
    ])
    return this
  }
  /** The fieldset of a phase; its legend reads "<phase> <status>". */
  phase(name: string): Locator {
    return this.main.getByRole('group', { name: new RegExp(`^${escapeRe(name)}`) })
  }
  get expertsPerApplication(): Locator {
    return this.main.getByRole('textbox', { name: 'Experts per application', exact: true })
  }
}

export class AssignmentPage extends CallStepPage {
  async arrive(label = 'assignment'): Promise<this> {
    await this.arriveAt(label, 'Assignment of experts', [
      this.main.getByRole('heading', { name: 'Loads per expert', exact: true }),
    ])
    return this
  }
  get runCard(): Locator {
    return this.main.locator('[aria-labelledby="assign-run"]')
  }
  /**
   * Runs the assignment and watches it: records whether the progress bar was shown and the highest
   * percentage it showed, until the outcome ("Assignment done") replaces it.
   */
  async run(): Promise<{ sawProgress: boolean; maxPercent: number }> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __progress: { saw: boolean; max: number } }
      w.__progress = { saw: false, max: 0 }
      const look = () => {
        for (const bar of document.querySelectorAll('main [role="progressbar"]')) {
          if (!bar.getAttribute('aria-labelledby')?.includes('assign-progress-label')) continue
          w.__progress.saw = true
          w.__progress.max = Math.max(w.__progress.max, Number(bar.getAttribute('aria-valuenow') ?? 0))
        }
      }
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true })
    })
    await this.runCard.getByRole('button', { name: 'Run the assignment', exact: true }).click()
    await this.runCard.getByText('Assignment done', { exact: true }).waitFor({ timeout: 60_000 })
    const seen = await this.page.evaluate(
      () => (window as unknown as { __progress: { saw: boolean; max: number } }).__progress,
    )
    return { sawProgress: seen.saw, maxPercent: seen.max }
  }
  /** The table of one application's experts. */
  panel(reference: string, acronym: string): Locator {
    return this.main.getByRole('region', { name: `Experts of ${reference} · ${acronym}`, exact: true })
  }
  /** Opens the "why" of a pair and returns its text. */
  async why(panel: Locator, expert: string): Promise<string> {
    await panel.getByRole('button', { name: `Why ${expert}?`, exact: true }).click()
    const dropdown = this.page.locator('.mantine-Popover-dropdown').filter({ visible: true })
    await dropdown.waitFor()
    await this.animationsDone()
    const text = await visibleText(dropdown)
    return text
  }
  async closeWhy(panel: Locator, expert: string): Promise<void> {
    await panel.getByRole('button', { name: `Why ${expert}?`, exact: true }).click()
    await this.page.locator('.mantine-Popover-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' })
  }
}

/** The expert's list of assignments per call. */
export class MyEvaluationsPage extends PageObject {
  async goto(label = 'my evaluations'): Promise<this> {
    await this.page.goto('/app/evaluations')
    return this.arrive(label)
  }
  async arrive(label = 'my evaluations'): Promise<this> {
    await this.arriveAt(label, 'My evaluations', [this.main.getByRole('listitem').first()])
    return this
  }
  /** The card of an assignment (by the application's acronym). */
  item(acronym: string): Locator {
    return this.main
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRe(acronym)} — `) }) })
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }
  /** Opens the "no conflict" dialog of an assignment (left open for the caller to check). */
  async openNoConflict(acronym: string): Promise<Locator> {
    await this.item(acronym)
      .getByRole('button', { name: 'I confirm I have no conflict of interest', exact: true })
      .click()
    await this.dialog.waitFor()
    await this.animationsDone()
    return this.dialog
  }
  async confirmNoConflict(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'I confirm I have no conflict of interest', exact: true }).click()
    await this.notification('Thank you: you can now evaluate this application.').waitFor()
    await this.dialog.waitFor({ state: 'hidden' })
  }
}

/** The application as submitted and the expert's evaluation form. */
export class EvaluationFormPage extends PageObject {
  async arrive(acronym: string, title: string, label = 'evaluation form'): Promise<this> {
    await this.arriveAt(label, `${acronym} — ${title}`, [
      this.main.getByRole('heading', { name: 'My evaluation', exact: true }),
    ])
    return this
  }
  criterion(name: string): Locator {
    return this.main.getByRole('group', { name, exact: true })
  }
  async score(criterion: string, score: string, text: string): Promise<void> {
    const group = this.criterion(criterion)
    await this.choose(group.getByRole('combobox', { name: 'Score', exact: true }), score)
    await group.getByRole('textbox', { name: 'Comment', exact: true }).fill(text)
  }
  async overall(text: string): Promise<void> {
    await this.main.getByRole('textbox', { name: 'Overall comment', exact: true }).fill(text)
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Submit this evaluation?' })
  }
  async openSubmit(): Promise<void> {
    await this.main.getByRole('button', { name: 'Submit', exact: true }).click()
    await this.dialog.waitFor()
    await this.animationsDone()
  }
  async confirmSubmit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Submit', exact: true }).click()
    await this.notification('Evaluation submitted.').waitFor()
    await this.dialog.waitFor({ state: 'hidden' })
  }
}

export class ConsensusListPage extends CallStepPage {
  async arrive(label = 'consensus list'): Promise<this> {
    await this.arriveAt(label, 'Consensus', [
      this.main.getByRole('region', { name: 'Applications (table)', exact: true }),
    ])
    return this
  }
  row(acronym: string): Locator {
    return this.main
      .getByRole('region', { name: 'Applications (table)', exact: true })
      .getByRole('row')
      .filter({ has: this.page.getByText(acronym, { exact: true }) })
  }
  async open(acronym: string): Promise<void> {
    await this.row(acronym)
      .getByRole('link', { name: `Open the consensus of ${acronym}`, exact: true })
      .click()
  }
}

export class ConsensusPage extends CallStepPage {
  async arrive(acronym: string, label = 'consensus of one application'): Promise<this> {
    await this.arriveAt(label, `Consensus: ${acronym}`, [
      this.main.getByRole('heading', { name: 'Individual evaluations', exact: true }),
    ])
    return this
  }
  get evaluations(): Locator {
    return this.main.locator('section[aria-labelledby="consensus-evaluations"]')
  }
  get record(): Locator {
    return this.main.locator('section[aria-labelledby="consensus-record"]')
  }
  criterion(name: string): Locator {
    return this.record.getByRole('group', { name, exact: true })
  }
  async score(criterion: string, score: string, text: string): Promise<void> {
    const group = this.criterion(criterion)
    await this.choose(group.getByRole('combobox', { name: `Consensus score: ${criterion}`, exact: true }), score)
    await group.getByRole('textbox', { name: `Consensus comment: ${criterion}`, exact: true }).fill(text)
  }
  justification(criterion: string): Locator {
    return this.criterion(criterion).getByRole('textbox', { name: `Justification: ${criterion}` })
  }
  async finalise(): Promise<void> {
    await this.record.getByRole('button', { name: 'Finalise', exact: true }).click()
    await this.notification('Consensus finalised.').waitFor()
  }
}

export class RankingPage extends CallStepPage {
  async arrive(label = 'ranking'): Promise<this> {
    await this.arriveAt(label, 'Ranking', [
      this.main.getByRole('region', { name: 'Applications by rank (table)', exact: true }),
    ])
    return this
  }
  get table(): Locator {
    return this.main.getByRole('region', { name: 'Applications by rank (table)', exact: true })
  }
  /** The text of every row of the table, in order. */
  async rows(): Promise<string[]> {
    const rows = this.table.getByRole('row')
    const n = await rows.count()
    const out: string[] = []
    for (let i = 1; i < n; i++) out.push(await visibleText(rows.nth(i)))
    return out
  }
}

export class ProgressPage extends CallStepPage {
  async arrive(label = 'evaluation progress'): Promise<this> {
    await this.arriveAt(label, 'Evaluation progress', [
      this.main.getByRole('heading', { name: 'Score distributions', exact: true }),
      this.main.getByRole('heading', { name: 'Calibration of the experts', exact: true }),
    ])
    return this
  }
}

export class SelectionPage extends CallStepPage {
  async arrive(label = 'selection'): Promise<this> {
    await this.arriveAt(label, 'Selection under a budget', [
      this.main.getByRole('heading', { name: 'New scenario', exact: true }),
    ])
    return this
  }
  get form(): Locator {
    return this.main.locator('form[aria-labelledby="scenario-form"]')
  }
  async createScenario(name: string, budgetEuros: number): Promise<void> {
    await this.form.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
    const budget = this.form.getByRole('textbox', { name: 'Budget (EUR)', exact: true })
    await budget.fill(String(budgetEuros))
    await this.form.getByRole('button', { name: 'Compute the scenario', exact: true }).click()
    await this.notification(`Scenario “${name}” computed.`).waitFor()
  }
  results(name: string): Locator {
    return this.main.locator('section[aria-labelledby="scenario-results"]').filter({
      has: this.page.getByRole('heading', { name: `Scenario “${name}”`, exact: true }),
    })
  }
  /** The rows of the shown scenario's table, as text, in order. */
  async resultRows(name: string): Promise<string[]> {
    const rows = this.results(name)
      .getByRole('region', { name: `Scenario “${name}” (table)` })
      .getByRole('row')
    await rows.nth(1).waitFor()
    const n = await rows.count()
    const out: string[] = []
    for (let i = 1; i < n; i++) out.push(await visibleText(rows.nth(i)))
    return out
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }
  async openAdopt(name: string): Promise<void> {
    await this.results(name).getByRole('button', { name: 'Adopt this scenario', exact: true }).click()
    await this.dialog.waitFor()
    await this.animationsDone()
  }
  async confirmAdopt(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Adopt', exact: true }).click()
    await this.notification(`Scenario “${name}” adopted.`).waitFor()
    await this.dialog.waitFor({ state: 'hidden' })
  }
}

export class DecisionsPage extends CallStepPage {
  async arrive(label = 'decisions'): Promise<this> {
    await this.arriveAt(label, 'Decisions')
    return this
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }
  /** Clicks `button`, checks the dialog with axe, confirms with `confirm`; waits for `done`. */
  async confirmAction(button: string, confirm: string, done: string | RegExp, label: string): Promise<string> {
    await this.main.getByRole('button', { name: button, exact: true }).click()
    await this.dialog.waitFor()
    await this.checkA11y(label)
    const text = await visibleText(this.dialog)
    await this.dialog.getByRole('button', { name: confirm, exact: true }).click()
    await this.notification(done).waitFor()
    await this.dialog.waitFor({ state: 'hidden' })
    return text
  }
  get table(): Locator {
    return this.main.getByRole('region', { name: 'Decisions (table)', exact: true })
  }
}

export class ResultPage extends PageObject {
  async arrive(reference: string, label = 'evaluation result'): Promise<this> {
    await this.arriveAt(label, `Evaluation result — ${reference}`, [
      this.main.getByRole('heading', { name: 'Consensus scores and comments', exact: true }),
    ])
    return this
  }
  get download(): Locator {
    return this.main.getByRole('link', { name: 'Download the evaluation summary (PDF)', exact: true })
  }
}
