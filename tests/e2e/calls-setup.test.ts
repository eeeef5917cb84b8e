import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { DashboardPage, SignInPage } from './pages/AuthPages.ts'
import { visibleText } from './pages/base.ts'
import { CallEditorPage, CallListPage } from './pages/CallPages.ts'
import { Shell } from './pages/Shell.ts'

const e2e = await startE2E()

test('an operator sets up a call with a custom and a conditional question, previews the form, publishes it', async (t) => {
  let page: Page | undefined
  const step = journey(t, () => ({ operator: page }))
  let editor: CallEditorPage
  let callId = ''

  await step('the operator opens Calls from the navigation and starts a new call', async () => {
    page = (await e2e.newPage()).page
    await new SignInPage(page).goto()
    await new SignInPage(page).signIn('operator@securit.demo', DEMO_PASSWORD)
    await new DashboardPage(page).arrive()
    await new Shell(page).navigate('Calls')
    const list = await new CallListPage(page).arrive()
    await list.row('DEMO').waitFor()
    await list.main.getByRole('link', { name: 'New call', exact: true }).click()
    editor = await new CallEditorPage(page).arrive('New call', 'new call, general tab')
  })

  await step('saving an empty call shows the problems next to the fields and on the tabs', async () => {
    await editor.save.click()
    await editor.main.getByRole('alert').filter({ hasText: 'The call cannot be saved yet' }).waitFor()
    assert.equal(await editor.fieldError(editor.textbox('Title (English)')), 'Write at least the English text.')
    assert.equal(await visibleText(editor.tab('General')), 'General (3 problems) 3')
    assert.equal(await visibleText(editor.tab('Timeline')), 'Timeline (2 problems) 2')
    await editor.checkA11y('new call with errors')
  })

  await step('general and timeline: code, titles, the deadline in Brussels time with its UTC instant', async () => {
    await editor.textbox('Code').fill('e2e-ports')
    assert.equal(await editor.textbox('Code').inputValue(), 'E2E-PORTS')
    await editor.textbox('Title (English)').fill('Pilots for safer ports')
    await editor.textbox('Title (French)').fill('Des pilotes pour des ports plus sûrs')
    await editor.textbox('Summary (English)').fill('Consortia of SMEs pilot security solutions in European ports.')
    await editor.openTab('Timeline')
    const opening = editor.main.getByLabel('Opening', { exact: false }).first()
    // 02:30 on the last Sunday of March 2030 does not exist in Brussels.
    await opening.fill('2030-03-31T02:30')
    await editor.main.getByText('This time does not exist in this zone', { exact: false }).waitFor()
    await opening.fill('2030-03-04T09:00')
    await editor.main.getByLabel('Deadline', { exact: false }).first().fill('2030-05-06T17:00')
    await editor.main.getByText('That is 6 May 2030 at 15:00 UTC (UTC+02:00).', { exact: false }).waitFor()
    await editor.checkA11y('new call, timeline tab')
  })

  await step('scope: a published challenge is put in scope', async () => {
    await editor.openTab('TRL and challenges')
    await editor.main.getByRole('checkbox', { name: /^D1-C2/ }).check()
    await editor.checkA11y('new call, scope tab')
  })

  await step('the form builder: a custom single-choice question and a question shown only for "Yes"', async () => {
    await editor.openTab('Application form')
    const annexes = editor.section('Annexes')
    await editor.choose(editor.combobox('Type of the new question', annexes), 'Single choice')
    await annexes.getByRole('button', { name: 'Add a question to “Annexes”' }).click()
    await editor.textbox('Question (English)').fill('Will you run the pilot in a port?')
    await editor.textbox('Option 1 (English)').fill('Yes')
    await editor.textbox('Option 2 (English)').fill('No')
    await editor.main.getByRole('checkbox', { name: 'Required', exact: true }).check()
    await editor.checkA11y('form builder, custom question open')

    await editor.choose(editor.combobox('Type of the new question', annexes), 'Short text')
    await annexes.getByRole('button', { name: 'Add a question to “Annexes”' }).click()
    await editor.textbox('Question (English)').fill('Name of the port')
    await editor.main.getByRole('switch', { name: /^Show this question only/ }).check()
    await editor.choose(editor.combobox('Show when the answer to'), 'Will you run the pilot in a port?')
    await editor.pick(editor.main.getByRole('combobox', { name: 'is any of' }), ['Yes'])
    await editor.checkA11y('form builder, conditional question open')
    // The order can be changed with buttons; the new position is announced.
    await annexes.getByRole('button', { name: 'Move question “Name of the port” up' }).click()
    await editor.page.getByRole('status').filter({ hasText: 'moved to position 2 of 3' }).waitFor()
    await annexes.getByRole('button', { name: 'Move question “Name of the port” down' }).click()
    const rows = annexes.getByRole('button', {
      name: /^(Other annexes|Will you run the pilot in a port\?|Name of the port)$/,
    })
    assert.deepEqual(
      (await rows.allInnerTexts()).map((r) => r.trim()),
      ['Other annexes', 'Will you run the pilot in a port?', 'Name of the port'],
    )
  })

  await step(
    'the preview shows the form as applicants see it; the conditional question follows the answer',
    async () => {
      await editor.main.getByText('Preview', { exact: true }).click()
      const question = editor.main.getByRole('radiogroup', { name: /Will you run the pilot in a port\?/ })
      await question.waitFor()
      const port = editor.main.getByRole('textbox', { name: 'Name of the port' })
      assert.equal(await port.count(), 0)
      await question.getByRole('radio', { name: 'Yes', exact: true }).check()
      await port.waitFor()
      await editor.checkA11y('form preview, conditional question shown')
      await question.getByRole('radio', { name: 'No', exact: true }).check()
      await port.waitFor({ state: 'detached' })
      // In French: the content is shown in the chosen language (English where it has no translation).
      await editor.choose(editor.combobox('Language of the form'), 'French')
      await editor.main.getByRole('heading', { level: 2, name: 'Annexes' }).waitFor()
      await editor.main.getByRole('heading', { level: 2, name: 'Projet' }).waitFor()
    },
  )

  await step('creating the draft leads to the call editor', async () => {
    await editor.save.click()
    editor = await new CallEditorPage(page!).arrive('Call E2E-PORTS', 'call editor after creation')
    callId = new URL(page!.url()).pathname.split('/')[3] ?? ''
    assert.match(callId, /^[0-9a-f-]{36}$/)
    await editor.main.getByText('Draft', { exact: true }).first().waitFor()
    const call = await page!.evaluate(async (id) => (await fetch(`/api/v1/calls/${id}`)).json(), callId)
    const annexes = call.config.form.sections.at(-1)
    assert.deepEqual(
      annexes.questions.map((q: { label: { en: string }; type: string; condition: unknown }) => [
        q.label.en,
        q.type,
        q.condition !== null,
      ]),
      [
        ['Other annexes', 'file', false],
        ['Will you run the pilot in a port?', 'single_choice', false],
        ['Name of the port', 'short_text', true],
      ],
    )
    const choice = annexes.questions[1]
    assert.deepEqual(annexes.questions[2].condition, { questionId: choice.id, anyOf: [choice.options[0].id] })
    assert.equal(new Date(call.schedule.deadline).toISOString(), '2030-05-06T15:00:00.000Z')
  })

  await step('a change saved by someone else in between is a conflict: nothing typed is lost', async () => {
    await editor.openTab('General')
    await editor.textbox('Title (English)').fill('Pilots for safer European ports')
    const status = await page!.evaluate(async (id) => {
      const current = await (await fetch(`/api/v1/calls/${id}`)).json()
      const res = await fetch(`/api/v1/calls/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ expectedVersion: current.version, summary: { en: 'Changed by a colleague.' } }),
      })
      return res.status
    }, callId)
    assert.equal(status, 200)
    await editor.save.click()
    await editor.main.getByRole('alert').filter({ hasText: 'Someone else saved this call in the meantime' }).waitFor()
    assert.equal(await editor.textbox('Title (English)').inputValue(), 'Pilots for safer European ports')
    await editor.checkA11y('call editor, conflict')
    await editor.main.getByRole('button', { name: 'Save my changes on top' }).click()
    await editor.main.getByText(/^Everything is saved/).waitFor()
    const call = await page!.evaluate(async (id) => (await fetch(`/api/v1/calls/${id}`)).json(), callId)
    assert.equal(call.title.en, 'Pilots for safer European ports')
    assert.equal(call.summary.en, 'Changed by a colleague.')
  })

  await step('publishing explains what happens, then the call is scheduled', async () => {
    await editor.main.getByRole('button', { name: 'Publish', exact: true }).click()
    await editor.dialog.getByText('It opens by itself on 4 March 2030', { exact: false }).waitFor()
    await editor.checkA11y('publish dialog')
    await editor.dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await editor.notification('The call is published.').waitFor()
    await editor.main.getByText('Scheduled', { exact: true }).first().waitFor()
    await editor.checkA11y('call editor, scheduled')
    const list = await new CallListPage(page!).goto()
    await list.filterPhase('Scheduled')
    await list.row('E2E-PORTS').waitFor()
    assert.match(
      await visibleText(list.row('E2E-PORTS')),
      /Pilots for safer European ports Scheduled 6 May 2030 at 17:00 CEST/,
    )
    await list.checkA11y('calls list, scheduled filter')
  })

  await step('an open call: a change asks for a change log and becomes a new, published version', async () => {
    const list = await new CallListPage(page!).goto()
    await list.row('DEMO').getByRole('link').first().click()
    editor = await new CallEditorPage(page!).arrive('Call DEMO', 'open call editor')
    await editor.main.getByText('This call has opened', { exact: true }).waitFor()
    await editor.openTab('Timeline')
    await editor.main.getByLabel('Deadline', { exact: false }).first().fill('2031-01-31T17:00')
    await editor.save.click()
    await editor.dialog.getByRole('heading', { name: 'Describe the change (version 2)' }).waitFor()
    await editor.dialog.getByRole('button', { name: 'Save and publish the change' }).click()
    assert.equal(
      await editor.fieldError(editor.textbox('Change log (English)', editor.dialog)),
      'Write at least the English text.',
    )
    await editor.checkA11y('change log dialog')
    await editor.textbox('Change log (English)', editor.dialog).fill('The deadline is extended to 31 January 2031.')
    await editor.dialog.getByRole('button', { name: 'Save and publish the change' }).click()
    await editor.notification('Saved (version 2).').waitFor()
    await editor.openTab('Versions')
    await editor.main.getByText('The deadline is extended to 31 January 2031.', { exact: true }).waitFor()
    await editor.checkA11y('versions tab')
  })
})
