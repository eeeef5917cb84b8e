/**
 * Page objects of a brokerage event's sessions on its organiser page (`/app/brokerage/:id/organise`): the list of
 * sessions with "Edit" and "Delete" on each, the session dialog (the same form as "Add a session") and the
 * confirmation of a deletion. `goto` and the dialogs run axe.
 */
import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

export class OrganiserSessionsPage extends PageObject {
  async goto(eventId: string): Promise<this> {
    await this.page.goto(`/app/brokerage/${eventId}/organise`)
    await this.arriveAt('organiser page (sessions)', 'Organise the event', [
      this.sessions.getByRole('listitem').first(),
    ])
    return this
  }

  /** The "Sessions and slots" section. */
  get sessions(): Locator {
    return this.main.getByRole('region', { name: 'Sessions and slots', exact: true })
  }

  /** One session of the list, by its title. */
  session(title: string): Locator {
    return this.sessions.getByRole('listitem').filter({ has: this.page.getByText(title, { exact: true }) })
  }

  /** What the list says of a session: "title time · slot length · slots · tables[ · meetings]", then its buttons. */
  async sessionText(title: string): Promise<string> {
    return visibleText(this.session(title))
  }

  /** The session dialog, by the session's name. */
  editDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Edit the session “${name}”`, exact: true })
  }

  /** "Edit" on a session: waits for its dialog and runs axe on it. */
  async openEdit(name: string): Promise<Locator> {
    await this.sessions.getByRole('button', { name: `Edit the session “${name}”`, exact: true }).click()
    const dialog = this.editDialog(name)
    await dialog.waitFor()
    await this.checkA11y('edit session dialog')
    return dialog
  }

  /** "Delete" on a session: waits for the confirmation, which names the session, and runs axe on it. */
  async openDelete(name: string): Promise<Locator> {
    await this.sessions.getByRole('button', { name: `Delete the session “${name}”`, exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: `Delete the session “${name}”?`, exact: true })
    await dialog.waitFor()
    await this.checkA11y('delete session dialog')
    return dialog
  }

  /** The inputs of the session form in `within` (the dialog, or the page for "Add a session"). */
  field(within: Locator, name: 'Session name' | 'Slot length (minutes)' | 'Tables or online rooms'): Locator {
    return this.textbox(name, within)
  }
  startsAt(within: Locator): Locator {
    return within.getByLabel(/^Starts \(/)
  }
  endsAt(within: Locator): Locator {
    return within.getByLabel(/^Ends \(/)
  }
}
