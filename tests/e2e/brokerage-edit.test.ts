/**
 * An organiser changes a brokerage event from its organiser page: the form opens with the event's values
 * (the registration deadline in the event's zone), a change is saved and shown; axe on the form at 1280
 * and 375 px.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { browsers, personPage } from './pages/ApplicationJourneySetup.ts'
import { PageObject } from './pages/base.ts'
import { asPerson, createCentralEvent } from './pages/MatchmakingJourneySetup.ts'

const e2e = await startE2E()
after(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
})

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
})
