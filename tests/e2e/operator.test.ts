import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { createUser } from '../factories/users.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { ActivityLogPage, AdminRolesPage, AdminUsersPage } from './pages/AdminPages.ts'
import { DashboardPage, ProfilePage, SignInPage } from './pages/AuthPages.ts'
import { visibleText } from './pages/base.ts'
import { Shell } from './pages/Shell.ts'

const e2e = await startE2E()
const OPERATOR = 'operator@securit.demo'

test('an operator makes someone cluster staff of HSD; they get its navigation; the activity log shows the grant', async (t) => {
  const person = await createUser(e2e.db, e2e.programmeId, { name: 'Pieter de Vries', email: 'pieter@hsd.example' })
  let operatorPage: Page | undefined
  let personPage: Page | undefined
  const step = journey(t, () => ({ operator: operatorPage, person: personPage }))

  await step('before the grant, the person has no programme role and no administration menu', async () => {
    personPage = (await e2e.newPage()).page
    await new SignInPage(personPage).goto()
    await new SignInPage(personPage).signIn(person.email, person.password)
    await new DashboardPage(personPage).arrive()
    const nav = await new Shell(personPage).navLinks()
    assert.deepEqual(nav, [
      'Dashboard',
      'Programme home',
      'My organisations',
      'Use cases',
      'Workshops',
      'Solution catalogue',
      'Brokerage events',
      'Profile',
      'Security',
      'API tokens',
      'My expert profile',
    ])
  })

  await step('the operator grants cluster staff of The Hague Security Delta in the programme roles page', async () => {
    operatorPage = (await e2e.newPage()).page
    await new SignInPage(operatorPage).goto()
    await new SignInPage(operatorPage).signIn(OPERATOR, DEMO_PASSWORD)
    await new DashboardPage(operatorPage).arrive()
    await new Shell(operatorPage).navigate('Programme roles')
    const roles = new AdminRolesPage(operatorPage)
    await roles.arrive()
    await roles.show('Cluster staff')
    await roles.checkA11y('programme roles, cluster staff')
    // The two demo cluster staff (listed newest first; both were seeded at once, so compare as a set).
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
    assert.deepEqual((await roles.holders()).sort(byName), [
      { name: 'Hendrik van Dijk', email: 'staff.hsd@securit.demo', roles: ['Cluster staff · HSD'] },
      { name: 'Sophie Martin', email: 'staff.safe@securit.demo', roles: ['Cluster staff · Safe Cluster'] },
    ])

    const dialog = await roles.openGrantDialog()
    await dialog.pickPerson(person.name, person.email)
    await dialog.chooseRole('Cluster staff')
    await dialog.chooseCluster('The Hague Security Delta')
    await dialog.checkA11y('grant role dialog, filled in')
    await dialog.grant()
    assert.deepEqual(await roles.rolesOf(person.email), ['Cluster staff · HSD'])
    await roles.checkA11y('programme roles, after the grant')
  })

  await step("the users list shows the person's new role", async () => {
    const users = await new AdminUsersPage(operatorPage!).goto()
    await users.search(person.email)
    assert.deepEqual(await users.rolesOf(person.email), ['Cluster staff · HSD'])
  })

  await step('the person, signed in again, now has the cluster staff navigation', async () => {
    const shell = new Shell(personPage!)
    await shell.signOut(person.name)
    await new SignInPage(personPage!).goto()
    await new SignInPage(personPage!).signIn(person.email, person.password)
    await new DashboardPage(personPage!).arrive()
    assert.deepEqual(await shell.navLinks(), [
      'Dashboard',
      'Programme home',
      'My organisations',
      'Use cases',
      'Workshops',
      'Solution catalogue',
      'Brokerage events',
      'Profile',
      'Security',
      'API tokens',
      'My expert profile',
      'All organisations',
      'Cluster members',
      'Calls',
      'Import solutions',
    ])
    await shell.navigate('Profile')
    const profile = await new ProfilePage(personPage!).arrive()
    assert.match(await visibleText(profile.emailSection), new RegExp(`${person.email} Verified`))
    await shell.navigate('All organisations')
    await personPage!.waitForURL('**/app/admin/organisations')
    await new DashboardPage(personPage!).heading('All organisations').waitFor()
  })

  await step('the activity log, filtered by subject and actor, shows the grant', async () => {
    const log = await new ActivityLogPage(operatorPage!).goto()
    await log.filter({ subjectType: 'user', subjectId: person.id, actor: OPERATOR })
    const rows = await log.rows()
    assert.deepEqual(
      rows.map((r) => ({ ...r, subject: r.subject.split(' ')[0] })),
      [{ actor: OPERATOR, action: 'programme_role.granted', subject: 'user' }],
    )
    await log.checkA11y('activity log, filtered')
    const details = await log.openDetails(0)
    assert.ok(details.includes(`user ${person.id}`), `the event's subject is the person: ${details}`)
    assert.match(details, /"role": "cluster_staff"/)
    assert.ok(details.includes(`"email": "${person.email}"`), details)
  })
})
