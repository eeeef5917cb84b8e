import type { Locator } from 'playwright-core'
import { PageObject, squash } from './base.ts'

/** A public domain page (`/domains/:code`), server-rendered; works without JavaScript. */
export class DomainPage extends PageObject {
  /** Opens `/domains/:code` (with `query`, e.g. `?lang=fr`) and waits for the domain's name. */
  async goto(code: string, name: string, query = ''): Promise<this> {
    await this.page.goto(`/domains/${code}${query}`)
    await this.heading(name).waitFor()
    return this
  }
  /** Like `goto`, then axe (needs scripts to run: not in a context with JavaScript disabled). */
  async visit(code: string, name: string, label: string, query = ''): Promise<this> {
    await this.goto(code, name, query)
    await this.checkA11y(label)
    return this
  }

  get challenges(): Locator {
    return this.main.getByRole('region', { name: /challenges in this domain|défis de ce domaine/i })
  }
  /** The titles of the challenge cards, in order. */
  async challengeTitles(): Promise<string[]> {
    return (await this.challenges.getByRole('heading', { level: 3 }).allInnerTexts()).map(squash)
  }
  /** The breadcrumb trail as its link texts and the current page's text. */
  async breadcrumbs(): Promise<string[]> {
    return (
      await this.page
        .getByRole('navigation', { name: /breadcrumb|fil d’ariane/i })
        .getByRole('listitem')
        .allInnerTexts()
    ).map(squash)
  }
}
