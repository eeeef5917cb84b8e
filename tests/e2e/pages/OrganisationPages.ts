import type { Locator } from 'playwright-core'
import { PageObject, visibleText, waitForText } from './base.ts'

export interface OrganisationInput {
  legalName: string
  shortName?: string
  type: string
  country: string
  legalForm?: string
  registrationNumber?: string
  website?: string
  description?: string
}

/** /app/organisations/new: the organisation form. */
export class NewOrganisationPage extends PageObject {
  get legalName(): Locator {
    return this.textbox('Legal name')
  }
  get shortName(): Locator {
    return this.textbox('Short name')
  }
  get type(): Locator {
    return this.main.getByRole('combobox', { name: 'Type of organisation', exact: true })
  }
  get country(): Locator {
    return this.main.getByRole('combobox', { name: 'Country', exact: true })
  }
  get legalForm(): Locator {
    return this.textbox('Legal form')
  }
  get registrationNumber(): Locator {
    return this.textbox('VAT or registration number')
  }
  get website(): Locator {
    return this.textbox('Website')
  }
  get description(): Locator {
    return this.textbox('Description')
  }
  get submit(): Locator {
    return this.main.getByRole('button', { name: 'Register an organisation', exact: true })
  }

  async goto(): Promise<this> {
    await this.page.goto('/app/organisations/new')
    return this.arrive()
  }
  async arrive(): Promise<this> {
    await this.arriveAt('new organisation', 'Register an organisation', [this.legalName])
    return this
  }

  async fill(v: Partial<OrganisationInput>): Promise<void> {
    if (v.legalName !== undefined) await this.legalName.fill(v.legalName)
    if (v.shortName !== undefined) await this.shortName.fill(v.shortName)
    if (v.type !== undefined) await this.choose(this.type, v.type)
    if (v.country !== undefined) {
      await this.country.fill(v.country)
      await this.page.getByRole('listbox').getByRole('option', { name: v.country, exact: true }).click()
    }
    if (v.legalForm !== undefined) await this.legalForm.fill(v.legalForm)
    if (v.registrationNumber !== undefined) await this.registrationNumber.fill(v.registrationNumber)
    if (v.website !== undefined) await this.website.fill(v.website)
    if (v.description !== undefined) await this.description.fill(v.description)
  }

  /** Submits and lands on the new organisation's profile. */
  async create(): Promise<OrganisationPage> {
    await this.submit.click()
    await this.page.waitForURL(/\/app\/organisations\/[0-9a-f-]{36}$/)
    return new OrganisationPage(this.page)
  }
}

/** One organisation: heading = legal name, tabs Profile / Members / Invitations. */
export class OrganisationPage extends PageObject {
  get id(): string {
    const m = /\/app\/organisations\/([0-9a-f-]{36})/.exec(this.page.url())
    if (!m?.[1]) throw new Error(`not on an organisation page: ${this.page.url()}`)
    return m[1]
  }
  get sections(): Locator {
    return this.main.getByRole('navigation', { name: 'Organisation sections' })
  }
  tab(name: 'Profile' | 'Members' | 'Invitations'): Locator {
    return this.sections.getByRole('link', { name, exact: true })
  }

  async arriveProfile(legalName: string): Promise<this> {
    await this.arriveAt(`organisation "${legalName}" profile`, legalName, [this.sections])
    return this
  }

  /** The line under the heading: type, country and "your role: …". */
  async summary(): Promise<string> {
    return visibleText(this.heading().locator('xpath=following-sibling::*[1]'))
  }

  async openMembers(legalName: string): Promise<MembersSection> {
    await this.tab('Members').click()
    await this.page.waitForURL('**/members')
    return new MembersSection(this.page).arrive(legalName)
  }

  async gotoMembers(id: string, legalName: string): Promise<MembersSection> {
    await this.page.goto(`/app/organisations/${id}/members`)
    return new MembersSection(this.page).arrive(legalName)
  }

  async openInvitations(legalName: string): Promise<InvitationsSection> {
    await this.tab('Invitations').click()
    await this.page.waitForURL('**/invitations')
    return new InvitationsSection(this.page).arrive(legalName)
  }
}

/** The Members tab: a table of name, e-mail, role, member since, actions. */
export class MembersSection extends PageObject {
  get table(): Locator {
    return this.main.getByRole('table', { name: 'Members' })
  }
  async arrive(legalName: string): Promise<this> {
    await this.arriveAt(`organisation "${legalName}" members`, legalName, [this.table])
    return this
  }
  /**
   * Each member as shown: name (with "You" for oneself), e-mail and role. The role is a badge, or a
   * select when the viewer may change it (its value is the role).
   */
  async rows(): Promise<{ name: string; email: string; role: string }[]> {
    const rows = this.table.locator('tbody tr')
    const out: { name: string; email: string; role: string }[] = []
    for (const row of await rows.all()) {
      const name = await visibleText(row.getByRole('rowheader'))
      const cells = row.getByRole('cell')
      const email = await visibleText(cells.nth(0))
      const select = cells.nth(1).getByRole('combobox')
      const role = (await select.count()) ? await select.inputValue() : await visibleText(cells.nth(1))
      out.push({ name, email, role })
    }
    return out
  }
  /** Waits until the member with this e-mail is listed. */
  async waitForMember(email: string): Promise<void> {
    await this.table.getByRole('cell', { name: email, exact: true }).waitFor()
  }
}

/** The Invitations tab: the invite form and the list of invitations. */
export class InvitationsSection extends PageObject {
  get email(): Locator {
    return this.main.getByRole('region', { name: 'Invite a colleague' }).getByRole('textbox', {
      name: 'E-mail address',
      exact: true,
    })
  }
  get role(): Locator {
    return this.main.getByRole('region', { name: 'Invite a colleague' }).getByRole('combobox', {
      name: 'Role',
      exact: true,
    })
  }
  get list(): Locator {
    return this.main.getByRole('region', { name: 'Invitations' })
  }
  async arrive(legalName: string): Promise<this> {
    await this.arriveAt(`organisation "${legalName}" invitations`, legalName, [this.email])
    return this
  }

  async invite(email: string, role: 'Member' | 'Administrator' = 'Member'): Promise<void> {
    await this.email.fill(email)
    if ((await this.role.inputValue()) !== role) await this.choose(this.role, role)
    await this.main.getByRole('button', { name: 'Send the invitation', exact: true }).click()
    await this.notification(`An invitation has been sent to ${email}.`).waitFor()
    await this.list.getByRole('rowheader', { name: email, exact: true }).waitFor()
    await this.checkA11y('invitations, after sending one (notification shown)')
  }

  /** Waits until the invitation to `email` shows this status (the list may show its cached rows first). */
  async waitForStatus(email: string, status: string): Promise<void> {
    const row = this.list
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: email, exact: true }) })
    await waitForText(row.getByRole('cell').nth(1), status)
  }

  /** One invitation as listed: role and status. */
  async invitation(email: string): Promise<{ role: string; status: string }> {
    const row = this.list
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: email, exact: true }) })
    const cells = row.getByRole('cell')
    return { role: await visibleText(cells.nth(0)), status: await visibleText(cells.nth(1)) }
  }
}

/** /app/organisations: the organisations the person belongs to. */
export class OrganisationsPage extends PageObject {
  async goto(): Promise<this> {
    await this.page.goto('/app/organisations')
    return this.arrive()
  }
  async arrive(): Promise<this> {
    await this.arriveAt('my organisations', 'My organisations')
    return this
  }
}
