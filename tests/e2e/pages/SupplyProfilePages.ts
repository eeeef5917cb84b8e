import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

export interface FiguresInput {
  headcount?: string
  turnover?: string
  balanceSheet?: string
  financialYear?: string
  foundedYear?: string
  region?: string
}

export interface RelationInput {
  kind: 'Partner enterprise (25 to 50 %)' | 'Linked enterprise (more than 50 %, or control)'
  name: string
  country: string
  share: string
  headcount: string
  turnover: string
  balanceSheet: string
}

/** The "Applicant profile" tab of an organisation (/app/organisations/$id/applicant-profile). */
export class ApplicantProfileSection extends PageObject {
  get sme(): Locator {
    return this.main.getByRole('region', {
      name: /^(Micro enterprise|Small enterprise|Medium-sized enterprise|Not an SME|SME status not determined yet)$/,
    })
  }
  get smeTitle(): Locator {
    return this.main.locator('#sme-result-title')
  }
  field(name: string): Locator {
    return this.main.getByRole('textbox', { name, exact: true })
  }
  get save(): Locator {
    return this.main.getByRole('button', { name: 'Save the profile', exact: true })
  }
  get relations(): Locator {
    return this.main.getByRole('region', { name: 'Partner and linked enterprises', exact: true })
  }

  async goto(organisationId: string, legalName: string, label = 'applicant profile'): Promise<this> {
    await this.page.goto(`/app/organisations/${organisationId}/applicant-profile`)
    return this.arrive(legalName, label)
  }
  async arrive(legalName: string, label = 'applicant profile'): Promise<this> {
    await this.arriveAt(`${label} of "${legalName}"`, legalName, [this.smeTitle, this.save])
    return this
  }

  async fillFigures(v: FiguresInput): Promise<void> {
    const set = async (name: string, value: string | undefined) => {
      if (value === undefined) return
      await this.field(name).fill(value)
    }
    await set('Headcount (AWU)', v.headcount)
    await set('Annual turnover', v.turnover)
    await set('Balance-sheet total', v.balanceSheet)
    await set('Financial year of the figures', v.financialYear)
    await set('Year of establishment', v.foundedYear)
    await set('Region', v.region)
  }

  /** Saves the profile and waits until the SME card says `status`. */
  async saveAndExpect(status: string): Promise<void> {
    await this.save.click()
    await this.notification('The applicant profile has been saved and the SME status checked again.').waitFor()
    await this.smeTitle.filter({ hasText: new RegExp(`^${status}$`) }).waitFor()
  }

  /** The SME card's text: status and reasoning in words. */
  async smeText(): Promise<string> {
    return visibleText(this.main.getByTestId('sme-result'))
  }

  async addRelation(r: RelationInput): Promise<void> {
    await this.relations.getByRole('button', { name: 'Add an enterprise', exact: true }).click()
    const rows = this.relations.getByRole('group')
    const row = rows.last()
    await this.choose(row.getByRole('combobox', { name: 'Relation', exact: true }), r.kind)
    await row.getByRole('textbox', { name: 'Name of the enterprise', exact: true }).fill(r.name)
    const country = row.getByRole('combobox', { name: 'Country', exact: true })
    await country.fill(r.country)
    await this.page.getByRole('listbox').getByRole('option', { name: r.country, exact: true }).click()
    await row.getByRole('textbox', { name: 'Share held', exact: true }).fill(r.share)
    await row.getByRole('textbox', { name: 'Headcount (AWU)', exact: true }).fill(r.headcount)
    await row.getByRole('textbox', { name: 'Annual turnover', exact: true }).fill(r.turnover)
    await row.getByRole('textbox', { name: 'Balance-sheet total', exact: true }).fill(r.balanceSheet)
  }

  async saveRelationsAndExpect(status: string): Promise<void> {
    await this.relations.getByRole('button', { name: 'Save the relations', exact: true }).click()
    await this.notification('The relations have been saved and the SME status checked again.').waitFor()
    await this.smeTitle.filter({ hasText: new RegExp(`^${status}$`) }).waitFor()
  }

  get logoFile(): Locator {
    return this.main.getByRole('button', { name: 'Logo file', exact: true })
  }
  /** Chooses a file for the logo and uploads it (the result: a preview, or an error under the field). */
  async uploadLogo(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.logoFile.click()
    await (await chooser).setFiles({ name, mimeType, buffer })
    await this.main.getByRole('button', { name: 'Upload the logo', exact: true }).click()
  }
  get logoPreview(): Locator {
    return this.main.getByRole('img', { name: 'Current logo', exact: true })
  }

  async chooseVisibility(label: 'Public' | 'Programme members only' | 'Anonymous'): Promise<void> {
    await this.main.getByRole('radio', { name: label, exact: true }).check()
  }

  /** The public reference shown in the link to the public page. */
  async publicPageHref(): Promise<string> {
    const link = this.main.getByRole('link', { name: /^See the public page \(ORG-[0-9A-F]{8}\)$/ })
    const href = await link.getAttribute('href')
    if (!href) throw new Error('no public page link')
    return href
  }
}

/** The public page of an organisation, /organisations/:publicRef (server-rendered). */
export class PublicProfilePage extends PageObject {
  async goto(path: string, heading: string | RegExp, label = `public profile ${path}`): Promise<this> {
    await this.page.goto(path)
    await this.arriveAt(label, heading, [this.main.getByRole('heading', { level: 2 }).first()])
    return this
  }
  async ogTitle(): Promise<string | null> {
    return this.page.locator('meta[property="og:title"]').getAttribute('content')
  }
}

/** /app/admin/organisations/import: file → column mapping → row report (staff). */
export class OrganisationImportPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/admin/organisations/import')
    await this.arriveAt('organisation import', 'Import organisations', [this.fileInput])
    return this
  }
  get fileInput(): Locator {
    return this.main.getByRole('button', { name: 'CSV or XLSX file', exact: true })
  }
  async upload(name: string, content: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.fileInput.click()
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') })
    await this.main.getByRole('button', { name: 'Read the file', exact: true }).click()
    await this.main.getByText(/^Rows found: \d+\.$/).waitFor()
  }
  mapping(field: string): Locator {
    return this.main.getByRole('combobox', { name: field, exact: true })
  }
  async run(mode: 'Import nothing (all or nothing)' | 'Import the valid rows only'): Promise<string> {
    await this.main.getByRole('radio', { name: mode, exact: true }).check()
    await this.main.getByRole('button', { name: 'Import', exact: true }).click()
    const status = this.main.getByRole('status')
    await status.waitFor()
    return visibleText(status)
  }
  /** The report's rows: row number, result, details. */
  async reportRows(): Promise<string[][]> {
    const rows = this.main.getByRole('table').last().locator('tbody tr')
    const out: string[][] = []
    for (const r of await rows.all()) out.push((await r.locator('th, td').allInnerTexts()).map((s) => s.trim()))
    return out
  }
}
