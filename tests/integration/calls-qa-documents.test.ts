/**
 * A call's questions and answers (asked until the cut-off, published or dismissed by operators, the
 * asker told by e-mail, askers never shown) and its documents (type read from the bytes, public once
 * the call is published, operators only while it is a draft).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { FixedClock } from '../../server/platform/clock.ts'
import { callBody, callConfigBody } from '../factories/calls.ts'
import { auditEvents, signedIn } from '../factories/organisations.ts'
import { b64, pdfBytes, pngBytes } from '../factories/solutions.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, PUBLIC_URL, type Res } from '../support/app.ts'

const clock = new FixedClock('2026-03-01T10:00:00Z')
const t = await createTestApp({ clock })
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const askerUser = await createUser(t.db, t.programmeId, { name: 'Ada Asker' })
await t.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', askerUser.id).execute()
const asker = await signedIn(t, askerUser)
const otherUser = await createUser(t.db, t.programmeId)
const other = await signedIn(t, otherUser)
const anonymous = t.client()

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

/** A published call whose questions close on 7 April 2026 at 12:00 in Brussels (10:00 UTC). */
async function publishedCall() {
  clock.set('2026-03-01T10:00:00Z')
  const c = ok(
    await operator.post(
      '/api/v1/calls',
      callBody({ config: callConfigBody({ timeline: { qaClosesAt: '2026-04-07T12:00' } }) }),
    ),
    201,
  )
  return ok(await operator.post(`/api/v1/calls/${c.id}/publish`))
}

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Budget').addRow(['Partner', 'Requested'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const questionsOf = async (who: typeof anonymous, id: string) =>
  ok(await who.get(`/api/v1/calls/${id}/questions`)).items.map((q: { question: string; status: string }) => [
    q.question,
    q.status,
  ])

test('signed-in people ask; operators publish or dismiss; the published answers are public', async () => {
  const c = await publishedCall()
  assert.equal(
    (await anonymous.post(`/api/v1/calls/${c.id}/questions`, { question: 'Can a university lead?' })).status,
    401,
  )
  const tooShort = await asker.post(`/api/v1/calls/${c.id}/questions`, { question: 'Why?' })
  assert.equal(tooShort.status, 400)
  assert.equal(tooShort.body.errors[0].path, 'question')
  const q1 = ok(
    await asker.post(`/api/v1/calls/${c.id}/questions`, { question: 'May a university be a partner?' }),
    201,
  )
  assert.deepEqual(
    { ...q1, id: undefined },
    {
      id: undefined,
      question: 'May a university be a partner?',
      answer: null,
      language: 'fr',
      status: 'pending',
      askedAt: '2026-03-01T10:00:00.000Z',
      answeredAt: null,
    },
  )
  const q2 = ok(
    await other.post(`/api/v1/calls/${c.id}/questions`, { question: 'Is the lump sum paid in advance?' }),
    201,
  )
  const q3 = ok(await other.post(`/api/v1/calls/${c.id}/questions`, { question: 'Buy my product, cheap!!!' }), 201)
  // Pending questions: every one for operators, one's own for the asker, none for others.
  assert.deepEqual(await questionsOf(anonymous, c.id), [])
  assert.deepEqual(await questionsOf(asker, c.id), [['May a university be a partner?', 'pending']])
  assert.equal((await questionsOf(operator, c.id)).length, 3)
  // Answering is for operators.
  const answer = { answer: 'Yes, as a partner, not as the lead.', status: 'published' }
  assert.equal((await other.post(`/api/v1/calls/${c.id}/questions/${q1.id}/answer`, answer)).status, 403)
  const noAnswer = await operator.post(`/api/v1/calls/${c.id}/questions/${q2.id}/answer`, {
    answer: null,
    status: 'published',
  })
  assert.equal(noAnswer.status, 400)
  assert.equal(noAnswer.body.errors[0].path, 'answer')
  clock.set('2026-03-02T09:00:00Z')
  const a2 = ok(
    await operator.post(`/api/v1/calls/${c.id}/questions/${q2.id}/answer`, {
      answer: 'No: after the final report.',
      status: 'published',
    }),
  )
  assert.equal(a2.status, 'published')
  assert.equal(a2.answeredAt, '2026-03-02T09:00:00.000Z')
  ok(await operator.post(`/api/v1/calls/${c.id}/questions/${q1.id}/answer`, answer))
  ok(await operator.post(`/api/v1/calls/${c.id}/questions/${q3.id}/answer`, { answer: null, status: 'dismissed' }))
  // Published in the order they were published; who asked is never shown.
  const published = ok(await anonymous.get(`/api/v1/calls/${c.id}/questions`)).items
  assert.deepEqual(
    published.map((q: { question: string; answer: string }) => [q.question, q.answer]),
    [
      ['Is the lump sum paid in advance?', 'No: after the final report.'],
      ['May a university be a partner?', 'Yes, as a partner, not as the lead.'],
    ],
  )
  assert.ok(!JSON.stringify(published).includes(askerUser.id))
  assert.equal((await questionsOf(operator, c.id)).length, 3)
  const unknown = await operator.post(`/api/v1/calls/${c.id}/questions/${c.id}/answer`, answer)
  assert.equal(unknown.body.code, 'call_question_not_found')
  // The asker is told, in French, with a link to the call's questions.
  const mails = await t.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'text_body'])
    .where('template', '=', 'call_question_answered')
    .orderBy('created_at')
    .execute()
  assert.deepEqual(
    mails.map((m) => [m.to_address, m.subject]),
    [
      [otherUser.email, `Your question about ${c.code} has been answered`],
      [askerUser.email, `Votre question sur ${c.code} a reçu une réponse`],
    ],
  )
  assert.ok(mails[1]?.text_body.includes(`${PUBLIC_URL}/calls/${c.code}#questions`))
  assert.ok(mails[1]?.text_body.includes('Yes, as a partner, not as the lead.'))
  assert.deepEqual((await auditEvents(t.db, 'call.question_published', c.id)).length, 2)
})

test('questions close at the cut-off, second by second (409 qa_closed); drafts take none', async () => {
  const c = await publishedCall()
  clock.set('2026-04-07T09:59:59.999Z')
  ok(await asker.post(`/api/v1/calls/${c.id}/questions`, { question: 'Is a letter of support needed?' }), 201)
  clock.set('2026-04-07T10:00:00.000Z')
  const late = await asker.post(`/api/v1/calls/${c.id}/questions`, { question: 'And a second letter of support?' })
  assert.equal(late.status, 409)
  assert.equal(late.body.code, 'qa_closed')
  assert.equal(late.body.qaClosesAt, '2026-04-07T10:00:00.000Z')
  assert.deepEqual(ok(await asker.get(`/api/v1/calls/${c.id}`)).abilities.ask, {
    allowed: false,
    reason: 'wrong_status',
  })
  clock.set('2026-03-01T10:00:00Z')
  const d = ok(await operator.post('/api/v1/calls', callBody()), 201)
  assert.equal(
    (await asker.post(`/api/v1/calls/${d.id}/questions`, { question: 'Is this call real yet?' })).status,
    404,
  )
})

test('documents: the type is read from the bytes; public once published, operators only before', async () => {
  clock.set('2026-03-01T10:00:00Z')
  const c = ok(await operator.post('/api/v1/calls', callBody()), 201)
  const guide = ok(
    await operator.post(`/api/v1/calls/${c.id}/documents`, {
      kind: 'guide',
      title: { en: 'Guide for applicants', fr: 'Guide du candidat' },
      filename: 'C:\\Users\\op\\guide.pdf',
      data: b64(pdfBytes('Guide')),
    }),
    201,
  )
  assert.equal(guide.filename, 'guide.pdf')
  assert.equal(guide.contentType, 'application/pdf')
  assert.equal(guide.url, `/api/v1/calls/${c.id}/documents/${guide.id}`)
  const xlsx = await xlsxBytes()
  const template = ok(
    await operator.post(`/api/v1/calls/${c.id}/documents`, {
      kind: 'template',
      title: { en: 'Budget template' },
      filename: 'budget.xls',
      data: b64(xlsx),
    }),
    201,
  )
  assert.equal(template.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  assert.equal(template.filename, 'budget.xlsx')
  assert.equal(template.byteSize, xlsx.length)
  // A PDF sent as a Word file is stored as what it is; an image is not a call document.
  const renamed = ok(
    await operator.post(`/api/v1/calls/${c.id}/documents`, {
      kind: 'other',
      title: { en: 'Renamed' },
      filename: 'text.docx',
      data: b64(pdfBytes('Renamed')),
    }),
    201,
  )
  assert.equal(renamed.filename, 'text.pdf')
  const image = await operator.post(`/api/v1/calls/${c.id}/documents`, {
    kind: 'other',
    title: { en: 'Logo' },
    filename: 'logo.pdf',
    data: b64(pngBytes()),
  })
  assert.equal(image.status, 400)
  assert.deepEqual(
    image.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['data', 'file_type']],
  )
  const garbled = await operator.post(`/api/v1/calls/${c.id}/documents`, {
    kind: 'other',
    title: { en: 'Garbled' },
    filename: 'x.pdf',
    data: '%%%not base64%%%',
  })
  assert.equal(garbled.body.errors[0].code, 'base64')
  assert.equal(
    (
      await other.post(`/api/v1/calls/${c.id}/documents`, {
        kind: 'other',
        title: { en: 'x' },
        filename: 'x.pdf',
        data: b64(pdfBytes()),
      })
    ).status,
    403,
  )
  const url = guide.url as string
  assert.equal((await anonymous.get(url)).status, 404)
  assert.equal((await operator.get(url)).status, 200)
  ok(await operator.post(`/api/v1/calls/${c.id}/publish`))
  const dl = await anonymous.get(url)
  assert.equal(dl.status, 200)
  assert.equal(dl.headers['content-type'], 'application/pdf')
  assert.equal(dl.headers['x-content-type-options'], 'nosniff')
  assert.equal(dl.headers['content-disposition'], "inline; filename*=UTF-8''guide.pdf")
  assert.deepEqual(dl.raw.rawPayload, pdfBytes('Guide'))
  const again = await anonymous.get(url, { 'if-none-match': String(dl.headers.etag) })
  assert.equal(again.status, 304)
  const xl = await anonymous.get(template.url)
  assert.equal(xl.headers['content-disposition'], "attachment; filename*=UTF-8''budget.xlsx")
  const listed = ok(await anonymous.get(`/api/v1/calls/${c.id}`)).documents
  assert.deepEqual(
    listed.map((d: { id: string; kind: string }) => [d.id, d.kind]),
    [
      [guide.id, 'guide'],
      [template.id, 'template'],
      [renamed.id, 'other'],
    ],
  )
  assert.equal((await operator.delete(`/api/v1/calls/${c.id}/documents/${renamed.id}`)).status, 204)
  assert.equal((await anonymous.get(renamed.url)).body.code, 'call_document_not_found')
  assert.equal((await operator.delete(`/api/v1/calls/${c.id}/documents/${renamed.id}`)).status, 404)
  assert.equal((await auditEvents(t.db, 'call.document_added', c.id)).length, 3)
  assert.equal((await auditEvents(t.db, 'call.document_removed', c.id)).length, 1)
})
