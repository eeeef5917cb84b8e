import type { Locator, Page } from 'playwright-core'
import { expectNoAxeViolations } from '../../support/e2e.ts'

/** Text with its runs of white space collapsed. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** The text a person sees in `locator`: the rendered text (CSS applied), white space collapsed. */
export async function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, the rendered text the journeys assert on
  return squash(await locator.innerText())
}

/**
 * Waits until `locator` shows exactly `expected` (white space collapsed), like an auto-retrying
 * assertion: a list refetched in the background may show its cached rows first.
 */
export async function waitForText(locator: Locator, expected: string): Promise<void> {
  const exact = new RegExp(`^\\s*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}\\s*$`)
  try {
    await locator.filter({ hasText: exact }).waitFor()
  } catch (error) {
    const actual = (await locator.textContent({ timeout: 1000 }).catch(() => null)) ?? '(nothing)'
    throw new Error(`expected "${expected}" but found "${squash(actual)}"`, { cause: error })
  }
}

/**
 * The document's scroll width once it holds over three frames in a row: after a change of viewport the
 * app shell and progress bars take a few frames to reflow, and a first frame can be 30 px too wide.
 */
export async function settledScrollWidth(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    let last = -1
    let steady = 0
    for (let i = 0; i < 120 && steady < 3; i++) {
      await frame()
      const width = document.documentElement.scrollWidth
      steady = width === last ? steady + 1 : 0
      last = width
    }
    return last
  })
}

/**
 * What every page object shares: the page's one <h1> and the axe check. A page object's `goto` or
 * `arrive` waits for its heading (and for its data, not a skeleton) and then runs axe, so every page a
 * journey visits is checked; `checkA11y` runs axe again after a significant change (an error shown, a
 * dialog opened).
 */
export abstract class PageObject {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  /** The page's <h1>, by level (every page has exactly one, PageHeader's `#page-title`). */
  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name === undefined ? {} : { name, exact: true }) })
  }

  /** The `<main>` landmark. */
  get main(): Locator {
    return this.page.getByRole('main')
  }

  /** Waits for the heading, then for `ready` (data loaded), then runs axe. */
  protected async arriveAt(label: string, heading: string | RegExp, ready: Locator[] = []): Promise<void> {
    await this.heading(heading).waitFor()
    for (const l of ready) await l.waitFor()
    await this.settled()
    await this.checkA11y(label)
  }

  /** No skeleton left in the main content (lists and panels have loaded). */
  protected async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelectorAll('main .mantine-Skeleton-root').length === 0)
  }

  /**
   * Runs axe once transitions are over: a dialog or a notification that is still fading in has a
   * partial opacity, and axe would measure the contrast of its text half-way.
   */
  async checkA11y(label: string): Promise<void> {
    await this.animationsDone()
    await expectNoAxeViolations(this.page, label)
  }

  /**
   * Waits until no finite CSS transition or animation is running (infinite ones, loaders, are ignored) and
   * every dialog shown is fully opaque: a modal is mounted at opacity 0 one frame before its transition
   * starts, a moment when no animation runs yet. Checked on two frames in a row.
   */
  async animationsDone(): Promise<void> {
    const still = () => {
      const running = document
        .getAnimations()
        .some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
      if (running) return false
      for (const dialog of document.querySelectorAll('[role="dialog"], [role="alertdialog"]')) {
        const shown = getComputedStyle(dialog)
        if (shown.display === 'none' || shown.visibility === 'hidden') continue
        for (let el: Element | null = dialog; el && el !== document.body; el = el.parentElement) {
          if (Number.parseFloat(getComputedStyle(el).opacity) < 1) return false
        }
      }
      return true
    }
    await this.page.waitForFunction(still)
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
    await this.page.waitForFunction(still)
  }

  /**
   * How many pixels the page scrolls sideways once transitions are over and the layout has settled
   * (see `settledScrollWidth`).
   */
  async sidewaysOverflow(): Promise<number> {
    await this.animationsDone()
    return (await settledScrollWidth(this.page)) - (this.page.viewportSize()?.width ?? 0)
  }

  /** A notification (toast, role=alert) with this text. */
  notification(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text })
  }

  /** A text input (also password inputs) by its accessible name, without the required asterisk. */
  textbox(name: string, within: Locator | Page = this.page): Locator {
    return within.getByRole('textbox', { name, exact: true })
  }

  /** Picks an option in a Mantine Select (a combobox that opens a listbox); a string matches exactly. */
  async choose(select: Locator, option: string | RegExp): Promise<void> {
    await select.click()
    const listbox = this.page.getByRole('listbox')
    await listbox.getByRole('option', { name: option, exact: true }).click()
    await listbox.waitFor({ state: 'hidden' })
  }

  /** The error message shown under a form field (Mantine links it through aria-describedby). */
  async fieldError(field: Locator): Promise<string> {
    await field.and(this.page.locator('[aria-describedby*="-error"]')).waitFor()
    const ids = ((await field.getAttribute('aria-describedby')) ?? '')
      .split(/\s+/)
      .filter((id) => id.endsWith('-error'))
    const message = this.page.locator(`[id="${ids[0]}"]`)
    await message.waitFor()
    return await visibleText(message)
  }

  /** Whether assistive technology is told that the field is invalid. */
  async isInvalid(field: Locator): Promise<boolean> {
    return (await field.getAttribute('aria-invalid')) === 'true'
  }
}
