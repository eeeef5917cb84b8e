import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { createUser, PASSWORD } from '../factories/users.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage, SignUpPage, VerifiedPage } from './pages/AuthPages.ts'
import { visibleText } from './pages/base.ts'
import { InvitationPage } from './pages/InvitationPage.ts'
import { MailboxPage } from './pages/MailboxPage.ts'
import { type MembersSection, NewOrganisationPage, OrganisationPage } from './pages/OrganisationPages.ts'
import { Shell } from './pages/Shell.ts'

const e2e = await startE2E()

test('a newcomer signs up, verifies through the mailbox, registers an organisation, and two people join it', async (t) => {
  const owner = { name: 'Ana Kovač', email: 'ana.kovac@example.test', password: 'a long enough passphrase' }
  const org = { legalName: 'Kovač Sensing d.o.o.', website: 'https://kovac-sensing.example' }
  let ownerPage: Page | undefined
  let operatorPage: Page | undefined
  let inviteePage: Page | undefined
  let newcomerPage: Page | undefined
  const step = journey(t, () => ({
    owner: ownerPage,
    operator: operatorPage,
    colleague: inviteePage,
    newcomer: newcomerPage,
  }))

  await step('the future owner signs up and is asked to check their inbox', async () => {
    ownerPage = (await e2e.newPage()).page
    const signUp = await new SignUpPage(ownerPage).goto()
    const message = await signUp.signUp(owner)
    assert.equal(message, `We sent a verification link to ${owner.email}. Follow it to activate your account.`)
  })

  let verifyHref = ''
  await step('the operator finds the verification message in the development mailbox', async () => {
    operatorPage = (await e2e.newPage()).page
    await new SignInPage(operatorPage).goto()
    await new SignInPage(operatorPage).signIn('operator@securit.demo', DEMO_PASSWORD)
    await new DashboardPage(operatorPage).arrive()
    const mailbox = await new MailboxPage(operatorPage).goto()
    const message = await mailbox.openMessage(owner.email, 'Verify your e-mail address for Cascade')
    assert.equal(await message.field('To'), owner.email)
    verifyHref = await message.linkHref('/api/auth/verify-email')
    assert.match(verifyHref, new RegExp(`^${e2e.baseUrl}/api/auth/verify-email\\?token=`))
  })

  await step('the future owner follows the verification link', async () => {
    await ownerPage!.goto(verifyHref)
    const verified = await new VerifiedPage(ownerPage!).arrive()
    await verified.message.waitFor()
  })

  await step('the future owner signs out and signs in with the new password', async () => {
    const verified = new VerifiedPage(ownerPage!)
    await verified.continueToDashboard()
    await new DashboardPage(ownerPage!).arrive()
    await new Shell(ownerPage!).signOut(owner.name)
    const signIn = await new SignInPage(ownerPage!).goto()
    await signIn.signIn(owner.email, owner.password)
    const dashboard = await new DashboardPage(ownerPage!).arrive()
    assert.equal(await visibleText(dashboard.welcome), `Welcome, ${owner.name}.`)
    await dashboard.main.getByText('You do not belong to any organisation yet', { exact: true }).waitFor()
  })

  let orgPage: OrganisationPage | undefined
  await step('the organisation form shows its errors next to the fields, then registers the organisation', async () => {
    const dashboard = new DashboardPage(ownerPage!)
    await dashboard.main.getByRole('link', { name: 'Register an organisation', exact: true }).click()
    const form = await new NewOrganisationPage(ownerPage!).arrive()
    await form.fill({ legalName: '', website: 'kovac-sensing' })
    await form.submit.click()
    assert.equal(await form.fieldError(form.legalName), 'This field is required.')
    assert.equal(await form.fieldError(form.website), 'Enter a full web address starting with https:// or http://.')
    assert.equal(await form.fieldError(form.type), 'This field is required.')
    assert.equal(await form.fieldError(form.country), 'This field is required.')
    for (const field of [form.legalName, form.website, form.type, form.country])
      assert.equal(await form.isInvalid(field), true, 'a field in error is marked aria-invalid')
    await form.checkA11y('new organisation, with field errors')

    await form.fill({ legalName: org.legalName, website: org.website, type: 'SME', country: 'Slovenia' })
    orgPage = await form.create()
    await orgPage.notification(`${org.legalName} has been registered. You are its owner.`).waitFor()
    await orgPage.arriveProfile(org.legalName)
    assert.equal(await orgPage.summary(), 'SME 🇸🇮 Slovenia · your role: Owner')
  })

  // Two people join: a colleague who already has an account (made by the factory) and a newcomer who
  // creates one on the way, from the invitation.
  const colleague = { name: 'Marko Horvat', email: 'marko.horvat@example.test' }
  const newcomer = { name: 'Sara Lindqvist', email: 'sara.lindqvist@example.test', password: 'midsummer by the lake' }
  const subject = `${owner.name} invites you to join ${org.legalName} on Cascade`
  await step('the owner invites a colleague as member and a newcomer as administrator', async () => {
    await createUser(e2e.db, e2e.programmeId, colleague)
    const invitations = await orgPage!.openInvitations(org.legalName)
    await invitations.invite(colleague.email, 'Member')
    await invitations.invite(newcomer.email, 'Administrator')
    assert.deepEqual(await invitations.invitation(colleague.email), { role: 'Member', status: 'Pending' })
    assert.deepEqual(await invitations.invitation(newcomer.email), { role: 'Administrator', status: 'Pending' })
  })

  const invitationHref: Record<string, string> = {}
  await step('the operator finds both invitations in the mailbox', async () => {
    for (const to of [colleague.email, newcomer.email]) {
      const message = await (await new MailboxPage(operatorPage!).goto()).openMessage(to, subject)
      assert.equal(await message.field('To'), to)
      invitationHref[to] = await message.linkHref('/app/invitations/')
      assert.match(invitationHref[to], new RegExp(`^${e2e.baseUrl}/app/invitations/[^/]+$`))
    }
  })

  await step('the colleague opens the invitation, signs in on the way and accepts', async () => {
    inviteePage = (await e2e.newPage()).page
    const invitation = await new InvitationPage(inviteePage).goto(invitationHref[colleague.email]!)
    assert.equal(await visibleText(invitation.offer), `You are invited to join ${org.legalName} as Member.`)
    assert.equal(await visibleText(invitation.sentTo), `This invitation was sent to ${colleague.email}.`)
    await invitation.main.getByRole('link', { name: 'Sign in', exact: true }).click()
    const signIn = await new SignInPage(inviteePage).arrive('sign-in, from an invitation')
    await signIn.signIn(colleague.email, PASSWORD, '**/app/invitations/**')
    await invitation.arrive()
    await invitation.accept(org.legalName)
    const joined = await new OrganisationPage(inviteePage).arriveProfile(org.legalName)
    assert.equal(await joined.summary(), 'SME 🇸🇮 Slovenia · your role: Member')
  })

  await step('the newcomer opens the invitation, signs up and verifies on the way, and accepts', async () => {
    newcomerPage = (await e2e.newPage()).page
    const invitation = await new InvitationPage(newcomerPage).goto(invitationHref[newcomer.email]!)
    assert.equal(await visibleText(invitation.offer), `You are invited to join ${org.legalName} as Administrator.`)
    await invitation.main.getByRole('link', { name: 'Sign up', exact: true }).click()
    const signUp = await new SignUpPage(newcomerPage).arrive('sign-up, from an invitation')
    await signUp.signUp(newcomer)
    const mailbox = await new MailboxPage(operatorPage!).goto()
    const message = await mailbox.openMessage(newcomer.email, 'Verify your e-mail address for Cascade')
    await newcomerPage.goto(await message.linkHref('/api/auth/verify-email'))
    const verified = await new VerifiedPage(newcomerPage).arrive()
    await verified.main.getByRole('link', { name: 'Continue to your invitation', exact: true }).click()
    await invitation.arrive()
    await invitation.accept(org.legalName)
    const joined = await new OrganisationPage(newcomerPage).arriveProfile(org.legalName)
    assert.equal(await joined.summary(), 'SME 🇸🇮 Slovenia · your role: Administrator')
  })

  await step("the owner's member list shows the three of them, with their roles", async () => {
    const members: MembersSection = await orgPage!.gotoMembers(orgPage!.id, org.legalName)
    await members.waitForMember(newcomer.email)
    // Owners first, then administrators, then members.
    assert.deepEqual(await members.rows(), [
      { name: `${owner.name} You`, email: owner.email, role: 'Owner' },
      { name: newcomer.name, email: newcomer.email, role: 'Administrator' },
      { name: colleague.name, email: colleague.email, role: 'Member' },
    ])
    const invitations = await new OrganisationPage(ownerPage!).openInvitations(org.legalName)
    await invitations.waitForStatus(colleague.email, 'Accepted')
    await invitations.waitForStatus(newcomer.email, 'Accepted')
    assert.deepEqual(await invitations.invitation(colleague.email), { role: 'Member', status: 'Accepted' })
    assert.deepEqual(await invitations.invitation(newcomer.email), { role: 'Administrator', status: 'Accepted' })
  })
})

test('sign-up: a password as long as the form says is enough is accepted', async (t) => {
  let page: Page | undefined
  const step = journey(t, () => ({ newcomer: page }))
  await step('the hint states the minimum, and a password of exactly that length goes through', async () => {
    page = (await e2e.newPage()).page
    const signUp = await new SignUpPage(page).goto()
    const hint = await signUp.passwordHint()
    const minimum = Number(/At least (\d+) characters/.exec(hint)?.[1])
    assert.ok(minimum > 0, `the password hint states a minimum: "${hint}"`)
    const password = 'p'.repeat(minimum)
    await signUp.fill({ name: 'Noor Jansen', email: 'noor.jansen@example.test', password })
    await signUp.submit.click()
    const outcome = await Promise.race([
      page.waitForURL('**/app/check-email?**').then(() => 'accepted'),
      signUp.fieldError(signUp.password).then((e) => `refused: ${e}`),
    ])
    assert.equal(outcome, 'accepted', `a ${minimum}-character password, as the hint "${hint}" allows`)
  })
})
