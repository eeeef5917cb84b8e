import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage } from './pages/AuthPages.ts'
import { PageObject, visibleText } from './pages/base.ts'

const e2e = await startE2E()
/** Screenshots of the notification centre, kept for a person to look at. */
const SHOTS = process.env.NOTIFICATION_SHOTS ?? join(tmpdir(), 'cascade-e2e', 'notifications')
mkdirSync(SHOTS, { recursive: true })

/** The header's bell and its popover. */
class Bell extends PageObject {
  get button(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^Notifications/ })
  }
  get popover(): Locator {
    return this.page.getByRole('dialog', { name: /^Notifications/ })
  }
  async label(): Promise<string> {
    return (await this.button.getAttribute('aria-label')) ?? ''
  }
  async waitForLabel(label: string): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: label, exact: true }).waitFor()
  }
  async open(): Promise<void> {
    await this.button.click()
    await this.popover.getByRole('heading', { name: 'Latest notifications' }).waitFor()
    await this.popover.getByRole('listitem').first().waitFor()
    await this.checkA11y('notification popover')
  }
  async items(): Promise<string[]> {
    return Promise.all((await this.popover.getByRole('listitem').all()).map((li) => visibleText(li)))
  }
}

/** /app/notifications: the list with its filter, and the e-mail preferences. */
class NotificationsPage extends PageObject {
  async goto(label = 'notifications'): Promise<this> {
    await this.page.goto('/app/notifications')
    return this.arrive(label)
  }
  async arrive(label = 'notifications'): Promise<this> {
    await this.arriveAt(label, 'Notifications', [this.page.getByRole('switch').first()])
    return this
  }
  get list(): Locator {
    return this.main.getByRole('list', { name: 'Notifications' })
  }
  emailSwitch(name: string): Locator {
    return this.main.getByRole('switch', { name, exact: true })
  }
  /** Flips a switch or picks a segment the way a person does: on its visible label (the input is hidden). */
  label(text: string): Locator {
    return this.main.locator('label').filter({ hasText: new RegExp(`^${text}$`) })
  }
}

/** A signed-in demo person's API calls (cookie and Origin, like the browser). */
async function apiAs(email: string) {
  const signIn = await fetch(`${e2e.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: e2e.baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  assert.equal(signIn.status, 200)
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return (method: string, path: string, body?: unknown) =>
    fetch(`${e2e.baseUrl}${path}`, {
      method,
      headers: { cookie, origin: e2e.baseUrl, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
}

test('after staff comment on her use case, the city’s end-user sees it under the bell, follows it and reads the rest', async (t) => {
  let city: Page | undefined
  let phone: Page | undefined
  const step = journey(t, () => ({ city, phone }))
  const useCase = await e2e.db
    .selectFrom('use_cases as uc')
    .innerJoin('users as u', 'u.id', 'uc.created_by')
    .select(['uc.id', 'uc.title', 'uc.reference'])
    .where('u.email', '=', 'city@securit.demo')
    .orderBy('uc.reference')
    .executeTakeFirstOrThrow()
  const operatorName = (
    await e2e.db
      .selectFrom('users')
      .select('name')
      .where('email', '=', 'operator@securit.demo')
      .executeTakeFirstOrThrow()
  ).name
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

  await step('an operator writes in the thread of a use case of the city (the event)', async () => {
    const operator = await apiAs('operator@securit.demo')
    const res = await operator('POST', `/api/v1/use-cases/${useCase.id}/comments`, {
      body: 'Could you add the conditions to access the sensor data?',
    })
    assert.equal(res.status, 201, await res.text())
  })

  await step('the end-user signs in: the bell counts one unread notification', async () => {
    city = (await e2e.newPage()).page
    await new SignInPage(city).goto()
    await new SignInPage(city).signIn('city@securit.demo', DEMO_PASSWORD)
    await new DashboardPage(city).arrive()
    const bell = new Bell(city)
    await bell.waitForLabel('Notifications: 1 unread')
    await bell.checkA11y('dashboard with the bell')
  })

  await step('the bell opens the latest notifications', async () => {
    const bell = new Bell(city!)
    await bell.open()
    const [first] = await bell.items()
    assert.match(
      first!,
      new RegExp(
        `^Unread: ${escapeRegExp(operatorName)} commented on ${useCase.reference} “${escapeRegExp(useCase.title)}”: Could you add the conditions to access the sensor data\\? (now|\\d+ seconds? ago)$`,
      ),
    )
    await city!.screenshot({ path: join(SHOTS, 'bell-popover.png') })
  })

  await step('following the item opens the use case and marks it read', async () => {
    const bell = new Bell(city!)
    await bell.popover.getByRole('link', { name: /commented on/ }).click()
    await city!.waitForURL(`**/app/use-cases/${useCase.id}`)
    await city!.getByRole('heading', { level: 1, name: useCase.title }).waitFor()
    await bell.waitForLabel('Notifications')
    await bell.checkA11y('use case reached from a notification')
  })

  await step(
    'the notifications page lists it as read; the unread filter is empty; e-mail can be switched off',
    async () => {
      const page = await new NotificationsPage(city!).goto()
      // Newest first: the comment, now read; below it what the demo seed left (read in 2022, as the story goes).
      const items = await page.list.getByRole('listitem').all()
      assert.ok(items.length >= 1)
      assert.ok((await visibleText(items[0]!)).startsWith(`${operatorName} commented on`))
      await page.label('Unread').click()
      await page.main.getByText('Nothing unread: you are up to date.').waitFor()
      await page.checkA11y('notifications, unread filter')
      const comments = page.emailSwitch('New comments in use-case threads')
      assert.equal(await comments.isChecked(), true)
      await page.label('New comments in use-case threads').click()
      await page.notification('Your e-mail preferences are saved.').waitFor()
      assert.equal(await comments.isChecked(), false)
      await page.label('All').click()
      await page.list.waitFor()
      await city!.screenshot({ path: join(SHOTS, 'notifications-page.png'), fullPage: true })
      const saved = await e2e.db
        .selectFrom('notification_preferences as p')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .select(['p.kind', 'p.email'])
        .where('u.email', '=', 'city@securit.demo')
        .execute()
      assert.deepEqual(saved, [{ kind: 'use_case_comment', email: false }])
    },
  )

  await step('on a phone (375 px) the bell and the page fit the screen', async () => {
    phone = (await e2e.newPage({ width: 375 })).page
    await new SignInPage(phone).goto()
    await new SignInPage(phone).signIn('city@securit.demo', DEMO_PASSWORD)
    await new DashboardPage(phone).arrive()
    const bell = new Bell(phone)
    await bell.waitForLabel('Notifications')
    await bell.open()
    const box = await bell.popover.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `the popover fits: ${JSON.stringify(box)}`)
    await phone.screenshot({ path: join(SHOTS, 'bell-popover-phone.png') })
    await phone.keyboard.press('Escape')
    const notifications = new NotificationsPage(phone)
    await notifications.goto('notifications at 375 px')
    const overflow = await notifications.sidewaysOverflow()
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`)
    await phone.screenshot({ path: join(SHOTS, 'notifications-page-phone.png'), fullPage: true })
  })
})

test('the development mailbox shows a workshop invitation’s ICS attachment and downloads it', async (t) => {
  let operator: Page | undefined
  const step = journey(t, () => ({ operator }))
  let messageId = ''

  await step('cluster staff invite a guest to a workshop (the mail carries invite.ics)', async () => {
    const staff = await apiAs('staff.hsd@securit.demo')
    const cluster = await e2e.db
      .selectFrom('programme_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('r.cluster_id')
      .where('u.email', '=', 'staff.hsd@securit.demo')
      .executeTakeFirstOrThrow()
    const created = await staff('POST', '/api/v1/workshops', {
      clusterId: cluster.cluster_id,
      title: 'Bridges and tunnels: protecting critical transport',
      format: 'online',
      startsAt: '2031-03-12T09:00:00Z',
      endsAt: '2031-03-12T11:00:00Z',
      timeZone: 'Europe/Brussels',
      capacity: 20,
      meetingUrl: 'https://meet.example.test/bridges',
    })
    assert.equal(created.status, 201, await created.clone().text())
    const { id } = (await created.json()) as { id: string }
    assert.equal((await staff('POST', `/api/v1/workshops/${id}/publish`)).status, 200)
    assert.equal(
      (await staff('POST', `/api/v1/workshops/${id}/invitations`, { emails: ['guest@example.test'] })).status,
      200,
    )
    const row = await e2e.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', 'guest@example.test')
      .where('template', '=', 'workshop_invitation')
      .executeTakeFirstOrThrow()
    messageId = row.id
  })

  await step('the operator opens the message, sees the attachment and downloads it', async () => {
    operator = (await e2e.newPage()).page
    await new SignInPage(operator).goto()
    await new SignInPage(operator).signIn('operator@securit.demo', DEMO_PASSWORD)
    await new DashboardPage(operator).arrive()
    await operator.goto(`/app/admin/mailbox/${messageId}`)
    const page = new (class extends PageObject {})(operator)
    await page.heading('Invitation to the workshop Bridges and tunnels: protecting critical transport').waitFor()
    const attachments = operator.getByRole('region', { name: 'Attachments' })
    const link = attachments.getByRole('link', { name: 'invite.ics', exact: true })
    await link.waitFor()
    assert.match(await visibleText(attachments), /invite\.ics text\/calendar · \d+(\.\d)? KB/)
    await page.checkA11y('mailbox message with an attachment')
    await operator.screenshot({ path: join(SHOTS, 'mailbox-attachment.png'), fullPage: true })
    const [download] = await Promise.all([operator.waitForEvent('download'), link.click()])
    assert.equal(download.suggestedFilename(), 'invite.ics')
    const file = join(SHOTS, 'downloaded-invite.ics')
    await download.saveAs(file)
    const text = readFileSync(file, 'utf8')
    assert.match(text, /^BEGIN:VCALENDAR\r\n/)
    assert.match(text, /DTSTART;TZID=Europe\/Brussels:20310312T100000/)
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Brussels/)
  })
})
