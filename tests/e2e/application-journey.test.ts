/**
 * A consortium application end to end (issue 5, item 9): the lead SME finds an open call on its public
 * page, clicks Apply, signs in, starts an application for a challenge and invites a partner; the
 * partner opens the invitation from the development mailbox, signs in, joins for its organisation,
 * fills its part and confirms it; the lead's readiness panel lists what is missing (a required answer,
 * a TRL outside the call's window, a budget over the cap per project), the lead fixes each item from
 * the panel's links and watches the panel update as it types, submits, sees the signed receipt at once,
 * downloads it and verifies it with `receipt:verify`, changes an answer and resubmits (two revisions,
 * the latest counts); at the deadline the editor turns read-only and the API refuses with
 * `deadline_passed`. Axe on every page and dialog.
 */
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { PASSWORD } from '../factories/users.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { ApplicationEditorPage } from './pages/ApplicationEditorPage.ts'
import {
  browsers,
  callTitle,
  insertJourneyCall,
  lead,
  partner,
  personPage,
  savedPart,
  serverApp,
  smeWithMember,
  verifyReceipt,
} from './pages/ApplicationJourneySetup.ts'
import { ApplicationInvitationPage, NewApplicationPage, PublicCallPage } from './pages/ApplicationPages.ts'
import { SignInPage } from './pages/AuthPages.ts'
import { visibleText } from './pages/base.ts'
import { MailboxPage } from './pages/MailboxPage.ts'

const e2e = await startE2E()
after(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
})

/** Set APPLICATION_SHOTS to a folder to keep a screenshot of each key state of the journey. */
const shots = process.env.APPLICATION_SHOTS
if (shots) mkdirSync(shots, { recursive: true })
async function shot(page: Page, name: string) {
  if (!shots) return
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

await smeWithMember(e2e, lead, 'NL')
await smeWithMember(e2e, partner, 'PT')
const call = await insertJourneyCall(e2e)

test('a lead SME applies with a partner, fixes what the readiness panel shows, submits, verifies its receipt and resubmits', async (t) => {
  let leadPage: Page | undefined
  let partnerPage: Page | undefined
  let operator: Page | undefined
  const step = journey(t, () => ({ lead: leadPage, partner: partnerPage, operator }))
  const acronym = 'NIGHTWATCH'
  let editor: ApplicationEditorPage
  let reference = ''
  let receiptFile = ''

  await step('the lead opens the call’s public page, clicks Apply and signs in', async () => {
    leadPage = (await e2e.newPage()).page
    const callPage = await new PublicCallPage(leadPage).goto(call.code, callTitle)
    await shot(leadPage, '01-public-call')
    await callPage.apply.click()
    const signIn = await new SignInPage(leadPage).arrive('sign-in before applying')
    await signIn.attempt(lead.email, PASSWORD)
    await new NewApplicationPage(leadPage).arrive()
  })

  await step('it chooses its organisation and a challenge and starts the application', async () => {
    const form = new NewApplicationPage(leadPage!)
    await form.main.getByText(callTitle).waitFor()
    await form.start({
      organisation: lead.org,
      challenge: 'Detection and location of intruders in protected perimeters · TRL 5–8',
      acronym,
      title: 'Thermal and radar watch of perimeters at night',
    })
    editor = await new ApplicationEditorPage(leadPage!).arrive(acronym, 'application editor, just started')
    // The header names the application by its reference, then its call.
    const line = await visibleText(editor.main.getByText(new RegExp(` · ${call.code} · ${callTitle}$`)))
    reference = line.split(' · ')[0] ?? ''
    assert.match(reference, /^APP-\d+$/)
    assert.equal(await editor.question('Acronym').inputValue(), acronym)
    assert.equal(await editor.question('Project title').inputValue(), 'Thermal and radar watch of perimeters at night')
  })

  await step('it gives a TRL outside the call’s window and writes its own part over the cap per project', async () => {
    await editor.question('TRL at the start').fill('3')
    await editor.question('TRL at the end').fill('7')
    await editor.question('TRL at the end').blur()
    await editor.waitSaved()
    await editor.issue("TRL 3 at the start is outside the call's window (TRL 5 to 8).").waitFor()
    await editor.openTab('Consortium')
    const own = editor.partner(lead.org)
    await own.open()
    await own.fill({
      contactName: lead.name,
      contactEmail: lead.email,
      role: 'Leads the project; builds the thermal and radar sensor mast.',
      personnel: 70000,
      requested: 60000,
      signatory: lead.name,
      signatoryRole: 'Managing director',
    })
    const saved = await savedPart(leadPage!, editor.id, lead.org)
    assert.equal(saved.contactName, lead.name)
    assert.deepEqual(saved.smeDeclaration, { category: 'small', confirmed: true })
    assert.equal(saved.budget.requestedCents, 6_000_000)
    assert.equal(saved.declarationOfHonour.signatoryRole, 'Managing director')
    assert.equal(saved.declarationOfHonour.signatoryName, lead.name)
    await editor.checkA11y('consortium tab, the lead’s part filled')
  })

  await step('it invites a partner by e-mail', async () => {
    await editor.main.getByRole('button', { name: 'Invite a partner', exact: true }).click()
    const dialog = editor.page.getByRole('dialog', { name: 'Invite a partner organisation' })
    await dialog.waitFor()
    await editor.checkA11y('invite dialog')
    await editor.textbox('E-mail of the person to invite', dialog).fill(partner.email)
    await editor.textbox('Their name', dialog).fill(partner.name)
    await dialog.getByRole('button', { name: 'Send the invitation', exact: true }).click()
    await editor.notification(`Invitation sent to ${partner.email}.`).waitFor()
    await dialog.waitFor({ state: 'hidden' })
    await editor.issue(`${partner.name} has not answered the invitation yet.`).waitFor()
    await shot(leadPage!, '02-partner-invited')
  })

  let invitationHref = ''
  await step('an operator finds the invitation in the development mailbox', async () => {
    operator = await personPage(e2e)
    await new SignInPage(operator).goto()
    await new SignInPage(operator).signIn('operator@securit.demo', DEMO_PASSWORD)
    const mail = await e2e.db
      .selectFrom('mail_messages')
      .select('subject')
      .where('to_address', '=', partner.email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    const message = await (await new MailboxPage(operator).goto()).openMessage(partner.email, mail.subject)
    invitationHref = await message.linkHref('/app/application-invitations/')
  })

  let partnerEditor: ApplicationEditorPage
  await step('the partner opens the invitation, signs in and joins for its organisation', async () => {
    partnerPage = await personPage(e2e)
    const invitation = await new ApplicationInvitationPage(partnerPage).gotoSignedOut(invitationHref)
    await invitation.signInLink()
    await (await new SignInPage(partnerPage).arrive('sign-in from the invitation')).attempt(partner.email, PASSWORD)
    await invitation.arrive()
    assert.match(
      await visibleText(invitation.offer),
      new RegExp(
        `^${lead.org} invites your organisation to join the application ${acronym} to the call ${callTitle}\\.$`,
      ),
    )
    await shot(partnerPage, '03-invitation')
    assert.equal(await invitation.accept(partner.org), `You joined the application ${reference}.`)
    partnerEditor = await new ApplicationEditorPage(partnerPage).arrive(acronym, 'application editor, partner')
    await partnerEditor.main
      .getByText(
        "The lead's members write the shared sections; you fill in and confirm your organisation's own part in the Consortium tab.",
      )
      .waitFor()
    assert.equal(await partnerEditor.question('Summary').getAttribute('readonly'), '')
  })

  await step('the partner fills its part and confirms it', async () => {
    await partnerEditor.openTab('Consortium')
    const own = partnerEditor.partner(partner.org)
    await own.open()
    await own.fill({
      contactName: partner.name,
      contactEmail: partner.email,
      role: 'Adapts its intrusion analytics to the thermal images and runs the pilot in Porto.',
      personnel: 60000,
      requested: 50000,
      signatory: partner.name,
      signatoryRole: 'CEO',
    })
    const saved = await savedPart(partnerPage!, partnerEditor.id, partner.org)
    assert.equal(saved.contactEmail, partner.email)
    assert.equal(saved.budget.requestedCents, 5_000_000)
    assert.equal(saved.declarationOfHonour.noDoubleFunding, true)
    assert.equal(saved.declarationOfHonour.signatoryName, partner.name)
    await own.confirm()
    assert.match(await own.header(), /Part confirmed/)
    await partnerEditor.checkA11y('consortium tab, the partner’s part confirmed')
    await shot(partnerPage!, '04-partner-part-confirmed')
  })

  await step('the lead’s readiness panel lists a missing answer, the TRL window and the cap per project', async () => {
    await leadPage!.reload()
    editor = await new ApplicationEditorPage(leadPage!).arrive(acronym, 'application editor, lead, partner joined')
    await editor.readinessIs(/^Not ready: 3 problems to fix/)
    const issues = await editor.issues()
    for (const expected of [
      'An answer is required. (Summary)',
      "TRL 3 at the start is outside the call's window (TRL 5 to 8). (TRL at the start)",
      'The consortium requests €110,000.00: more than the €100,000.00 allowed per project. (Budget of the consortium)',
    ])
      assert.ok(issues.includes(expected), `"${expected}" not in ${JSON.stringify(issues)}`)
    await shot(leadPage!, '05-readiness-not-ready')
  })

  await step('it fixes each item from the panel’s links and the panel follows as it types', async () => {
    // The missing answer: the link opens the section and focuses the field.
    await editor.issue('An answer is required.').click()
    await leadPage!.waitForFunction(() => document.activeElement?.id === 'q-summary')
    await leadPage!.keyboard.type(
      'Thermal cameras and a short-range radar watch the perimeter; analytics tell people from animals.',
    )
    await editor.readinessIs(/^Not ready: 2 problems to fix/)
    assert.equal(await editor.issue('An answer is required.').count(), 0)
    // The TRL window.
    await editor.issue(/^TRL 3 at the start is outside/).click()
    await leadPage!.waitForFunction(() => document.activeElement?.id === 'q-trl_start')
    await editor.question('TRL at the start').fill('5')
    await editor.readinessIs(/^Not ready: 1 problem to fix/)
    // The cap per project: from the budget table to the lead's own line.
    await editor.issue(/^The consortium requests €110,000\.00/).click()
    await editor.main.getByRole('heading', { level: 2, name: '2. Budget', exact: true }).waitFor()
    await editor.checkA11y('budget section with the consortium’s lines')
    await editor.main.getByRole('button', { name: 'Edit my line', exact: true }).click()
    await leadPage!.waitForFunction(() => document.activeElement?.id?.endsWith('-requested') ?? false)
    await editor.partner(lead.org).textbox('Support requested').fill('40000')
    await editor.readinessIs(/^Ready to submit/)
    await editor.partner(lead.org).textbox('Support requested').blur()
    await editor.partner(lead.org).waitSaved()
    await editor.waitSaved()
    assert.deepEqual(await editor.issues(), [])
    await editor.checkA11y('application ready to submit')
    await shot(leadPage!, '06-readiness-ready')
  })

  await step('it submits and sees the signed receipt at once', async () => {
    await editor.openSubmitDialog('Submit the application', 'Submit the application')
    assert.match(
      await visibleText(editor.dialog),
      new RegExp(`You submit ${acronym} as it is now: it becomes revision 1, kept unchanged with its digest\\.`),
    )
    assert.equal(await editor.submitNow(1), `Revision 1 of ${reference} submitted. Your receipt is below.`)
    const receipt = await visibleText(editor.receipt)
    assert.ok(receipt.includes(`${reference} · ${acronym}`), receipt)
    assert.ok(receipt.includes(`${call.code} · version 1`), receipt)
    assert.ok(receipt.includes(`${lead.org}, ${partner.org}`), receipt)
    assert.match(await visibleText(editor.main.getByTestId('receipt-digest')), /^[0-9a-f]{64}$/)
    await editor.checkA11y('receipt of revision 1')
    await shot(leadPage!, '07-receipt')
  })

  await step(
    'it downloads receipt.json, which verifies against the published keys (a tampered copy does not)',
    async () => {
      const download = await editor.downloadReceiptJson()
      assert.equal(download.suggestedFilename(), `receipt-${reference}-r1.json`)
      const dir = join(tmpdir(), 'cascade-e2e')
      mkdirSync(dir, { recursive: true })
      receiptFile = join(dir, `application-journey-${Date.now()}-${download.suggestedFilename()}`)
      await download.saveAs(receiptFile)
      const signed = JSON.parse(readFileSync(receiptFile, 'utf8'))
      assert.equal(signed.payload.reference, reference)
      assert.equal(signed.payload.revision, 1)
      const verify = (file: string) => verifyReceipt(file, e2e.baseUrl)
      const good = await verify(receiptFile)
      assert.equal(good.code, 0, good.out)
      const tampered = join(dir, `tampered-${Date.now()}.json`)
      writeFileSync(tampered, JSON.stringify({ ...signed, payload: { ...signed.payload, revision: 7 } }))
      const bad = await verify(tampered)
      assert.equal(bad.code, 1, bad.out)
    },
  )

  await step('it changes an answer and resubmits: two revisions, the latest counts', async () => {
    await editor.openTab('Application form')
    await editor.openSection('1. Project')
    await editor
      .question('Summary')
      .fill(
        'Thermal cameras and a short-range radar watch the perimeter at night; analytics tell people from animals and alert the guards.',
      )
    await editor.question('Summary').blur()
    await editor.waitSaved()
    await editor.main.getByText(/^The application changed since revision 1 was submitted\./).waitFor()
    await editor.openSubmitDialog('Resubmit the application', 'Resubmit the application')
    assert.equal(await editor.submitNow(2), `Revision 2 of ${reference} submitted. Your receipt is below.`)
    await editor.revisions.waitFor()
    await leadPage!.waitForFunction(
      () => document.querySelectorAll('section[aria-labelledby="revisions-title"] tbody tr').length === 2,
    )
    assert.deepEqual(await editor.revisionRows(), ['2 Counts', '1'])
    // The badge is shown whole on a laptop and on a phone.
    const viewport = leadPage!.viewportSize()!
    for (const width of [1280, 375]) {
      await leadPage!.setViewportSize({ width, height: viewport.height })
      assert.ok(await editor.countsBadgeFits(), `the "Counts" badge is cut at ${width} px`)
    }
    await leadPage!.setViewportSize(viewport)
    const app = await serverApp(leadPage!, editor.id)
    assert.equal(app.status, 'submitted')
    assert.equal(app.submittedRevision, 2)
    assert.deepEqual(
      app.revisions.map((r: { revision: number; current: boolean }) => [r.revision, r.current]),
      [
        [1, false],
        [2, true],
      ],
    )
    await editor.checkA11y('submission tab with two revisions')
    await shot(leadPage!, '08-resubmitted')
  })

  await step('at the deadline the editor turns read-only with the deadline message; the API refuses', async () => {
    // The server's clock decides: the deadline is moved to a few seconds from now, and the open editor
    // locks itself when it passes (the countdown ticks every second in the last hour).
    await e2e.db
      .updateTable('calls')
      .set({ closes_at: new Date(Date.now() + 6_000) })
      .where('id', '=', call.id)
      .execute()
    await leadPage!.reload()
    editor = await new ApplicationEditorPage(leadPage!).arrive(
      acronym,
      'application editor, seconds before the deadline',
    )
    await editor.deadlineBanner.waitFor({ timeout: 20_000 })
    assert.match(
      await visibleText(editor.deadlineBanner),
      /^The deadline has passed The deadline was .+\. The application is read-only: nothing can be changed, submitted or withdrawn any more\.$/,
    )
    await editor.openTab('Application form')
    await editor.openSection('1. Project')
    assert.equal(await editor.question('Summary').getAttribute('readonly'), '')
    await editor.openTab('Submission')
    assert.equal(await editor.main.getByRole('button', { name: /^(Resubmit|Submit) the application$/ }).count(), 0)
    assert.equal(await editor.main.getByRole('button', { name: 'Withdraw the application' }).count(), 0)
    const refused = await leadPage!.evaluate(async (id) => {
      const app = await (await fetch(`/api/v1/applications/${id}`)).json()
      const res = await fetch(`/api/v1/applications/${id}/answers`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ baseVersion: app.version, changes: { summary: 'Too late.' } }),
      })
      return { status: res.status, body: await res.json() }
    }, editor.id)
    assert.equal(refused.status, 409, JSON.stringify(refused.body))
    assert.equal(refused.body.code, 'deadline_passed')
    await editor.checkA11y('application after the deadline')
    await shot(leadPage!, '09-after-deadline')
  })
})
