// Screenshots of Cascade's key pages for the README and the docs, taken from a real run of the app:
//   npm exec -- node tests/e2e/screenshots.ts        (writes docs/screenshots/*.png)
// Not a test file: it starts its own app and browser (startE2E without node:test's `after`), drives the
// same page objects as the journeys (so axe runs on every page shown here too), and closes everything.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { seedId } from '../../server/seed/ids.ts'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { createUser } from '../factories/users.ts'
import { startE2E } from '../support/e2e.ts'
import { ActivityLogPage, AdminRolesPage } from './pages/AdminPages.ts'
import { DashboardPage, SignInPage, SignUpPage } from './pages/AuthPages.ts'
import { MailboxPage } from './pages/MailboxPage.ts'
import { OrganisationPage } from './pages/OrganisationPages.ts'
import { ProgrammeHomePage } from './pages/ProgrammeHomePage.ts'

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
mkdirSync(OUT, { recursive: true })

const e2e = await startE2E({ manualClose: true })
const saved: string[] = []
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  // No caret blinking or half-finished transition in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.screenshot({ path: `${OUT}${name}`, fullPage, animations: 'disabled', caret: 'hide' })
  saved.push(name)
}
async function signedIn(email: string, password: string, width = 1280): Promise<Page> {
  const { page } = await e2e.newPage({ width })
  await new SignInPage(page).goto()
  await new SignInPage(page).signIn(email, password)
  await new DashboardPage(page).arrive()
  return page
}

try {
  // The public programme home, on a desktop and on a phone.
  const desktop = (await e2e.newPage({ width: 1280 })).page
  await new ProgrammeHomePage(desktop).goto()
  await shoot(desktop, 'programme-home.png')
  const phone = (await e2e.newPage({ width: 360 })).page
  await new ProgrammeHomePage(phone).goto('', 'programme home at 360 px')
  await shoot(phone, 'programme-home-mobile.png')

  // Sign-up, filled in, then sent: the verification message lands in the mailbox.
  const newcomer = (await e2e.newPage({ width: 1280 })).page
  const signUp = await new SignUpPage(newcomer).goto()
  const person = { name: 'Lina Verhoeven', email: 'lina.verhoeven@example.test', password: 'tulips in the rain' }
  await signUp.fill(person)
  await shoot(newcomer, 'sign-up.png', false)
  await signUp.signUp(person)

  // An organisation with people in it: the demo SME's owner invites a colleague, who is added too.
  const colleague = await createUser(e2e.db, e2e.programmeId, {
    name: 'Rūta Kazlauskienė',
    email: 'ruta.kazlauskiene@baltic-sentinel.example',
  })
  await e2e.db
    .insertInto('memberships')
    .values({ organisation_id: seedId('organisation:demo-sme'), user_id: colleague.id, role: 'admin' })
    .execute()
  const owner = await signedIn('sme@securit.demo', DEMO_PASSWORD)
  const org = new OrganisationPage(owner)
  await owner.goto(`/app/organisations/${seedId('organisation:demo-sme')}`)
  await org.arriveProfile('Baltic Sentinel UAB')
  const invitations = await org.openInvitations('Baltic Sentinel UAB')
  await invitations.invite('darius@baltic-sentinel.example', 'Member')
  const members = await org.gotoMembers(org.id, 'Baltic Sentinel UAB')
  await members.waitForMember(colleague.email)
  await shoot(owner, 'organisation-members.png', false)

  // The operator's views.
  const operator = await signedIn('operator@securit.demo', DEMO_PASSWORD)
  const roles = await new AdminRolesPage(operator).goto('cluster_staff')
  await shoot(operator, 'admin-roles.png', false)
  await new MailboxPage(operator).goto()
  await shoot(operator, 'mailbox.png', false)
  await new ActivityLogPage(operator).goto()
  await shoot(operator, 'activity-log.png', false)
  void roles

  console.log(`Saved ${saved.length} screenshots in docs/screenshots/: ${saved.join(', ')}`)
} finally {
  await e2e.close()
}
