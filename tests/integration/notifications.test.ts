import assert from 'node:assert/strict'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { beforeEach, test } from 'node:test'
import ICAL from 'ical.js'
import { SMTPServer } from 'smtp-server'
import { FixedClock } from '../../server/platform/clock.ts'
import { storedAttachments } from '../../server/platform/mail/mailer.ts'
import { auditEvents, createTeam, signedIn } from '../factories/organisations.ts'
import { domainId, fullContent } from '../factories/use-cases.ts'
import { createUser, type TestUser } from '../factories/users.ts'
import { clusterId, createUseCase, workshopBody } from '../factories/workshops.ts'
import { createTestApp, PUBLIC_URL, type TestClient } from '../support/app.ts'

const START = '2026-11-01T09:00:00Z'
const clock = new FixedClock(START)
const t = await createTestApp({ clock })
const operatorUser = await createUser(t.db, t.programmeId, { programmeRole: 'operator', name: 'Olga Operator' })
const hsdStaff = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
const lsecStaff = await createUser(t.db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'lsec' })
const operator = await signedIn(t, operatorUser)
const organiser = await signedIn(t, hsdStaff)
beforeEach(() => clock.set(START))

/** The mails of one kind (template), by recipient. */
async function mails(template: string, subjectId?: string) {
  const rows = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'text_body', 'attachments'])
    .where('template', '=', template)
    .orderBy('to_address')
    .execute()
  return rows.filter((r) => !subjectId || r.text_body.includes(subjectId))
}

/** Who got an in-app notification of `kind` about `subjectId`. */
async function notified(kind: string, subjectId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .execute()
  return rows.map((r) => r.user_id).sort()
}

const ids = (...users: TestUser[]) => users.map((u) => u.id).sort()
const emails = (...users: TestUser[]) => users.map((u) => u.email.toLowerCase()).sort()

/** The ICS attached to a mail, parsed with ical.js: the event's fields and its instant in UTC. */
function invitation(row: { attachments: unknown }) {
  const attachments = storedAttachments(row.attachments)
  assert.deepEqual(
    attachments.map((a) => [a.filename, a.contentType]),
    [['invite.ics', 'text/calendar; method=REQUEST; charset=UTF-8']],
  )
  const text = Buffer.from(attachments[0]!.content, 'base64').toString('utf8')
  const root = new ICAL.Component(ICAL.parse(text))
  const vtimezone = root.getFirstSubcomponent('vtimezone')
  assert.ok(vtimezone, 'a VTIMEZONE is included')
  const zone = new ICAL.Timezone(vtimezone)
  const event = root.getFirstSubcomponent('vevent')!
  const dtstart = event.getFirstProperty('dtstart')!
  const start = dtstart.getFirstValue() as ICAL.Time
  const instant = new ICAL.Time(
    { year: start.year, month: start.month, day: start.day, hour: start.hour, minute: start.minute, second: 0 },
    zone,
  )
  return {
    text,
    method: root.getFirstPropertyValue('method'),
    tzid: dtstart.getParameter('tzid'),
    vtimezoneId: vtimezone.getFirstPropertyValue('tzid'),
    sequence: event.getFirstPropertyValue('sequence'),
    uid: event.getFirstPropertyValue('uid'),
    startUtc: instant.toJSDate().toISOString(),
    attendee: String(event.getFirstPropertyValue('attendee') ?? ''),
  }
}

async function publishedWorkshop(traits: Record<string, unknown> = {}): Promise<string> {
  const res = await organiser.post('/api/v1/workshops', workshopBody({ capacity: 10, ...traits }))
  assert.equal(res.status, 201, JSON.stringify(res.body))
  assert.equal((await organiser.post(`/api/v1/workshops/${res.body.id}/publish`)).status, 200)
  return res.body.id
}

async function registerAndApprove(workshopId: string, user: TestUser, approve = true): Promise<TestClient> {
  const client = await signedIn(t, user)
  const reg = await client.post(`/api/v1/workshops/${workshopId}/registrations`)
  assert.equal(reg.status, 201, JSON.stringify(reg.body))
  if (approve) {
    const d = await organiser.post(`/api/v1/workshops/${workshopId}/registrations/${reg.body.id}/decision`, {
      decision: 'approved',
    })
    assert.equal(d.status, 200)
  }
  return client
}

/** An end-user organisation followed by the HSD cluster, with a use case drafted by its member. */
async function useCaseOfTeam() {
  const team = await createTeam(t.db, t.programmeId, { type: 'public_authority' })
  await t.db
    .insertInto('cluster_members')
    .values({ cluster_id: clusterId('hsd'), organisation_id: team.org.id })
    .execute()
  const author = await signedIn(t, team.member)
  const created = await author.post('/api/v1/use-cases', { organisationId: team.org.id, title: 'Drones over stadiums' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const url = `/api/v1/use-cases/${created.body.id}`
  return { team, author, id: created.body.id as string, reference: created.body.reference as string, url }
}

test('changes requested and accepted reach the authoring side that is still a member, in their language', async () => {
  const { team, author, id, reference, url } = await useCaseOfTeam()
  // The admin saves a revision (an author too); the owner never touched it.
  const colleague = await signedIn(t, team.admin)
  const saved = await colleague.patch(url, {
    expectedRevision: 1,
    content: fullContent,
    domainId: domainId('D1'),
    trlMin: 4,
    trlMax: 7,
  })
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal((await author.post(`${url}/transitions`, { action: 'submit' })).status, 200)
  // The admin reads French; the member wants no e-mail for change requests.
  await colleague.patch('/api/v1/me', { locale: 'fr' })
  const off = await author.request('PUT', '/api/v1/me/notification-preferences', {
    items: [{ kind: 'use_case_changes_requested', email: false }],
  })
  assert.equal(off.status, 200, JSON.stringify(off.body))

  const changes = await operator.post(`${url}/transitions`, { action: 'request_changes', reason: 'Add KPIs, please' })
  assert.equal(changes.status, 200, JSON.stringify(changes.body))
  assert.deepEqual(await notified('use_case_changes_requested', id), ids(team.member, team.admin))
  const sent = await mails('use_case_changes_requested')
  assert.deepEqual(
    sent.map((m) => m.to_address),
    [team.admin.email.toLowerCase()],
  )
  assert.equal(sent[0]!.subject, `Modifications demandées : ${reference} Drones over stadiums`)
  assert.ok(sent[0]!.text_body.includes('Add KPIs, please'))
  assert.ok(sent[0]!.text_body.includes(`${PUBLIC_URL}/app/use-cases/${id}`))
  assert.ok(sent[0]!.text_body.includes(`${PUBLIC_URL}/app/notifications`), 'the footer says where to change this')
  const [item] = (await author.get('/api/v1/me/notifications')).body.items
  assert.deepEqual(
    [item.kind, item.link, item.params.reference, item.params.reason, item.params.actorName, item.readAt],
    ['use_case_changes_requested', `/app/use-cases/${id}`, reference, 'Add KPIs, please', 'Olga Operator', null],
  )

  // The admin leaves the organisation: only the creator hears of the acceptance.
  await t.db.deleteFrom('memberships').where('user_id', '=', team.admin.id).execute()
  assert.equal((await author.post(`${url}/transitions`, { action: 'resubmit' })).status, 200)
  assert.equal((await operator.post(`${url}/transitions`, { action: 'accept' })).status, 200)
  assert.deepEqual(await notified('use_case_accepted', id), ids(team.member))
  assert.deepEqual(
    (await mails('use_case_accepted', id)).map((m) => [m.to_address, m.subject]),
    [[team.member.email.toLowerCase(), `Use case accepted: ${reference} Drones over stadiums`]],
  )
  assert.deepEqual(await notified('use_case_accepted', id).then(() => []), [])
  // Nothing for the operator who acted, nor for anyone else.
  const operatorItems = await t.db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', operatorUser.id)
    .execute()
  assert.equal(operatorItems.length, 0)
})

test('with no author left in the organisation, its owners and admins are told', async () => {
  const { team, author, url, id } = await useCaseOfTeam()
  await author.patch(url, { expectedRevision: 1, content: fullContent, domainId: domainId('D1'), trlMin: 4, trlMax: 7 })
  assert.equal((await author.post(`${url}/transitions`, { action: 'submit' })).status, 200)
  await t.db.deleteFrom('memberships').where('user_id', '=', team.member.id).execute()
  await operator.post(`${url}/transitions`, { action: 'request_changes', reason: 'Who owns this now?' })
  assert.deepEqual(await notified('use_case_changes_requested', id), ids(team.owner, team.admin))
})

test('comments reach the other side of the thread, never the writer', async () => {
  const { team, author, url, id } = await useCaseOfTeam()
  await author.patch(url, { expectedRevision: 1, content: fullContent, domainId: domainId('D1'), trlMin: 4, trlMax: 7 })
  assert.equal((await author.post(`${url}/transitions`, { action: 'submit' })).status, 200)
  const lsec = await signedIn(t, lsecStaff)
  assert.equal((await lsec.get(url)).status, 404, 'LSEC staff do not follow this use case')

  // An author writes first: no staff in the thread yet, so the cluster staff who follow it (HSD).
  const first = await author.post(`${url}/comments`, { body: 'Here is our first draft.\nMore soon.' })
  assert.equal(first.status, 201, JSON.stringify(first.body))
  assert.deepEqual(await notified('use_case_comment', id), ids(hsdStaff))

  // Staff write: the authoring side (the creator), not the writer.
  await operator.post(`${url}/comments`, { body: 'Which stadiums?' })
  const afterStaff = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'params'])
    .where('kind', '=', 'use_case_comment')
    .where('subject_id', '=', id)
    .execute()
  assert.deepEqual(afterStaff.map((n) => n.user_id).sort(), ids(hsdStaff, team.member))
  const toAuthor = afterStaff.find((n) => n.user_id === team.member.id)!.params as Record<string, string>
  assert.deepEqual([toAuthor.excerpt, toAuthor.actorName], ['Which stadiums?', 'Olga Operator'])

  // The author answers: now the staff who took part (the operator), not every cluster staff member.
  const before = (await notified('use_case_comment', id)).length
  await author.post(`${url}/comments`, { body: 'Two city stadiums.' })
  const all = await t.db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', 'use_case_comment')
    .where('subject_id', '=', id)
    .orderBy('created_at')
    .execute()
  assert.equal(all.length, before + 1)
  assert.equal(all.at(-1)!.user_id, operatorUser.id)
  const mine = all.filter((n) => n.user_id === team.member.id)
  assert.equal(mine.length, 1, 'the writer is never notified of their own comment')
  assert.deepEqual(
    (await mails('use_case_comment', id)).map((m) => m.to_address).sort(),
    emails(hsdStaff, team.member, operatorUser),
  )
})

test('workshop invitation, approval, change of time and reminder: in-app, mail and the ICS attached', async () => {
  const id = await publishedWorkshop({ title: 'Notified workshop', timeZone: 'Europe/Brussels' })
  const team = await createTeam(t.db, t.programmeId)
  const invited = await organiser.post(`/api/v1/workshops/${id}/invitations`, {
    organisationIds: [team.org.id],
    emails: ['guest@example.test'],
  })
  assert.equal(invited.status, 200, JSON.stringify(invited.body))
  assert.deepEqual(await notified('workshop_invitation', id), ids(team.owner, team.admin, team.member))
  const invitations = await mails('workshop_invitation', id)
  assert.deepEqual(
    invitations.map((m) => m.to_address),
    [...emails(team.owner, team.admin, team.member), 'guest@example.test'].sort(),
  )
  const ics = invitation(invitations.find((m) => m.to_address === 'guest@example.test')!)
  assert.deepEqual(
    [ics.method, ics.tzid, ics.vtimezoneId, ics.sequence, ics.startUtc, ics.uid],
    ['REQUEST', 'Europe/Brussels', 'Europe/Brussels', 0, '2026-11-18T09:00:00.000Z', `workshop-${id}@localhost`],
  )
  assert.match(ics.text, /DTSTART;TZID=Europe\/Brussels:20261118T100000/)
  assert.equal(ics.attendee.toLowerCase(), 'mailto:guest@example.test')
  assert.equal(ics.text.includes('meet.example.test'), false, 'no meeting link before approval')

  // Registration approved: the person, with the meeting link in the invitation.
  const [approvedUser, pendingUser] = [team.member, team.admin]
  await registerAndApprove(id, approvedUser)
  await registerAndApprove(id, pendingUser, false)
  assert.deepEqual(await notified('workshop_registration_approved', id), ids(approvedUser))
  const approval = await mails('workshop_registration_approved', id)
  assert.equal(approval.length, 1)
  assert.ok(invitation(approval[0]!).text.includes('meet.example.test'))

  // A change of time: every registrant, SEQUENCE 1 and the new time; the link only for the approved one.
  const moved = await organiser.patch(`/api/v1/workshops/${id}`, {
    startsAt: '2026-11-19T13:00:00Z',
    endsAt: '2026-11-19T15:00:00Z',
  })
  assert.equal(moved.body.sequence, 1)
  assert.deepEqual(await notified('workshop_changed', id), ids(approvedUser, pendingUser))
  const changed = await mails('workshop_changed', id)
  const byAddress = new Map(changed.map((m) => [m.to_address, invitation(m)]))
  const forApproved = byAddress.get(approvedUser.email.toLowerCase())!
  assert.deepEqual([forApproved.sequence, forApproved.startUtc], [1, '2026-11-19T13:00:00.000Z'])
  assert.match(forApproved.text, /DTSTART;TZID=Europe\/Brussels:20261119T140000/)
  assert.ok(forApproved.text.includes('meet.example.test'))
  assert.equal(byAddress.get(pendingUser.email.toLowerCase())!.text.includes('meet.example.test'), false)
  await organiser.patch(`/api/v1/workshops/${id}`, { title: 'Notified workshop (renamed)' })
  assert.equal((await mails('workshop_changed', id)).length, 2, 'a new title is not a change of time or place')

  // The reminder, 24 h before the new start: the approved registrant only, with the invitation.
  clock.set('2026-11-18T13:00:00Z')
  await t.app.worker.runDue()
  assert.deepEqual(await notified('workshop_reminder', id), ids(approvedUser))
  const reminder = await mails('workshop_reminder', id)
  assert.equal(reminder.length, 1)
  assert.equal(invitation(reminder[0]!).sequence, 1)
  clock.set(START)
})

test('a workshop mail is in the recipient’s language, times in the workshop’s zone', async () => {
  const id = await publishedWorkshop({ title: 'Atelier Lille', timeZone: 'Europe/Paris' })
  const person = await createUser(t.db, t.programmeId)
  await t.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', person.id).execute()
  await registerAndApprove(id, person)
  const [mail] = await mails('workshop_registration_approved', id)
  assert.equal(mail!.subject, 'Uw inschrijving voor Atelier Lille is bevestigd')
  assert.ok(mail!.text_body.includes('woensdag 18 november 2026 om 10:00 (Europe/Paris)'), mail!.text_body)
})

test('vote open: to approved registrants, once; a later approval hears of it; publishing a ready workshop announces', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const uc = (title: string) => createUseCase(t.db, { programmeId: t.programmeId, organisationId: team.org.id, title })
  const [a, b] = [await uc('Crowd panic'), await uc('Drone attack')]
  const id = await publishedWorkshop({ title: 'Vote announcement', voteClosesAt: '2026-11-25T12:00:00Z' })
  const [p1, p2, late] = await Promise.all([1, 2, 3].map(() => createUser(t.db, t.programmeId)))
  await registerAndApprove(id, p1!)
  await registerAndApprove(id, p2!, false)
  const put = (useCaseIds: string[]) => organiser.request('PUT', `/api/v1/workshops/${id}/use-cases`, { useCaseIds })
  assert.equal((await put([])).status, 200)
  assert.deepEqual(await notified('workshop_vote_open', id), [], 'nothing to vote on yet')
  assert.equal((await put([a])).status, 200)
  assert.deepEqual(await notified('workshop_vote_open', id), ids(p1!))
  const [mail] = await mails('workshop_vote_open', id)
  assert.equal(mail!.subject, 'The vote of Vote announcement is open')
  assert.ok(mail!.text_body.includes('The vote closes on'))
  assert.ok(mail!.text_body.includes(`${PUBLIC_URL}/app/workshops/${id}/vote`))
  assert.equal(storedAttachments(mail!.attachments).length, 0)
  assert.equal((await put([a, b])).status, 200)
  assert.equal((await put([b])).status, 200)
  assert.deepEqual(await notified('workshop_vote_open', id), ids(p1!), 'sent once')
  // Approved after the announcement: told now, alone.
  const pending = await organiser.get(`/api/v1/workshops/${id}/registrations`)
  const p2reg = pending.body.items.find((r: { userId: string }) => r.userId === p2!.id)
  await organiser.post(`/api/v1/workshops/${id}/registrations/${p2reg.id}/decision`, { decision: 'approved' })
  await registerAndApprove(id, late!)
  assert.deepEqual(await notified('workshop_vote_open', id), ids(p1!, p2!, late!))

  // A draft gets its use cases first; publishing it announces the vote (no one registered yet), so
  // the first approved registrant is told on approval.
  const draft = await organiser.post('/api/v1/workshops', workshopBody({ title: 'Ready before publishing' }))
  await organiser.request('PUT', `/api/v1/workshops/${draft.body.id}/use-cases`, { useCaseIds: [a] })
  assert.equal((await organiser.post(`/api/v1/workshops/${draft.body.id}/publish`)).status, 200)
  const row = await t.db
    .selectFrom('workshops')
    .select('vote_announced_at')
    .where('id', '=', draft.body.id)
    .executeTakeFirstOrThrow()
  assert.ok(row.vote_announced_at)
  await registerAndApprove(draft.body.id, p1!)
  assert.deepEqual(await notified('workshop_vote_open', draft.body.id), ids(p1!))
})

test('vote closing: 24 h before to those who have not voted, results at the close; rescheduling is stale-safe', async () => {
  const team = await createTeam(t.db, t.programmeId)
  const a = await createUseCase(t.db, { programmeId: t.programmeId, organisationId: team.org.id, title: 'Flooding' })
  const id = await publishedWorkshop({ title: 'Closing vote', voteClosesAt: '2026-11-20T12:00:00Z' })
  const [voter, idle] = await Promise.all([1, 2].map(() => createUser(t.db, t.programmeId)))
  const voterClient = await registerAndApprove(id, voter!)
  await registerAndApprove(id, idle!)
  await organiser.request('PUT', `/api/v1/workshops/${id}/use-cases`, { useCaseIds: [a] })
  const ballot = await voterClient.request('PUT', `/api/v1/workshops/${id}/ballot`, {
    allocations: [{ useCaseId: a, points: 10 }],
  })
  assert.equal(ballot.status, 200, JSON.stringify(ballot.body))

  // Moved to the 22nd, then back to the 20th, then to the 21st: only the last time's jobs act, once.
  await organiser.patch(`/api/v1/workshops/${id}`, { voteClosesAt: '2026-11-22T12:00:00Z' })
  await organiser.patch(`/api/v1/workshops/${id}`, { voteClosesAt: '2026-11-20T12:00:00Z' })
  await organiser.patch(`/api/v1/workshops/${id}`, { voteClosesAt: '2026-11-21T12:00:00Z' })
  const run = async (at: string) => {
    clock.set(at)
    await t.app.worker.runDue()
  }
  // The 19th: "24 h before" the 20th twice (both stale), nothing.
  await run('2026-11-19T12:00:00Z')
  assert.deepEqual(await notified('workshop_vote_closing', id), [])
  // The 20th: the close of the 20th (stale, twice) and "24 h before" the 21st (current).
  await run('2026-11-20T12:00:00Z')
  assert.deepEqual(await notified('workshop_vote_closed', id), [])
  assert.deepEqual(await notified('workshop_vote_closing', id), ids(idle!), 'only who has not voted')
  await run('2026-11-20T18:00:00Z')
  assert.equal((await notified('workshop_vote_closing', id)).length, 1)
  const [closing] = await mails('workshop_vote_closing', id)
  assert.equal(closing!.subject, 'Last day to vote: Closing vote')
  assert.ok(closing!.text_body.includes(`${PUBLIC_URL}/app/workshops/${id}/vote`))
  // The 21st: the close (current), and "24 h before" the 22nd (stale).
  await run('2026-11-21T12:00:00Z')
  assert.deepEqual(await notified('workshop_vote_closed', id), ids(voter!, idle!))
  assert.ok((await mails('workshop_vote_closed', id))[0]!.text_body.includes(`/app/workshops/${id}/results`))
  await run('2026-11-22T12:00:00Z')
  assert.equal((await notified('workshop_vote_closing', id)).length, 1)
  assert.equal((await notified('workshop_vote_closed', id)).length, 2)
  const jobs = await t.db
    .selectFrom('jobs')
    .select(['payload', 'done_at', 'failed_at', 'last_error'])
    .where('queue', 'in', ['workshops.vote_closing', 'workshops.vote_closed'])
    .execute()
  const ofThis = jobs.filter((j) => (j.payload as { workshopId: string }).workshopId === id)
  assert.equal(ofThis.length, 8, 'two jobs for each of the four closing times')
  assert.ok(
    ofThis.every((j) => j.done_at && !j.failed_at && !j.last_error),
    'stale jobs ran and did nothing; none failed',
  )
  clock.set(START)
})

test('the notification centre: mine only, unread filter, paging, count, read one, read all, preferences', async () => {
  const me = await createUser(t.db, t.programmeId)
  const other = await createUser(t.db, t.programmeId)
  const id = await publishedWorkshop({ title: 'Centre test' })
  await registerAndApprove(id, me)
  await registerAndApprove(id, other)
  clock.advance(60_000)
  await organiser.patch(`/api/v1/workshops/${id}`, { location: 'Ghent, Korenmarkt 1' })
  const mine = await signedIn(t, me)
  const theirs = await signedIn(t, other)

  const list = await mine.get('/api/v1/me/notifications')
  assert.equal(list.status, 200)
  assert.deepEqual(
    list.body.items.map((n: { kind: string }) => n.kind),
    ['workshop_changed', 'workshop_registration_approved'],
  )
  assert.equal(list.body.total, 2)
  assert.deepEqual((await mine.get('/api/v1/me/notifications/unread-count')).body, { unread: 2 })
  const paged = await mine.get('/api/v1/me/notifications?pageSize=1&page=2')
  assert.deepEqual(
    [paged.body.total, paged.body.items.length, paged.body.items[0].kind],
    [2, 1, 'workshop_registration_approved'],
  )
  const [newest] = list.body.items
  assert.equal(newest.params.title, 'Centre test')

  // Someone else's notification does not exist for me.
  assert.equal((await theirs.post(`/api/v1/me/notifications/${newest.id}/read`)).status, 404)
  const theirList = await theirs.get('/api/v1/me/notifications')
  assert.ok(theirList.body.items.every((n: { id: string }) => n.id !== newest.id))
  assert.equal((await t.client().get('/api/v1/me/notifications')).status, 401)

  const read = await mine.post(`/api/v1/me/notifications/${newest.id}/read`)
  assert.equal(read.status, 200)
  assert.equal(read.body.readAt, clock.now().toISOString())
  assert.deepEqual((await mine.get('/api/v1/me/notifications/unread-count')).body, { unread: 1 })
  const unread = await mine.get('/api/v1/me/notifications?unread=true')
  assert.deepEqual(
    unread.body.items.map((n: { kind: string }) => n.kind),
    ['workshop_registration_approved'],
  )
  assert.deepEqual((await mine.post('/api/v1/me/notifications/read-all')).body, { marked: 1 })
  assert.deepEqual((await mine.get('/api/v1/me/notifications/unread-count')).body, { unread: 0 })
  assert.deepEqual((await theirs.get('/api/v1/me/notifications/unread-count')).body, { unread: 2 })

  // Preferences: every kind, e-mail on by default; a change is audited; bad input is refused.
  const prefs = await mine.get('/api/v1/me/notification-preferences')
  assert.ok(prefs.body.items.length >= 10)
  assert.ok(prefs.body.items.every((p: { email: boolean }) => p.email))
  const put = await mine.request('PUT', '/api/v1/me/notification-preferences', {
    items: [{ kind: 'workshop_changed', email: false }],
  })
  assert.equal(put.body.items.find((p: { kind: string }) => p.kind === 'workshop_changed').email, false)
  const audit = await auditEvents(t.db, 'notification.preferences_updated', me.id)
  assert.deepEqual(
    audit.map((e) => [e.actor_id, e.change]),
    [[me.id, { email: { workshop_changed: false } }]],
  )
  const bad = await mine.request('PUT', '/api/v1/me/notification-preferences', {
    items: [{ kind: 'nonsense', email: false }],
  })
  assert.deepEqual([bad.status, bad.body.errors[0].path], [400, 'items.0.kind'])

  // Switched off: the next change is in-app only.
  await organiser.patch(`/api/v1/workshops/${id}`, { location: 'Antwerp, Groenplaats 1' })
  assert.deepEqual((await mine.get('/api/v1/me/notifications/unread-count')).body, { unread: 1 })
  const changedMails = (await mails('workshop_changed', id)).map((m) => m.to_address)
  assert.deepEqual(
    changedMails.filter((a) => a === me.email.toLowerCase()),
    [me.email.toLowerCase()],
    'only the first change was mailed to me',
  )

  // A token reads with profile:read; marking needs profile:write.
  const token = await mine.post('/api/v1/me/tokens', { name: 'reader', scopes: ['profile:read'] })
  const bearer = { authorization: `Bearer ${token.body.token}` }
  const api = t.client()
  api.headers = {}
  assert.equal((await api.get('/api/v1/me/notifications', bearer)).body.total, 3)
  const refused = await api.post('/api/v1/me/notifications/read-all', {}, bearer)
  assert.deepEqual([refused.status, refused.body.reason], [403, 'token_scope_missing'])
})

test('with SMTP, the job sends the stored attachment as a real MIME part', async () => {
  const received: string[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'))
        callback()
      })
    },
  })
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  const port = (server.server.address() as AddressInfo).port
  // The system clock here: the mail job's run_at is the database's now().
  const smtp = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } })
  try {
    const staff = await createUser(smtp.db, smtp.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' })
    const client = await signedIn(smtp, staff)
    const created = await client.post('/api/v1/workshops', workshopBody({ title: 'Over SMTP' }))
    await client.post(`/api/v1/workshops/${created.body.id}/publish`)
    await client.post(`/api/v1/workshops/${created.body.id}/invitations`, { emails: ['far@example.test'] })
    const queued = await smtp.db.selectFrom('mail_messages').select(['status']).execute()
    assert.deepEqual(
      queued.map((m) => m.status),
      ['queued'],
    )
    await smtp.app.worker.runDue()
    assert.equal(received.length, 1)
    const raw = received[0]!.replace(/\r\n/g, '\n')
    assert.match(raw, /Content-Type: text\/calendar; method=REQUEST; charset=UTF-8; name=invite\.ics/i)
    assert.match(raw, /Content-Disposition: attachment; filename=invite\.ics/i)
    const sent = await smtp.db.selectFrom('mail_messages').select(['status']).executeTakeFirstOrThrow()
    assert.equal(sent.status, 'sent')
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
