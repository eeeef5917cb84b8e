import type { Locator, Page } from 'playwright-core'

/** The layout of every /app page: skip link, header (brand, language, account menu), navigation. */
export class Shell {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  get skipLink(): Locator {
    return this.page.getByRole('link', { name: 'Skip to main content' })
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main navigation' })
  }

  /** The burger button shown below 768 px (its name says whether it opens or closes). */
  get burger(): Locator {
    return this.page.getByRole('button', { name: /^(Open|Close) navigation$/ })
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true })
  }

  /** The visible text of every navigation link, in order. */
  async navLinks(): Promise<string[]> {
    await this.navigation.getByRole('link').first().waitFor()
    return (await this.navigation.getByRole('link').allInnerTexts()).map((s) => s.trim())
  }

  async openNavigation(): Promise<void> {
    const burger = this.page.getByRole('button', { name: 'Open navigation' })
    await burger.click()
    await this.page.getByRole('button', { name: 'Close navigation', expanded: true }).waitFor()
    // Below 768 px the navigation slides in: wait until it is on screen.
    await this.page.waitForFunction(() => {
      const nav = document.getElementById('app-navigation')
      return nav !== null && nav.getBoundingClientRect().left >= 0
    })
  }

  /** Waits until the navigation has slid out of the screen (narrow screens, after a link or the burger). */
  async waitForNavigationClosed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open navigation', expanded: false }).waitFor()
    await this.page.waitForFunction(() => {
      const nav = document.getElementById('app-navigation')
      return nav !== null && nav.getBoundingClientRect().right <= 0
    })
  }

  /**
   * Whether the navigation is on screen. Closed on a narrow screen, it is moved off screen (so
   * Playwright still calls its links "visible"): this looks at where it is.
   */
  async navigationOnScreen(): Promise<boolean> {
    const box = await this.navigation.boundingBox()
    const width = this.page.viewportSize()?.width ?? 0
    return box !== null && box.x + box.width > 0 && box.x < width
  }

  async navigate(name: string): Promise<void> {
    await this.navLink(name).click()
  }

  /** The language switcher in the header (a menu button). */
  get languageButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /Language|Langue|Taal/ })
  }

  async chooseLanguage(name: 'English' | 'Français' | 'Nederlands'): Promise<void> {
    await this.languageButton.click()
    await this.page.getByRole('menuitem', { name }).click()
    // Until its closing transition ends, the menu is an empty role=menu outside any landmark.
    await this.page.getByRole('menu').waitFor({ state: 'hidden' })
  }

  /** The account menu button; its name carries the person's name and "Account menu". */
  accountMenu(name: string): Locator {
    return this.page
      .getByRole('banner')
      .getByRole('button', { name: /Account menu/ })
      .filter({ hasText: name })
  }

  async signOut(name: string): Promise<void> {
    await this.accountMenu(name).click()
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click()
    await this.page.waitForURL('**/app/sign-in')
  }
}
