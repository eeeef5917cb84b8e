/**
 * Page objects of matchmaking (issue 6): the recommendations on a public challenge page, partner search
 * (marketplace, post, my posts, my interests, messages), brokerage events (list, event, requests, agenda,
 * organiser page) and consortia (list, new, one consortium). Each `goto`/`arrive` waits for the page's
 * heading and data and runs axe.
 */
import type { Locator } from 'playwright-core'
import { PageObject, visibleText } from './base.ts'

/** The public challenge page (`/challenges/:slug`), signed in: the recommendation panels. */
export class PublicChallengePage extends PageObject {
  async goto(slug: string, title: string): Promise<this> {
    await this.page.goto(`/challenges/${slug}`)
    await this.arriveAt('public challenge page with recommendations', title, [
      this.recommendedOrganisations.getByRole('listitem').first(),
      this.recommendedSolutions.getByRole('heading', { level: 2 }),
    ])
    return this
  }
  get recommendedOrganisations(): Locator {
    return this.main.getByRole('region', { name: 'Recommended organisations', exact: true })
  }
  get recommendedSolutions(): Locator {
    return this.main.getByRole('region', { name: 'Recommended solutions', exact: true })
  }
  /** A recommended organisation (an item of the ranked list) by its name. */
  recommendation(name: string): Locator {
    return this.recommendedOrganisations
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }
}

/** Partner search's marketplace (`/app/partnering`). */
export class MarketplacePage extends PageObject {
  async arrive(label = 'partner search marketplace'): Promise<this> {
    await this.arriveAt(label, 'Partner search', [this.main.getByText(/^\d+ posts?$/)])
    return this
  }
  async goto(): Promise<this> {
    await this.page.goto('/app/partnering')
    return this.arrive()
  }
  post(title: string): Locator {
    return this.main.getByRole('link', { name: title, exact: true })
  }
}

/** One partnering post (`/app/partnering/posts/:id`). */
export class PostPage extends PageObject {
  async arrive(title: string, label = 'partnering post'): Promise<this> {
    await this.page.waitForURL(/\/app\/partnering\/posts\/[0-9a-f-]{36}$/)
    await this.arriveAt(label, title)
    return this
  }
  /** "Express interest": the dialog, the message, sent; returns once the dialog is closed. */
  async expressInterest(message: string): Promise<void> {
    await this.main.getByRole('button', { name: 'Express interest', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Express interest' })
    await dialog.waitFor()
    await this.checkA11y('express interest dialog')
    await this.textbox('Your message', dialog).fill(message)
    await dialog.getByRole('button', { name: 'Send', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
  }
  /** The alert that shows the caller's own interest in the post ("… interest in this post: Pending"). */
  get myInterest(): Locator {
    return this.main.getByRole('alert').filter({ hasText: "Your organisation's interest in this post:" })
  }
  /** An expression of interest received (the post's owner), by the interested organisation's name. */
  interest(from: string): Locator {
    return this.main.getByRole('article').filter({ hasText: from })
  }
}

/** An interest card's "Accept": the decision dialog, an optional message, confirmed. */
export async function acceptInterest(po: PageObject, card: Locator, message: string): Promise<void> {
  await card.getByRole('button', { name: 'Accept', exact: true }).click()
  const dialog = po.page.getByRole('dialog', { name: 'Accept this expression of interest' })
  await dialog.waitFor()
  await po.checkA11y('accept interest dialog')
  await po.textbox('Message (optional)', dialog).fill(message)
  await dialog.getByRole('button', { name: 'Accept', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}

/** "My posts", "My interests" and "Messages" of partner search. */
export class PartneringListPage extends PageObject {
  async gotoMyPosts(): Promise<this> {
    await this.page.goto('/app/partnering/mine')
    await this.arriveAt('my partnering posts', 'My posts', [this.main.getByRole('article').first()])
    return this
  }
  async gotoMyInterests(): Promise<this> {
    await this.page.goto('/app/partnering/interests')
    await this.arriveAt('my expressions of interest', 'My interests', [this.main.getByRole('article').first()])
    return this
  }
  async gotoMessages(): Promise<this> {
    await this.page.goto('/app/messages')
    await this.arriveAt('messages', 'Messages')
    return this
  }
  article(text: string): Locator {
    return this.main.getByRole('article').filter({ hasText: text })
  }
  /** A conversation opened from the list: its messages, the last one `last`. */
  async arriveThread(last: string): Promise<this> {
    await this.page.waitForURL(/\/app\/messages\/[0-9a-f-]{36}$/)
    await this.arriveAt('a conversation', 'Messages', [this.main.getByText(last).last()])
    return this
  }
}

/** Brokerage: the list of events, one event, my requests, my agenda, the organiser's page. */
export class BrokeragePages extends PageObject {
  async gotoList(title: string): Promise<this> {
    await this.page.goto('/app/brokerage')
    await this.arriveAt('brokerage events', 'Brokerage events', [this.main.getByText(title).first()])
    return this
  }
  async gotoEvent(id: string, title: string): Promise<this> {
    await this.page.goto(`/app/brokerage/${id}`)
    await this.arriveAt('brokerage event', title, [this.main.getByRole('heading', { name: 'Participants' })])
    return this
  }
  /** Registers with a profile (every session ticked) and waits for "You are registered". */
  async register(v: { profile: string; offer: string; request: string }): Promise<void> {
    const form = this.main.getByRole('region', { name: 'Register for this event' })
    await this.page.getByRole('textbox', { name: 'Your profile' }).fill(v.profile)
    await this.textbox('What you offer', form).fill(v.offer)
    await this.textbox('What you look for', form).fill(v.request)
    await form.getByRole('button', { name: 'Register', exact: true }).click()
    await this.main.getByText('You are registered', { exact: true }).waitFor()
    await this.settled()
  }
  participant(org: string): Locator {
    return this.main.getByRole('article').filter({ hasText: org })
  }
  async requestMeeting(org: string, reason: string): Promise<void> {
    await this.participant(org).getByRole('button', { name: 'Request a meeting', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Request a meeting' })
    await dialog.waitFor()
    await this.checkA11y('request a meeting dialog')
    await this.page.getByRole('textbox', { name: 'Why you would like to meet' }).fill(reason)
    await dialog.getByRole('button', { name: 'Send the request', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
  }
  async gotoRequests(id: string, box: 'Received' | 'Sent' = 'Received'): Promise<this> {
    await this.page.goto(`/app/brokerage/${id}/requests`)
    await this.heading('My meeting requests').waitFor()
    if (box === 'Sent') await this.main.getByText('Sent', { exact: true }).click()
    await this.arriveAt(`my meeting requests (${box.toLowerCase()})`, 'My meeting requests', [
      this.main.getByRole('article').first(),
    ])
    return this
  }
  async gotoAgenda(id: string, ready: Locator[] = []): Promise<this> {
    await this.page.goto(`/app/brokerage/${id}/agenda`)
    await this.arriveAt('my agenda', 'My agenda', ready)
    return this
  }
  /** The agenda's meetings, as shown (time · table, organisation, person, reason). */
  async meetings(): Promise<string[]> {
    const items = await this.main.getByRole('listitem').all()
    return Promise.all(items.map((i) => visibleText(i)))
  }
  async gotoOrganiser(id: string): Promise<this> {
    await this.page.goto(`/app/brokerage/${id}/organise`)
    await this.arriveAt('organiser page', 'Organise the event', [
      this.main.getByRole('region', { name: 'Central schedule', exact: true }),
      this.main.getByRole('region', { name: 'Meeting requests', exact: true }).getByRole('row').nth(1),
    ])
    return this
  }
  get schedule(): Locator {
    return this.main.getByRole('region', { name: 'Central schedule', exact: true })
  }
}

/** Consortia: the list, a new one, one consortium. */
export class ConsortiumPages extends PageObject {
  async gotoList(label = 'my consortia'): Promise<this> {
    await this.page.goto('/app/consortia')
    return this.arriveList(label)
  }
  async arriveList(label = 'my consortia', ready: Locator[] = []): Promise<this> {
    await this.page.waitForURL(/\/app\/consortia(\?.*)?$/)
    await this.arriveAt(label, 'Consortia', ready)
    return this
  }
  card(name: string): Locator {
    return this.main.getByRole('article').filter({ hasText: name })
  }
  async gotoNew(): Promise<this> {
    await this.page.goto('/app/consortia/new')
    await this.arriveAt('new consortium', 'New consortium', [
      this.main.getByRole('combobox', { name: 'Call', exact: true }),
    ])
    return this
  }
  async create(v: { call: string; challenge: string; acronym: string; name: string; role: string }): Promise<void> {
    await this.choose(this.main.getByRole('combobox', { name: 'Call', exact: true }), v.call)
    await this.choose(this.main.getByRole('combobox', { name: 'Challenge', exact: true }), v.challenge)
    await this.textbox('Acronym').fill(v.acronym)
    await this.page.getByRole('textbox', { name: 'Name of the consortium or project' }).fill(v.name)
    await this.textbox('Your role in the project').fill(v.role)
    await this.checkA11y('new consortium, filled in')
    await this.main.getByRole('button', { name: 'Create the consortium', exact: true }).click()
  }
  async arriveConsortium(title: string, label = 'consortium'): Promise<this> {
    await this.page.waitForURL(/\/app\/consortia\/[0-9a-f-]{36}$/)
    await this.arriveAt(label, title, [this.members])
    return this
  }
  get members(): Locator {
    return this.main.getByRole('region', { name: 'Members' })
  }
  member(name: string): Locator {
    return this.members.getByRole('listitem').filter({ hasText: name })
  }
  get rules(): Locator {
    return this.main.getByRole('region', { name: 'The call’s consortium rules' })
  }
  /** The rule check's verdict line. */
  async verdict(): Promise<string> {
    return visibleText(this.rules.getByRole('status'))
  }
  /** The invite dialog opened with an organisation chosen elsewhere: a role, sent. */
  async invitePreset(role: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Invite a partner' })
    await dialog.waitFor()
    await this.checkA11y('invite a partner dialog (from partner search)')
    await this.textbox('Role in the project', dialog).fill(role)
    await dialog.getByRole('button', { name: 'Send the invitation', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
  }
  /** "Invite a partner" by e-mail address, with a proposed role. */
  async inviteByEmail(email: string, role: string): Promise<void> {
    await this.members.getByRole('button', { name: 'Invite a partner', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Invite a partner' })
    await dialog.waitFor()
    await dialog.getByText('An e-mail address', { exact: true }).click()
    await dialog.getByRole('textbox', { name: 'E-mail address' }).fill(email)
    await this.textbox('Role in the project', dialog).fill(role)
    await this.checkA11y('invite a partner by e-mail dialog')
    await dialog.getByRole('button', { name: 'Send the invitation', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
  }
  /** The invited partner accepts in the members' list, stating its role. */
  async accept(org: string, role: string): Promise<void> {
    await this.member(org).getByRole('button', { name: 'Accept', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Join the consortium' })
    await dialog.waitFor()
    await this.checkA11y('join the consortium dialog')
    await this.textbox('Role in the project', dialog).fill(role)
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
  }
}
