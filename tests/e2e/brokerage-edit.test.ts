/**
 * An organiser changes a brokerage event from its organiser page: the form opens with the event's values
 * (the registration deadline in the event's zone), a change is saved and shown; axe on the form at 1280
 * and 375 px. Then a session: "Edit" opens the session's form in a dialog, prefilled; the API's field problem
 * shows next to its field, the saved change re-cuts the slots; the dialog fits 375 px; "Delete" asks first,
 * naming the session.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, test } from 'node:test'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { browsers, personPage } from './pages/ApplicationJourneySetup.ts'
import { OrganiserSessionsPage } from './pages/BrokerageSessionPages.ts'
import { PageObject, visibleText } from './pages/base.ts'
import { asPerson, createCentralEvent } from './pages/MatchmakingJourneySetup.ts'

const e2e = await startE2E()
after(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
})

/** Set SHOTS to a folder to keep screenshots of the session dialog at 1280 and 375 px. */
const shots = process.env.SHOTS

class EventForm extends PageObject {
  async arrive(heading: string): Promise<void> {
    await this.arriveAt('brokerage event form (edit)', heading, [this.textbox('Title')])
  }
}

test('an organiser changes an event’s title, venue and deadline from the organiser page', async (t) => {
  const page = await personPage(e2e)
  const step = journey(t, () => ({ organiser: page }))
  const title = 'Critical infrastructure matchmaking day'
  let eventId = ''

  await step('the organiser opens the edit form from the organiser page; it holds the event’s values', async () => {
    await asPerson(page, 'operator@securit.demo', DEMO_PASSWORD)
    eventId = await createCentralEvent(page, title)
    await page.goto(`/app/brokerage/${eventId}/organise`)
    const po = new EventForm(page)
    await po.main.getByRole('link', { name: 'Change the event', exact: true }).click()
    await po.arrive(`Change “${title}”`)
    assert.equal(await po.textbox('Title').inputValue(), title)
    assert.equal(await po.textbox('Venue (on site)').inputValue(), 'Brussels Expo, hall 3')
    const deadline = await po.main.getByLabel('Registration deadline (event time)').inputValue()
    assert.match(deadline, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    await page.setViewportSize({ width: 375, height: 900 })
    const overflow = await po.sidewaysOverflow()
    assert.ok(overflow <= 0, `the form scrolls sideways by ${overflow} px at 375 px`)
    await po.checkA11y('brokerage event form (edit) at 375 px')
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  await step('a change is saved and shown on the organiser page; the server has it', async () => {
    const po = new EventForm(page)
    await po.textbox('Title').fill(`${title} (2nd edition)`)
    await po.textbox('Venue (on site)').fill('Tour & Taxis, Brussels')
    await po.main.getByRole('button', { name: 'Save the changes', exact: true }).click()
    await page.waitForURL(`**/app/brokerage/${eventId}/organise`)
    await po.main.getByText(`${title} (2nd edition)`, { exact: false }).first().waitFor()
    const saved = await page.evaluate(async (id) => (await fetch(`/api/v1/brokerage/events/${id}`)).json(), eventId)
    assert.equal(saved.title, `${title} (2nd edition)`)
    assert.equal(saved.venue, 'Tour & Taxis, Brussels')
    await po.checkA11y('brokerage organiser page after the change')
  })

  await step('the organiser edits a session’s title and slot length in a dialog and sees the new slots', async () => {
    const po = await new OrganiserSessionsPage(page).goto(eventId)
    assert.match(await po.sessionText('Morning'), /· 30-minute slots · 4 slots · 5 tables\b/)
    const dialog = await po.openEdit('Morning')
    assert.equal(await po.field(dialog, 'Session name').inputValue(), 'Morning')
    assert.equal(await po.field(dialog, 'Slot length (minutes)').inputValue(), '30')
    assert.equal(await po.field(dialog, 'Tables or online rooms').inputValue(), '5')
    assert.match(await po.startsAt(dialog).inputValue(), /^\d{4}-\d{2}-\d{2}T09:00$/, 'in the event’s zone')
    assert.match(await po.endsAt(dialog).inputValue(), /T11:00$/)
    if (shots) {
      mkdirSync(shots, { recursive: true })
      await po.animationsDone()
      await page.screenshot({
        path: `${shots}/brokerage-session-dialog-1280.png`,
        animations: 'disabled',
        caret: 'hide',
      })
    }

    // The API's problem (150-minute slots in a two-hour session) shows next to its field, in words.
    await po.field(dialog, 'Slot length (minutes)').fill('150')
    await dialog.getByRole('button', { name: 'Save the session', exact: true }).click()
    assert.equal(
      await po.fieldError(po.field(dialog, 'Slot length (minutes)')),
      'Not one slot fits between the start and the end: shorten the slots or lengthen the session.',
    )
    assert.ok(await po.isInvalid(po.field(dialog, 'Slot length (minutes)')))
    await po.checkA11y('edit session dialog with a field error')

    await page.setViewportSize({ width: 375, height: 900 })
    const overflow = await po.sidewaysOverflow()
    assert.ok(overflow <= 0, `the session dialog scrolls sideways by ${overflow} px at 375 px`)
    const box = await dialog.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `the dialog is inside the screen: ${JSON.stringify(box)}`)
    await po.checkA11y('edit session dialog at 375 px')
    if (shots)
      await page.screenshot({
        path: `${shots}/brokerage-session-dialog-375.png`,
        animations: 'disabled',
        caret: 'hide',
      })
    await page.setViewportSize({ width: 1280, height: 900 })

    await po.field(dialog, 'Session name').fill('Morning pitches')
    await po.field(dialog, 'Slot length (minutes)').fill('20')
    await dialog.getByRole('button', { name: 'Save the session', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await po.notification('The session is saved.').waitFor()
    await po.session('Morning pitches').waitFor()
    assert.match(await po.sessionText('Morning pitches'), /· 20-minute slots · 6 slots · 5 tables\b/)
    const saved = await page.evaluate(async (id) => (await fetch(`/api/v1/brokerage/events/${id}`)).json(), eventId)
    const session = saved.sessions[0]
    assert.equal(session.title, 'Morning pitches')
    assert.equal(session.slotMinutes, 20)
    assert.deepEqual(
      session.slots.map((x: { startsAt: string }) => (Date.parse(x.startsAt) - Date.parse(session.startsAt)) / 60_000),
      [0, 20, 40, 60, 80, 100],
    )
    await po.checkA11y('organiser page after the session change')
    if (shots) {
      await po.notification('The session is saved.').waitFor({ state: 'hidden' })
      await po.sessions.screenshot({
        path: `${shots}/brokerage-sessions-1280.png`,
        animations: 'disabled',
        caret: 'hide',
      })
      await page.setViewportSize({ width: 375, height: 900 })
      assert.ok((await po.sidewaysOverflow()) <= 0, 'the sessions list fits 375 px')
      await po.sessions.screenshot({
        path: `${shots}/brokerage-sessions-375.png`,
        animations: 'disabled',
        caret: 'hide',
      })
      await page.setViewportSize({ width: 1280, height: 900 })
    }
  })

  await step('“Delete” on a session asks first, naming it; cancelling keeps it', async () => {
    const po = new OrganiserSessionsPage(page)
    const dialog = await po.openDelete('Morning pitches')
    assert.match(await visibleText(dialog), /6 slots go with it/)
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await po.session('Morning pitches').waitFor()
  })

  await step(
    'with a meeting placed, the dialog says up front what can no longer change; deletion is refused',
    async () => {
      // The demo event (central scheduling) has accepted requests: the organiser fixes one in its morning, at table 2.
      const demoId = await page.evaluate(async () => {
        const json = { accept: 'application/json', 'content-type': 'application/json' }
        const list = await (await fetch('/api/v1/brokerage/events')).json()
        const e = list.items.find((x: { title: string }) => x.title === 'SecurIT matchmaking day')
        const reqs = await (await fetch(`/api/v1/brokerage/events/${e.id}/requests?box=all&status=accepted`)).json()
        const slotId = e.sessions.find((x: { title: string }) => x.title === 'Morning').slots[1].id
        const fixed = await fetch(`/api/v1/brokerage/events/${e.id}/meetings`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ requestId: reqs.items[0].id, slotId, table: 2 }),
        })
        if (fixed.status !== 201) throw new Error(`fixing a meeting answered ${fixed.status}`)
        return e.id as string
      })
      const po = await new OrganiserSessionsPage(page).goto(demoId)
      assert.match(await po.sessionText('Morning'), /· 1 meeting placed\b/)
      const dialog = await po.openEdit('Morning')
      await dialog.getByText('Meetings are placed in this session', { exact: true }).waitFor()
      for (const field of [po.startsAt(dialog), po.endsAt(dialog), po.field(dialog, 'Slot length (minutes)')])
        assert.equal(await field.isDisabled(), true)
      assert.equal(await po.field(dialog, 'Tables or online rooms').isEnabled(), true)
      await dialog.getByText('At least 2: a meeting is placed at table 2.', { exact: true }).waitFor()
      if (shots)
        await page.screenshot({
          path: `${shots}/brokerage-session-dialog-locked-1280.png`,
          animations: 'disabled',
          caret: 'hide',
        })
      await page.setViewportSize({ width: 375, height: 900 })
      const overflow = await po.sidewaysOverflow()
      assert.ok(overflow <= 0, `the locked session dialog scrolls sideways by ${overflow} px at 375 px`)
      await po.checkA11y('edit session dialog with meetings, at 375 px')
      if (shots)
        await page.screenshot({
          path: `${shots}/brokerage-session-dialog-locked-375.png`,
          fullPage: true,
          animations: 'disabled',
          caret: 'hide',
        })
      await page.setViewportSize({ width: 1280, height: 900 })
      await po.field(dialog, 'Session name').fill('Morning (hall B)')
      await po.field(dialog, 'Tables or online rooms').fill('10')
      await dialog.getByRole('button', { name: 'Save the session', exact: true }).click()
      await dialog.waitFor({ state: 'hidden' })
      assert.match(await po.sessionText('Morning (hall B)'), /· 10 tables · 1 meeting placed\b/)

      const confirm = await po.openDelete('Morning (hall B)')
      assert.match(await visibleText(confirm), /1 meeting is placed in this session, so it cannot be deleted\./)
      assert.equal(await confirm.getByRole('button', { name: 'Delete the session', exact: true }).count(), 0)
      // The footer's "Close" (the header's × is "Close" too).
      await confirm.getByRole('button', { name: 'Close', exact: true }).last().click()
      await confirm.waitFor({ state: 'hidden' })
    },
  )
})
