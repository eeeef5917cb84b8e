/**
 * Matchmaking end to end (issue 6 §8): an SME opens a challenge's public page signed in and sees the
 * organisations recommended for it with the reasons; from there it goes to partner search, opens the
 * partner's post and expresses interest; the partner accepts; both register at a brokerage event, the
 * SME asks for a meeting, the partner accepts, the organiser schedules all centrally (progress bar) and
 * publishes; the SME finds the meeting in its agenda; it creates a consortium for the open call and the
 * challenge, invites the partner from the accepted interest, the partner accepts with a role, the rule
 * check passes and the SME turns the consortium into an application draft: the editor, partner included.
 * Axe on every page and dialog, at 1280 px and again at 375 px (where nothing may scroll sideways).
 *
 * Set MATCHMAKING_SHOTS to a folder to keep a screenshot of every page at both widths.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { PASSWORD } from '../factories/users.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { ApplicationEditorPage } from './pages/ApplicationEditorPage.ts'
import { browsers, callTitle, insertJourneyCall, personPage, smeWithMember } from './pages/ApplicationJourneySetup.ts'
import { SignInPage } from './pages/AuthPages.ts'
import { PageObject, visibleText } from './pages/base.ts'
import { asPerson, createCentralEvent, createPost } from './pages/MatchmakingJourneySetup.ts'
import {
  acceptInterest,
  BrokeragePages,
  ConsortiumPages,
  MarketplacePage,
  PartneringListPage,
  PostPage,
  PublicChallengePage,
} from './pages/MatchmakingPages.ts'

const e2e = await startE2E()
after(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
})

const sme = { name: 'Sanne Bakker', email: 'sanne.bakker@perimeta.example', org: 'Perimeta Sensing B.V.' }
const partner = { name: 'Rui Costa', email: 'rui.costa@lusoradar.example', org: 'Lusoradar Lda' }
const challengeTitle = 'Detection and location of intruders in protected perimeters'
const postTitle = 'Ground radar and thermal fusion for airport and plant perimeters'
const eventTitle = 'Perimeter security matchmaking day'

await smeWithMember(e2e, sme, 'NL')
await smeWithMember(e2e, partner, 'PT')
// The partner's profile speaks of what the challenge asks for: the recommendations rank it high.
await e2e.db
  .updateTable('organisations')
  .set({
    description:
      'We build ground radar and thermal cameras that detect, classify and locate intruders on large perimeters of airports, energy plants and Seveso sites, day and night, with few false alarms from wildlife and weather.',
    language: 'en',
  })
  .where('legal_name', '=', partner.org)
  .execute()
const call = await insertJourneyCall(e2e)
const challenge = await e2e.db
  .selectFrom('challenges')
  .select(['id', 'slug'])
  .where('programme_id', '=', e2e.programmeId)
  .where('code', '=', 'D1-C2')
  .executeTakeFirstOrThrow()

/** Set MATCHMAKING_SHOTS to a folder to keep the screenshots. */
const shots = process.env.MATCHMAKING_SHOTS
if (shots) mkdirSync(shots, { recursive: true })

/**
 * The page as it is, at 1280 px and at 375 px: axe again on the phone, nothing wider than the screen
 * (no sideways scroll), and a full-page screenshot of each width when MATCHMAKING_SHOTS is set.
 */
async function bothWidths(page: Page, name: string): Promise<void> {
  const po = new (class extends PageObject {})(page)
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 }
  if (shots) await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true })
  await page.setViewportSize({ width: 375, height: viewport.height })
  try {
    const overflow = await po.sidewaysOverflow()
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow} px at 375 px`)
    await po.checkA11y(`${name} at 375 px`)
    if (shots) await page.screenshot({ path: `${shots}/${name}-375.png`, fullPage: true })
  } finally {
    await page.setViewportSize(viewport)
  }
}

test('an SME finds a partner through the recommendations, meets it at a brokerage event, forms a consortium and starts the application', async (t) => {
  let smePage: Page | undefined
  let partnerPage: Page | undefined
  let organiser: Page | undefined
  const step = journey(t, () => ({ sme: smePage, partner: partnerPage, organiser }))
  let eventId = ''

  await step('the setting: the partner’s post in partner search, an organiser’s brokerage event', async () => {
    partnerPage = await personPage(e2e)
    await asPerson(partnerPage, partner.email, PASSWORD)
    await createPost(e2e, partnerPage, {
      organisation: partner.org,
      title: postTitle,
      challengeId: challenge.id,
    })
    organiser = await personPage(e2e)
    await asPerson(organiser, 'operator@securit.demo', DEMO_PASSWORD)
    eventId = await createCentralEvent(organiser, eventTitle)
  })

  await step(
    'the SME opens the challenge’s public page signed in and sees the partner recommended, with reasons',
    async () => {
      smePage = (await e2e.newPage()).page
      await new SignInPage(smePage).goto()
      await new SignInPage(smePage).signIn(sme.email, PASSWORD)
      const challengePage = await new PublicChallengePage(smePage).goto(challenge.slug, challengeTitle)
      const item = challengePage.recommendation(partner.org)
      await item.waitFor()
      const why = await visibleText(item)
      assert.match(why, /Shared words:/, why)
      for (const word of ['perimeters', 'intruders']) assert.ok(why.includes(word), `"${word}" not in ${why}`)
      assert.match(why, new RegExp(`^${partner.org} PT Score \\d\\.\\d\\d Shared words: `), why)
      // Its own organisation is not recommended to itself.
      assert.equal(await challengePage.recommendation(sme.org).count(), 0)
      await bothWidths(smePage, '01-challenge-recommendations')
    },
  )

  await step(
    'it goes to partner search for the challenge, opens the partner’s post and expresses interest',
    async () => {
      await smePage!.getByRole('link', { name: 'Partner search posts for this challenge', exact: true }).click()
      const market = await new MarketplacePage(smePage!).arrive('partner search, posts for the challenge')
      await bothWidths(smePage!, '02-partnering-marketplace')
      await market.post(postTitle).click()
      const post = await new PostPage(smePage!).arrive(postTitle)
      await bothWidths(smePage!, '03-partnering-post')
      await post.expressInterest(
        'We make fibre fence sensors for airports; fused with your radar they would cut the false alarms further.',
      )
      await post.myInterest.getByText('Pending', { exact: true }).waitFor()
      await post.checkA11y('post with the interest sent')
    },
  )

  await step('the partner accepts the interest from its post', async () => {
    const mine = await new PartneringListPage(partnerPage!).gotoMyPosts()
    await bothWidths(partnerPage!, '04-partnering-my-posts')
    await mine.main.getByRole('link', { name: postTitle }).first().click()
    const post = await new PostPage(partnerPage!).arrive(postTitle, 'own post with an interest received')
    const card = post.interest(sme.org)
    await card.getByText('Pending', { exact: true }).waitFor()
    await acceptInterest(post, card, 'Gladly: let us talk at the matchmaking day.')
    await card.getByText('Accepted', { exact: true }).waitFor()
    // The contacts are exchanged on acceptance.
    await card.getByRole('link', { name: sme.email }).waitFor()
    await post.checkA11y('own post, interest accepted')
    await bothWidths(partnerPage!, '05-partnering-post-owner')
  })

  await step('the SME sees the acceptance and the partner’s contact in its interests and messages', async () => {
    const interests = await new PartneringListPage(smePage!).gotoMyInterests()
    const card = interests.article(postTitle)
    await card.getByText('Accepted', { exact: true }).waitFor()
    await card.getByRole('link', { name: partner.email }).waitFor()
    await bothWidths(smePage!, '06-partnering-my-interests')
    const messages = await new PartneringListPage(smePage!).gotoMessages()
    await bothWidths(smePage!, '07-partnering-messages')
    await messages.main
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: new RegExp(`^${partner.org}`) })
      .click()
    await messages.arriveThread('Gladly: let us talk at the matchmaking day.')
    await bothWidths(smePage!, '07-partnering-thread')
  })

  await step('both register at the brokerage event', async () => {
    for (const [page, who, profile] of [
      [smePage!, 'sme', 'Fibre fence sensors for airports and energy plants; we look for radar partners.'],
      [partnerPage!, 'partner', 'Ground radar and thermal cameras for perimeters; we look for fence sensing.'],
    ] as const) {
      const list = await new BrokeragePages(page).gotoList(eventTitle)
      if (who === 'sme') await bothWidths(page, '08-brokerage-list')
      await list.main.getByRole('link', { name: eventTitle }).click()
      const event = new BrokeragePages(page)
      await event.heading(eventTitle).waitFor()
      await event.gotoEvent(eventId, eventTitle)
      await event.register({ profile, offer: 'A pilot site in our country.', request: 'A partner for the open call.' })
      await event.checkA11y(`brokerage event, ${who} registered`)
    }
  })

  await step('the SME requests a meeting with the partner; the partner accepts it', async () => {
    const event = await new BrokeragePages(smePage!).gotoEvent(eventId, eventTitle)
    await event.participant(partner.org).waitFor()
    await bothWidths(smePage!, '09-brokerage-event')
    await event.requestMeeting(partner.org, 'To plan the radar and fence pilot for the open call.')
    await event.participant(partner.org).getByText('Pending', { exact: true }).waitFor()
    await new BrokeragePages(smePage!).gotoRequests(eventId, 'Sent')
    const received = await new BrokeragePages(partnerPage!).gotoRequests(eventId)
    const request = received.main.getByRole('article').filter({ hasText: sme.org })
    await request.getByRole('button', { name: 'Accept', exact: true }).click()
    await request.getByText('Accepted', { exact: true }).waitFor()
    await received.checkA11y('meeting request accepted')
    await bothWidths(partnerPage!, '10-brokerage-requests')
  })

  await step('the organiser schedules all centrally, watches the progress and publishes', async () => {
    const organise = await new BrokeragePages(organiser!).gotoOrganiser(eventId)
    await bothWidths(organiser!, '11-brokerage-organiser')
    await organise.schedule.getByRole('button', { name: 'Schedule all', exact: true }).click()
    await organise.schedule.getByRole('progressbar', { name: 'Scheduling progress' }).waitFor()
    await organise.schedule.getByText('Done.', { exact: true }).waitFor({ timeout: 60_000 })
    assert.equal(
      await organise.schedule.getByRole('progressbar', { name: 'Scheduling progress' }).getAttribute('aria-valuenow'),
      '100',
    )
    assert.match(
      await visibleText(organise.schedule),
      / 1 meeting placed; accepted requests: 1 \(0 fixed by hand\); 100 % of the best possible\. /,
    )
    await organise.checkA11y('organiser page, schedule computed')
    await organise.schedule.getByRole('button', { name: 'Publish this schedule', exact: true }).click()
    await organise.schedule.getByText('A schedule is published; participants see their agendas.').waitFor()
    // The list of requests is fetched again after the publication: wait for the meeting to show in it.
    const requests = organise.main.getByRole('region', { name: 'Meeting requests', exact: true })
    await requests
      .getByRole('row')
      .filter({ hasText: /table \d/ })
      .first()
      .waitFor()
    const row = requests.getByRole('row').nth(1)
    assert.match(await visibleText(row), new RegExp(`${sme.org}.*${partner.org}.*Accepted.*table \\d`))
    await bothWidths(organiser!, '12-brokerage-organiser-published')
  })

  await step('the SME sees the meeting in its agenda', async () => {
    const agenda = await new BrokeragePages(smePage!).gotoAgenda(eventId, [
      smePage!.getByRole('main').getByRole('listitem').first(),
    ])
    const meetings = await agenda.meetings()
    assert.equal(meetings.length, 1, JSON.stringify(meetings))
    assert.ok(meetings[0]!.includes(partner.org), meetings[0])
    assert.match(meetings[0]!, /table \d/)
    await bothWidths(smePage!, '13-brokerage-agenda')
  })

  const acronym = 'FENCERADAR'
  const leadRole = 'Leads; fibre fence sensing and the pilot at an airport.'
  const partnerRole = 'Ground radar and thermal cameras; runs the pilot at a Portuguese plant.'
  const consortiumTitle = `${acronym} — Fence and radar watch of perimeters`
  await step('the SME creates a consortium for the open call and the challenge', async () => {
    await new ConsortiumPages(smePage!).gotoList('my consortia, none yet')
    const form = await new ConsortiumPages(smePage!).gotoNew()
    await bothWidths(smePage!, '14-consortia-new')
    await form.create({
      call: `${call.code} · ${callTitle} (Call open)`,
      challenge: challengeTitle,
      acronym,
      name: 'Fence and radar watch of perimeters',
      role: leadRole,
    })
    const page = await new ConsortiumPages(smePage!).arriveConsortium(consortiumTitle, 'consortium, just created')
    assert.match(await page.verdict(), /^Some rules are not met yet/)
  })

  await step('it invites the partner from the accepted interest (“Invite to a consortium”)', async () => {
    const interests = await new PartneringListPage(smePage!).gotoMyInterests()
    await interests.article(postTitle).getByRole('link', { name: 'Invite to a consortium', exact: true }).click()
    const list = await new ConsortiumPages(smePage!).arriveList('consortia, choosing where to invite', [
      smePage!.getByRole('main').getByRole('article').first(),
    ])
    await list.main.getByText(`Choose the consortium you lead to invite ${partner.org} to.`).waitFor()
    await bothWidths(smePage!, '15-consortia-list-invite')
    await list.card(acronym).getByRole('button', { name: 'Invite here', exact: true }).click()
    await list.invitePreset('Ground radar and thermal cameras; the radar–fence fusion.')
    const page = await new ConsortiumPages(smePage!).arriveConsortium(consortiumTitle, 'consortium, partner invited')
    const member = page.member(partner.org)
    await member.getByText('Invited', { exact: true }).waitFor()
    await member.getByText('From partner search').waitFor()
  })

  await step('the partner accepts with a role; the rule check passes', async () => {
    const list = await new ConsortiumPages(partnerPage!).gotoList('consortia, invited')
    const card = list.card(acronym)
    await card.getByText('You are invited', { exact: true }).waitFor()
    await card.getByRole('link', { name: consortiumTitle }).click()
    const page = await new ConsortiumPages(partnerPage!).arriveConsortium(consortiumTitle, 'consortium, invited')
    await page.accept(partner.org, partnerRole)
    await page.member(partner.org).getByText('Accepted', { exact: true }).waitFor()
    await page.member(partner.org).getByText('runs the pilot at a Portuguese plant').waitFor()
    assert.equal(await page.verdict(), 'Every consortium rule is met')
    await page.checkA11y('consortium, partner joined')
    await bothWidths(partnerPage!, '16-consortia-consortium-partner')
  })

  await step(
    'the SME sees the rules met, turns the consortium into an application and lands in the editor',
    async () => {
      await smePage!.reload()
      const page = await new ConsortiumPages(smePage!).arriveConsortium(consortiumTitle, 'consortium, rules met')
      assert.equal(await page.verdict(), 'Every consortium rule is met')
      await bothWidths(smePage!, '17-consortia-consortium-ready')
      const list = await new ConsortiumPages(smePage!).gotoList('my consortia, one ready')
      await list.card(acronym).getByText('Every consortium rule is met').waitFor()
      await bothWidths(smePage!, '18-consortia-list')
      await list.card(acronym).getByRole('link', { name: consortiumTitle }).click()
      await page.arriveConsortium(consortiumTitle, 'consortium, rules met, again')
      await page.main.getByRole('button', { name: 'Turn into an application', exact: true }).click()
      const editor = await new ApplicationEditorPage(smePage!).arrive(
        acronym,
        'application editor, from the consortium',
      )
      await editor.openTab('Consortium')
      const item = editor.partner(partner.org)
      await item.root.waitFor()
      assert.match(await item.header(), new RegExp(partner.org))
      // Each side's part starts with the role stated in the consortium.
      const own = editor.partner(sme.org)
      await own.open()
      assert.equal(await own.textbox('Role in the project').inputValue(), leadRole)
      await item.open()
      assert.equal(await item.textbox('Role in the project').inputValue(), partnerRole)
      await editor.checkA11y('application editor, consortium tab')
      await bothWidths(smePage!, '19-application-from-consortium')
    },
  )

  await step('the other pages: the operator’s challenge page and new event, Our solutions', async () => {
    await organiser!.goto(`/app/admin/challenges/${challenge.id}`)
    const admin = new PublicChallengePage(organiser!)
    await admin.heading(new RegExp(challengeTitle)).waitFor()
    await admin.recommendedOrganisations.getByRole('listitem').first().waitFor()
    await admin.checkA11y('operator’s challenge page with recommendations')
    await bothWidths(organiser!, '20-operator-challenge-recommendations')
    await organiser!.goto('/app/brokerage/new')
    await admin.heading('New brokerage event').waitFor()
    await admin.checkA11y('new brokerage event')
    await bothWidths(organiser!, '21-brokerage-new-event')
    await smePage!.goto('/app/solutions')
    const ours = new PublicChallengePage(smePage!)
    await ours.heading('Our solutions').waitFor()
    await ours.main.getByRole('region', { name: 'Challenges that fit', exact: true }).waitFor()
    await ours.checkA11y('Our solutions, with what fits')
    await bothWidths(smePage!, '22-our-solutions-fits')
  })

  await step('a consortium invitation by e-mail, opened by the person invited', async () => {
    const demo = await personPage(e2e)
    await asPerson(demo, 'sme@securit.demo', DEMO_PASSWORD)
    const list = await new ConsortiumPages(demo).gotoList('demo SME’s consortia')
    await list
      .card('SENTINEL')
      .getByRole('link', { name: /^SENTINEL/ })
      .click()
    const sentinel = await new ConsortiumPages(demo).arriveConsortium(
      'SENTINEL — Drone detection for critical sites',
      'seeded consortium',
    )
    await sentinel.inviteByEmail(partner.email, 'Radar tracks for the drone detection.')
    await sentinel.member(partner.email).getByText('Invited', { exact: true }).waitFor()
    // The mail is written with the invitation, in its transaction.
    const mail = await e2e.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('to_address', '=', partner.email)
      .where('subject', 'like', '%SENTINEL%')
      .executeTakeFirstOrThrow()
    const href = /\/app\/consortium-invitations\/\S+/.exec(mail.text_body)?.[0]
    assert.ok(href, mail.text_body)
    await partnerPage!.goto(href)
    const invitation = new ConsortiumPages(partnerPage!)
    await invitation.heading('Invitation to a consortium').waitFor()
    await invitation.main.getByRole('button', { name: 'Accept', exact: true }).waitFor()
    await invitation.checkA11y('consortium invitation page')
    await bothWidths(partnerPage!, '23-consortia-invitation')
  })
})
