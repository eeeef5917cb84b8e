import type { Locator } from 'playwright-core'
import { PageObject, visibleText, waitForText } from './base.ts'

/** The grant dialog shared by the users and roles pages. */
export class GrantRoleDialog extends PageObject {
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Grant a programme role' })
  }
  get person(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Person', exact: true })
  }
  get role(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Role', exact: true })
  }
  get cluster(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Partner cluster', exact: true })
  }
  async waitOpen(): Promise<this> {
    await this.dialog.waitFor()
    await this.role.waitFor()
    await this.checkA11y('grant role dialog')
    return this
  }
  /** Searches for the person by e-mail and picks the option "Name <email>". */
  async pickPerson(name: string, email: string): Promise<void> {
    await this.person.click()
    await this.person.fill(email)
    await this.page.getByRole('option', { name: `${name} <${email}>`, exact: true }).click()
  }
  async chooseRole(role: 'Operator' | 'Cluster staff' | 'Expert'): Promise<void> {
    await this.choose(this.role, role)
  }
  /** Options read "Name · Country" (the flag is hidden from assistive technology). */
  async chooseCluster(name: string): Promise<void> {
    await this.choose(this.cluster, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `))
  }
  async grant(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Grant a role', exact: true }).click()
    await this.notification('The role has been granted.').waitFor()
    await this.dialog.waitFor({ state: 'hidden' })
  }
}

/** The role badges in a table row, as shown ("Cluster staff · The Hague Security Delta"). */
async function badges(row: Locator): Promise<string[]> {
  return (await row.locator('.mantine-Badge-label').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())
}

/** /app/admin/roles: who holds which programme role. */
export class AdminRolesPage extends PageObject {
  get table(): Locator {
    return this.main.getByRole('table')
  }
  async goto(role?: 'operator' | 'cluster_staff' | 'expert'): Promise<this> {
    await this.page.goto(`/app/admin/roles${role ? `?role=${role}` : ''}`)
    return this.arrive()
  }
  async arrive(): Promise<this> {
    await this.arriveAt('programme roles', 'Programme roles', [this.table])
    return this
  }
  /** Everyone listed for the role shown: name, e-mail and role badges. */
  async holders(): Promise<{ name: string; email: string; roles: string[] }[]> {
    const out: { name: string; email: string; roles: string[] }[] = []
    for (const row of await this.table.locator('tbody tr').all()) {
      out.push({
        name: await visibleText(row.getByRole('rowheader')),
        email: await visibleText(row.getByRole('cell').first()),
        roles: await badges(row),
      })
    }
    return out
  }
  /** The role filter (a segmented control of radio buttons). */
  async show(role: 'Operator' | 'Cluster staff' | 'Expert'): Promise<void> {
    const radio = this.main.getByRole('radio', { name: role, exact: true })
    // The radio input is visually hidden under its label: click the label, as a person does.
    await this.main.getByRole('radiogroup').getByText(role, { exact: true }).click()
    await radio.and(this.page.locator(':checked')).waitFor({ state: 'attached' })
    await this.main.getByRole('table', { name: `People with the role ${role}` }).waitFor()
  }
  async openGrantDialog(): Promise<GrantRoleDialog> {
    await this.main.getByRole('button', { name: 'Grant a programme role', exact: true }).click()
    return new GrantRoleDialog(this.page).waitOpen()
  }
  /** The role badges of the person with this e-mail, as shown. */
  async rolesOf(email: string): Promise<string[]> {
    const row = this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: email, exact: true }) })
    await row.waitFor()
    return badges(row)
  }
}

/** /app/admin/users: every account, with a grant button per person. */
export class AdminUsersPage extends PageObject {
  get table(): Locator {
    return this.main.getByRole('table', { name: 'Users' })
  }
  async goto(): Promise<this> {
    await this.page.goto('/app/admin/users')
    await this.arriveAt('users', 'Users', [this.table])
    return this
  }
  async search(text: string): Promise<void> {
    await this.main.getByRole('searchbox', { name: 'Search by name or e-mail', exact: true }).fill(text)
    await this.page.waitForURL((u) => u.searchParams.get('q') === text)
  }
  /** The programme-role badges of the person with this e-mail (the status badges are in another column). */
  async rolesOf(email: string): Promise<string[]> {
    const row = this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: email, exact: true }) })
    await row.waitFor()
    return badges(row.getByRole('cell').nth(1))
  }
  async openGrantDialogFor(name: string): Promise<GrantRoleDialog> {
    await this.main.getByRole('button', { name: `Grant a role to ${name}`, exact: true }).click()
    return new GrantRoleDialog(this.page).waitOpen()
  }
}

/** /app/admin/activity: the audit chain, filterable. */
export class ActivityLogPage extends PageObject {
  get table(): Locator {
    return this.main.getByRole('table', { name: 'Activity log' })
  }
  get filters(): Locator {
    return this.main.getByRole('form', { name: 'Filter the activity log' })
  }
  async goto(): Promise<this> {
    await this.page.goto('/app/admin/activity')
    await this.arriveAt('activity log', 'Activity log', [this.table])
    return this
  }
  async filter(v: { actor?: string; subjectType?: string; subjectId?: string; action?: string }): Promise<void> {
    if (v.actor !== undefined) await this.filters.getByRole('textbox', { name: 'Actor', exact: true }).fill(v.actor)
    if (v.subjectType !== undefined)
      await this.filters.getByRole('textbox', { name: 'Subject type', exact: true }).fill(v.subjectType)
    if (v.subjectId !== undefined)
      await this.filters.getByRole('textbox', { name: 'Subject identifier', exact: true }).fill(v.subjectId)
    if (v.action !== undefined) await this.filters.getByRole('textbox', { name: 'Action', exact: true }).fill(v.action)
    const wanted = Object.entries(v).filter((e): e is [string, string] => Boolean(e[1]))
    const answered = this.page.waitForResponse((r) => {
      const u = new URL(r.url())
      return (
        u.pathname === '/api/v1/admin/audit-events' && wanted.every(([k, val]) => u.searchParams.get(k) === val.trim())
      )
    })
    await this.filters.getByRole('button', { name: 'Apply filters', exact: true }).click()
    // The previous rows stay on screen until the filtered ones are rendered: wait for exactly those.
    const page = (await (await answered).json()) as { items: { seq: number }[] }
    const rows = this.table.locator('tbody tr')
    for (const [i, e] of page.items.entries()) await waitForText(rows.nth(i).getByRole('cell').first(), String(e.seq))
    await rows.nth(page.items.length).waitFor({ state: 'detached' })
  }
  /** Opens the details of the n-th row (from 0) and returns the dialog's text. */
  async openDetails(index: number): Promise<string> {
    await this.table
      .locator('tbody tr')
      .nth(index)
      .getByRole('button', { name: /^Details of event / })
      .click()
    const dialog = this.page.getByRole('dialog', { name: /^Event \d+$/ })
    await dialog.waitFor()
    await this.checkA11y('activity log, event details')
    return visibleText(dialog)
  }
  /** The rows as shown: actor, action, subject. */
  async rows(): Promise<{ actor: string; action: string; subject: string }[]> {
    const out: { actor: string; action: string; subject: string }[] = []
    for (const row of await this.table.locator('tbody tr').all()) {
      const cells = row.getByRole('cell')
      out.push({
        actor: await visibleText(cells.nth(2)),
        action: await visibleText(row.getByRole('rowheader')),
        subject: await visibleText(cells.nth(3)),
      })
    }
    return out
  }
}
