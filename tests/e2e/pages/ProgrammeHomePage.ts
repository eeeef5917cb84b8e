import type { Locator, Page } from 'playwright-core'
import { PageObject } from './base.ts'

/** The headings of the programme home in one language (the page object locates sections by them). */
export interface ProgrammeHomeTexts {
  calls: string
  domains: string
  clusters: string
}
export const homeTexts = {
  en: { calls: 'Open calls', domains: 'Domains', clusters: 'Partner clusters' },
  fr: { calls: 'Appels ouverts', domains: 'Domaines', clusters: 'Clusters partenaires' },
} satisfies Record<string, ProgrammeHomeTexts>

/** The public programme home (/), rendered on the server and hydrated. */
export class ProgrammeHomePage extends PageObject {
  readonly texts: ProgrammeHomeTexts
  constructor(page: Page, texts: ProgrammeHomeTexts = homeTexts.en) {
    super(page)
    this.texts = texts
  }

  /** Opens `/` (with `query`, e.g. `?lang=fr`) and checks it. `label` names it in axe reports. */
  async goto(query = '', label = `programme home ${query}`.trim()): Promise<this> {
    await this.page.goto(`/${query}`)
    return this.arrive(label)
  }
  async arrive(label: string): Promise<this> {
    await this.arriveAt(label, 'New industrial value chain for Safe, sECure and Resilient cIties and Territories', [
      this.region(this.texts.clusters),
    ])
    return this
  }

  region(name: string): Locator {
    return this.main.getByRole('region', { name, exact: true })
  }
  private async h3s(section: string): Promise<string[]> {
    return (await this.region(section).getByRole('heading', { level: 3 }).allInnerTexts()).map((s) => s.trim())
  }
  clusterNames(): Promise<string[]> {
    return this.h3s(this.texts.clusters)
  }
  domainNames(): Promise<string[]> {
    return this.h3s(this.texts.domains)
  }
  callTitles(): Promise<string[]> {
    return this.h3s(this.texts.calls)
  }
}
