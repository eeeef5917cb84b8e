/**
 * Evaluation end to end (issue 7 §14): a call has closed with four admissible applications; an operator
 * opens Evaluation and selection, sees the call's set-up and runs the assignment (progress bar, pairs with
 * why); an expert confirms "no conflict" and evaluates the followed application; a second expert of the
 * same application diverges; once the individual phase has closed the operator finds the application
 * flagged in consensus, compares the evaluations side by side and records a justified consensus; the
 * ranking and the progress follow; a selection under a budget that cannot fund everyone is adopted;
 * decisions are taken and notified; the applicant reads the result (no expert named) and downloads the
 * evaluation summary PDF. Axe on every page and dialog, at 1280 px and again at 375 px (where nothing may
 * scroll sideways).
 *
 * The setting (pages/EvaluationJourneySetup.ts) is written to the database: the closed call, its four
 * consortia, five approved experts, two experts per application, the individual phase open.
 * To stay short, the journey writes through the HTTP API (with each person's own session) what it does
 * not follow on screen: the evaluations of the other assignments and the consensus of the other three
 * applications. The clock moving on (the individual phase closing) is a database update.
 *
 * Set EVALUATION_SHOTS to a folder to keep a screenshot of every page at both widths.
 */
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { after, test } from 'node:test'
import { PDFDocument } from 'pdf-lib'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../server/seed/index.ts'
import { PASSWORD } from '../factories/users.ts'
import { pdfText } from '../integration/receipts-pdf-text.ts'
import { startE2E } from '../support/e2e.ts'
import { journey } from './journey.ts'
import { ApplicationEditorPage } from './pages/ApplicationEditorPage.ts'
import { browsers, personPage } from './pages/ApplicationJourneySetup.ts'
import { PageObject, visibleText } from './pages/base.ts'
import {
  activeAssignments,
  apiSession,
  closeIndividualPhase,
  comment,
  consensusByApi,
  evaluateByApi,
  insertEvaluationSetting,
  type Scores,
} from './pages/EvaluationJourneySetup.ts'
import {
  AssignmentPage,
  ConsensusListPage,
  ConsensusPage,
  DecisionsPage,
  EvaluationFormPage,
  EvaluationHubPage,
  MyEvaluationsPage,
  ProgressPage,
  RankingPage,
  ResultPage,
  SelectionPage,
  SetupPage,
} from './pages/EvaluationPages.ts'
import { asPerson } from './pages/MatchmakingJourneySetup.ts'
import { Shell } from './pages/Shell.ts'

const e2e = await startE2E()
after(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
})

const setting = await insertEvaluationSetting(e2e)
const { call, applications, experts } = setting
const [nightwatch, droneshield, fencefibre, crowdsafe] = applications as [
  (typeof applications)[0],
  (typeof applications)[0],
  (typeof applications)[0],
  (typeof applications)[0],
]
const operatorEmail = 'operator@securit.demo'

/**
 * The scores the experts of the applications not followed on screen give (both alike), and the consensus
 * recorded for them: DRONESHIELD 12, FENCEFIBRE 11, CROWDSAFE under the Impact threshold (3).
 */
const agreed: Record<string, Scores> = {
  [droneshield.id]: { excellence: 4, impact: 4, implementation: 4 },
  [fencefibre.id]: { excellence: 3.5, impact: 4, implementation: 3.5 },
  [crowdsafe.id]: { excellence: 3, impact: 2.5, implementation: 3.5 },
}
/** The two experts of NIGHTWATCH on screen: the first generous, the second strict on Excellence. */
const first: Scores = { excellence: 4.5, impact: 4, implementation: 4 }
const second: Scores = { excellence: 2.5, impact: 3.5, implementation: 4 }
/** Used for the other assignments of NIGHTWATCH's experts (none in practice: they are on screen). */
const nightwatchApi: Scores = first

/** Set EVALUATION_SHOTS to a folder to keep the screenshots. */
const shots = process.env.EVALUATION_SHOTS
if (shots) mkdirSync(shots, { recursive: true })

/**
 * A full-page screenshot into EVALUATION_SHOTS: from the top (the sticky header would otherwise be drawn
 * where the page was scrolled to), without the toasts that would hide part of the page.
 */
async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return
  await page.evaluate(() => window.scrollTo(0, 0))
  const hide = (v: string) =>
    page.evaluate((visibility) => {
      for (const el of document.querySelectorAll<HTMLElement>('.mantine-Notifications-root'))
        el.style.visibility = visibility
    }, v)
  await hide('hidden')
  try {
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
  } finally {
    await hide('')
  }
}

/**
 * The page as it is, at 1280 px and at 375 px: axe again on the phone, nothing wider than the screen
 * (no sideways scroll), and a full-page screenshot of each width when EVALUATION_SHOTS is set.
 */
async function bothWidths(page: Page, name: string): Promise<void> {
  const po = new (class extends PageObject {})(page)
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 }
  await shot(page, `${name}-1280`)
  await page.setViewportSize({ width: 375, height: viewport.height })
  try {
    const overflow = await po.sidewaysOverflow()
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow} px at 375 px: ${await widest(page)}`)
    await po.checkA11y(`${name} at 375 px`)
    await shot(page, `${name}-375`)
  } finally {
    await page.setViewportSize(viewport)
  }
}

/** The outermost elements that stick out of the screen on the right (to tell what scrolls sideways). */
async function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = []
    const walk = (el: Element, parentOut: boolean) => {
      const r = el.getBoundingClientRect()
      const out_ = r.right > window.innerWidth + 1
      if (out_ && !parentOut)
        out.push(
          `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} [${getComputedStyle(el).position}] right=${Math.round(r.right)}`,
        )
      for (const c of el.children) walk(c, out_)
    }
    walk(document.body, false)
    return out.slice(0, 5).join(' | ')
  })
}

const names: Record<string, string> = {
  excellence: 'Excellence',
  impact: 'Impact',
  implementation: 'Quality and efficiency of the implementation',
}
const consensusTone = 'a novel fusion of radar and thermal tracks.'
const label = (n: number) => n.toFixed(1).replace(/\.0$/, '')

test('an operator runs the assignment, two experts diverge, consensus resolves it, a selection under a budget is adopted, and the applicant reads the decision', async (t) => {
  let operator: Page | undefined
  let expert1: Page | undefined
  let expert2: Page | undefined
  let applicant: Page | undefined
  const step = journey(t, () => ({ operator, expert1, expert2, applicant }))
  let panel: { id: string; userId: string }[] = []
  const expertOf = (userId: string) => experts.find((e) => e.id === userId)!

  await step(
    'the operator opens Evaluation and selection, the call’s set-up, then runs the assignment and reads why',
    async () => {
      operator = await personPage(e2e)
      await asPerson(operator, operatorEmail, DEMO_PASSWORD)
      await new Shell(operator).navigate('Evaluation and selection')
      const hub = await new EvaluationHubPage(operator).arrive()
      await hub.search(call.code)
      const row = hub.row(call.code)
      assert.match(
        await visibleText(row),
        new RegExp(
          `^${call.code} Watching over critical sites at night Closed .+ Individual evaluation: open Consensus: upcoming Panel: not set Admissible applications: 4 Approved experts: 5 Assignments: 0 Evaluations submitted: 0 of 0 Final consensus: 0 of 4 `,
        ),
      )
      await bothWidths(operator, '01-hub')
      await row.getByRole('link', { name: call.code, exact: true }).click()
      const setup = await new SetupPage(operator).arrive()
      assert.match(await visibleText(setup.phase('Individual evaluation')), /^Individual evaluation open /)
      assert.match(await visibleText(setup.phase('Consensus')), /^Consensus upcoming /)
      assert.equal(await setup.expertsPerApplication.inputValue(), '2')
      await bothWidths(operator, '02-setup')

      await setup.openTab('Assignment')
      const assignment = await new AssignmentPage(operator).arrive()
      await assignment.main.getByText('No expert is assigned yet', { exact: true }).waitFor()
      await bothWidths(operator, '03-assignment-before')
      const watched = await assignment.run()
      assert.equal(watched.sawProgress, true, 'the progress bar was never shown')
      await assignment.checkA11y('assignment, run done')
      const pairs = await activeAssignments(e2e, call.id)
      assert.equal(pairs.length, 8)
      panel = pairs.filter((p) => p.applicationId === nightwatch.id)
      assert.equal(panel.length, 2)
      const table = assignment.panel(nightwatch.reference, nightwatch.acronym)
      for (const p of panel) await table.getByRole('rowheader', { name: new RegExp(expertOf(p.userId).name) }).waitFor()
      // At least one practitioner on each panel, never two experts of one country.
      const kinds = panel.map((p) => expertOf(p.userId).kind)
      assert.ok(kinds.includes('practitioner'), JSON.stringify(kinds))
      const why = await assignment.why(table, expertOf(panel[0]!.userId).name)
      assert.match(
        why,
        /^(Among the best experts for this application|The panel's practitioner|Needed for the expert's minimum load|A better expert shares a country with another panel member|Better experts are needed more elsewhere \(their load is full\)) .*Expertise match: \d/,
      )
      await assignment.checkA11y('assignment, why a pair')
      await assignment.closeWhy(table, expertOf(panel[0]!.userId).name)
      await bothWidths(operator, '04-assignment-done')
    },
  )

  await step('expert 1 confirms “no conflict”, reads the application, scores every criterion and submits', async () => {
    const e = expertOf(panel[0]!.userId)
    expert1 = (await e2e.newPage()).page
    await asPerson(expert1, e.email, PASSWORD)
    await new Shell(expert1).navigate('My evaluations')
    const mine = await new MyEvaluationsPage(expert1).arrive()
    const item = mine.item(nightwatch.acronym)
    await item.getByText('Confirm first', { exact: true }).waitFor()
    await bothWidths(expert1, '05-my-evaluations')
    const dialog = await mine.openNoConflict(nightwatch.acronym)
    assert.match(
      await visibleText(dialog),
      new RegExp(`no conflict of interest with the organisations applying with ${nightwatch.acronym}`),
    )
    await mine.checkA11y('no-conflict dialog')
    await shot(expert1, '06-no-conflict-dialog-1280')
    await mine.confirmNoConflict()
    await item.getByRole('link', { name: `Evaluate ${nightwatch.acronym}`, exact: true }).click()
    const form = await new EvaluationFormPage(expert1).arrive(nightwatch.acronym, nightwatch.title)
    // The application as submitted: the summary and the consortium with its requested amounts.
    await form.main.getByText(/^Thermal cameras and ground radar watch the perimeters of sea ports at night/).waitFor()
    await form.main.getByRole('region', { name: 'Consortium (requested: €80,000)', exact: true }).waitFor()
    await bothWidths(expert1, '07-evaluation-form')
    for (const [id, score] of Object.entries(first))
      await form.score(names[id]!, label(score), comment(nightwatch.acronym, names[id]!, 'convincing on this point.'))
    await form.overall(comment(nightwatch.acronym, 'Overall', 'a strong proposal with a clear pilot at a port.'))
    await form.openSubmit()
    await form.checkA11y('submit dialog')
    await form.confirmSubmit()
    await form.main.getByText(/^Submitted on /).waitFor()
    await bothWidths(expert1, '08-evaluation-submitted')
    await new MyEvaluationsPage(expert1).goto('my evaluations, one submitted')
    await mine.item(nightwatch.acronym).getByText('Submitted', { exact: true }).waitFor()
  })

  await step(
    'expert 2, on the same application, evaluates with divergent scores; the others through the API',
    async () => {
      const e = expertOf(panel[1]!.userId)
      expert2 = await personPage(e2e)
      await asPerson(expert2, e.email, PASSWORD)
      const mine = await new MyEvaluationsPage(expert2).goto()
      await mine.openNoConflict(nightwatch.acronym)
      await mine.confirmNoConflict()
      await mine
        .item(nightwatch.acronym)
        .getByRole('link', { name: `Evaluate ${nightwatch.acronym}`, exact: true })
        .click()
      const form = await new EvaluationFormPage(expert2).arrive(nightwatch.acronym, nightwatch.title)
      for (const [id, score] of Object.entries(second))
        await form.score(
          names[id]!,
          label(score),
          comment(nightwatch.acronym, names[id]!, 'weaker than it claims here.'),
        )
      await form.overall(comment(nightwatch.acronym, 'Overall', 'the state of the art is not well covered.'))
      await form.openSubmit()
      await form.confirmSubmit()
      await form.main.getByText(/^Submitted on /).waitFor()
      await expert2.context().browser()?.close()
      // The other assignments, written by their experts through the API.
      for (const a of await activeAssignments(e2e, call.id)) {
        const evaluated = await e2e.db
          .selectFrom('evaluations')
          .select('status')
          .where('assignment_id', '=', a.id)
          .executeTakeFirst()
        if (evaluated?.status === 'submitted') continue
        const app = applications.find((x) => x.id === a.applicationId)!
        const client = await apiSession(e2e, expertOf(a.userId).email)
        await evaluateByApi(client, a.id, app.acronym, agreed[a.applicationId] ?? nightwatchApi)
      }
      const submitted = await e2e.db
        .selectFrom('evaluations as v')
        .innerJoin('evaluation_assignments as a', 'a.id', 'v.assignment_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('a.call_id', '=', call.id)
        .where('v.status', '=', 'submitted')
        .executeTakeFirstOrThrow()
      assert.equal(Number(submitted.n), 8)
    },
  )

  await step(
    'the individual phase closes; consensus flags NIGHTWATCH, the operator compares and records a justified consensus',
    async () => {
      await closeIndividualPhase(e2e, call.id)
      await operator!.reload()
      await new AssignmentPage(operator!).arrive('assignment, evaluations in')
      await new AssignmentPage(operator!).openTab('Consensus')
      const list = await new ConsensusListPage(operator!).arrive()
      assert.match(
        await visibleText(list.row(nightwatch.acronym)),
        /2 of 2 submitted Divergent \(spread 2\) Not started/,
      )
      assert.match(
        await visibleText(list.row(droneshield.acronym)),
        /2 of 2 submitted Within the spread \(0\) Not started/,
      )
      await bothWidths(operator!, '09-consensus-list')
      await list.open(nightwatch.acronym)
      const page = await new ConsensusPage(operator!).arrive(nightwatch.acronym)
      const side = await visibleText(page.evaluations)
      assert.match(side, /Scores diverge Scores are more than 1\.5 points apart on: Excellence \(spread 2\)\./)
      for (const p of panel) assert.ok(side.includes(expertOf(p.userId).name), side)
      await bothWidths(operator!, '10-consensus-side-by-side')
      await page.score('Excellence', '4.5', comment(nightwatch.acronym, 'Excellence', consensusTone))
      await page.justification('Excellence').waitFor()
      await page
        .justification('Excellence')
        .fill(
          'The pilot at the port of Rotterdam is already agreed; the novelty of the fusion outweighs the gaps seen.',
        )
      await page.score('Impact', '4', comment(nightwatch.acronym, 'Impact', 'a clear benefit for port operators.'))
      await page.score(names.implementation!, '4', comment(nightwatch.acronym, 'Implementation', 'a sound plan.'))
      assert.equal(await page.justification(names.implementation!).count(), 0)
      await page.record
        .getByRole('textbox', { name: 'Overall comment', exact: true })
        .fill('A strong proposal: a thermal and radar watch of port perimeters with a pilot agreed.')
      await page.checkA11y('consensus form filled')
      await page.finalise()
      await page.record.getByText('Final', { exact: true }).waitFor()
      await bothWidths(operator!, '11-consensus-final')
      const client = await apiSession(e2e, operatorEmail, DEMO_PASSWORD)
      for (const app of [droneshield, fencefibre, crowdsafe])
        await consensusByApi(client, call.id, app.id, app.acronym, agreed[app.id]!)
    },
  )

  await step('the ranking places NIGHTWATCH first; the progress page shows figures and charts', async () => {
    await new ConsensusPage(operator!).openTab('Ranking')
    const ranking = await new RankingPage(operator!).arrive()
    assert.deepEqual(await ranking.rows(), [
      `1 NIGHTWATCH ${nightwatch.reference} · ${nightwatch.title} D1-C2 12.5 4.5 4 4 No tie`,
      `2 DRONESHIELD ${droneshield.reference} · ${droneshield.title} D1-C1 12 4 4 4 No tie`,
      `3 FENCEFIBRE ${fencefibre.reference} · ${fencefibre.title} D1-C2 11 3.5 4 3.5 No tie`,
      `— CROWDSAFE ${crowdsafe.reference} · ${crowdsafe.title} D1-C1 9 3 2.5 3.5 Impact: 2.5 under the threshold of 3 Total 9 under the threshold of 10`,
    ])
    await ranking.main.getByText('3 ranked, 1 out of the ranking.', { exact: true }).waitFor()
    await bothWidths(operator!, '12-ranking')
    await ranking.openTab('Progress')
    const progress = await new ProgressPage(operator!).arrive()
    await progress.main.getByText('8 of 8 evaluations submitted (100%).', { exact: true }).waitFor()
    await progress.main.getByRole('progressbar', { name: '8 of 8 evaluations submitted (100%).' }).waitFor()
    // A chart per criterion (drawn as SVG, its figures in a table beside it) and the calibration chart.
    assert.equal(await progress.main.locator('.recharts-surface').count(), 4)
    await bothWidths(operator!, '13-progress')
  })

  const scenario = 'Budget of €150,000'
  await step(
    'a selection under a budget that cannot fund everyone: funded, reserve, out with why; adopted',
    async () => {
      await new ProgressPage(operator!).openTab('Selection')
      const selection = await new SelectionPage(operator!).arrive()
      await bothWidths(operator!, '14-selection-empty')
      await selection.createScenario(scenario, 150_000)
      const results = selection.results(scenario)
      await results.waitFor()
      assert.deepEqual(await selection.resultRows(scenario), [
        `1 NIGHTWATCH ${nightwatch.reference} · ${nightwatch.title} D1-C2 €80,000.00 €80,000.00 Funded Funded in rank order (rank 1): €80,000.00.`,
        `2 DRONESHIELD ${droneshield.reference} · ${droneshield.title} D1-C1 €70,000.00 €70,000.00 Funded Funded in rank order (rank 2): €70,000.00.`,
        `3 FENCEFIBRE ${fencefibre.reference} · ${fencefibre.title} D1-C2 €60,000.00 — Reserve 1 Reserve no. 1. Requested €60,000.00 but only €0.00 of the budget was left after the higher-ranked applications.`,
        `— CROWDSAFE ${crowdsafe.reference} · ${crowdsafe.title} D1-C1 €60,000.00 — Out Not ranked: Impact: 2.5 under the threshold of 3; Total 9 under the threshold of 10.`,
      ])
      await results.getByText('€150,000.00 of €150,000.00 spent (100%)', { exact: true }).waitFor()
      assert.equal(await results.getByRole('progressbar', { name: 'Budget used' }).getAttribute('aria-valuenow'), '100')
      await bothWidths(operator!, '15-selection-scenario')
      await selection.openAdopt(scenario)
      await selection.checkA11y('adopt dialog')
      await selection.confirmAdopt(scenario)
      await results.getByText('Adopted', { exact: true }).waitFor()
      await bothWidths(operator!, '16-selection-adopted')
    },
  )

  await step('decisions are taken from the adopted scenario and notified', async () => {
    await new SelectionPage(operator!).openTab('Decisions')
    const decisions = await new DecisionsPage(operator!).arrive()
    await bothWidths(operator!, '17-decisions-before')
    const decide = await decisions.confirmAction(
      'Take the decisions',
      'Take the decisions',
      '4 decisions taken.',
      'take the decisions dialog',
    )
    assert.match(decide, /2 funded, 1 on the reserve list and 1 not selected/)
    const notify = await decisions.confirmAction(
      'Notify the applicants',
      'Notify the applicants',
      '4 applications notified.',
      'notify dialog',
    )
    assert.match(notify, /^Notify the applicants\? 4 applications will be notified/)
    const rows = decisions.table.getByRole('row')
    const texts: string[] = []
    for (let i = 1; i < (await rows.count()); i++) texts.push(await visibleText(rows.nth(i)))
    assert.deepEqual(texts, [
      `1 ${nightwatch.reference} · NIGHTWATCH Havenwacht Sensing B.V. Funded €80,000.00 €80,000.00 Awaiting the answer Funded in rank order (rank 1): €80,000.00.`,
      `2 ${droneshield.reference} · DRONESHIELD Aerovigil SRL Funded €70,000.00 €70,000.00 Awaiting the answer Funded in rank order (rank 2): €70,000.00.`,
      `3 ${fencefibre.reference} · FENCEFIBRE Glasfaser Wache GmbH Reserve no. 1 €60,000.00 — — Reserve no. 1. Requested €60,000.00 but only €0.00 of the budget was left after the higher-ranked applications.`,
      `— ${crowdsafe.reference} · CROWDSAFE Folla Sicura S.r.l. Not selected €60,000.00 — — Not ranked: Impact: 2.5 under the threshold of 3; Total 9 under the threshold of 10.`,
    ])
    await bothWidths(operator!, '18-decisions-notified')
  })

  await step(
    'the applicant opens the result from the application, reads it and downloads the summary PDF',
    async () => {
      applicant = await personPage(e2e)
      await asPerson(applicant, setting.applicant.email, PASSWORD)
      await new Shell(applicant).navigate('Applications')
      await applicant.getByRole('main').getByRole('link', { name: nightwatch.acronym, exact: true }).click()
      const editor = await new ApplicationEditorPage(applicant).arrive(nightwatch.acronym, 'submitted application')
      await editor.main.getByRole('link', { name: 'Evaluation result', exact: true }).click()
      const result = await new ResultPage(applicant).arrive(nightwatch.reference)
      const text = await visibleText(result.main)
      for (const part of [
        `Evaluation result — ${nightwatch.reference} NIGHTWATCH — ${nightwatch.title} Decision Download the evaluation summary (PDF) Funded ${call.code} · Watching over critical sites at night Your application is selected for funding. Funded in rank order (rank 1): €80,000.00. Rank 1 Requested €80,000.00 Granted €80,000.00 Notified `,
        'Grant offer The programme offers a grant of €80,000.00.',
        'Criterion Weight Score Excellence 1 4.5 Impact 1 4 Quality and efficiency of the implementation 1 4 Weighted total 12.5 / 15',
        `Excellence ${comment(nightwatch.acronym, 'Excellence', consensusTone)}`,
        'Overall comment A strong proposal: a thermal and radar watch of port perimeters with a pilot agreed.',
      ])
        assert.ok(text.includes(part), `missing "${part}" in ${text}`)
      // The consensus only: neither the individual comments nor the moderator's justification.
      for (const hidden of ['convincing on this point', 'weaker than it claims here', 'port of Rotterdam', 'Expert 1'])
        assert.equal(text.includes(hidden), false, `"${hidden}" is on the result page`)
      const whole = await visibleText(applicant.locator('body'))
      const html = await applicant.content()
      for (const e of experts) {
        assert.equal(whole.includes(e.name), false, `${e.name} is on the result page`)
        assert.equal(html.includes(e.name), false, `${e.name} is in the result page's HTML`)
        assert.equal(html.includes(e.email), false, `${e.email} is in the result page's HTML`)
      }
      await bothWidths(applicant, '19-result')
      const [download] = await Promise.all([applicant.waitForEvent('download'), result.download.click()])
      assert.equal(download.suggestedFilename(), `evaluation-summary-${nightwatch.reference}.pdf`)
      const bytes = readFileSync(await download.path())
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
      const pdf = pdfText(await PDFDocument.load(bytes)).join('\n')
      assert.ok(pdf.includes(`Evaluation summary — ${nightwatch.reference}`), pdf)
      assert.ok(pdf.includes('Selected for funding'), pdf)
      for (const e of experts) {
        assert.equal(pdf.includes(e.name), false, `${e.name} is in the PDF`)
        assert.equal(pdf.includes(e.email), false, `${e.email} is in the PDF`)
      }
    },
  )
})
