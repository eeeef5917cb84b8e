/**
 * The setting of the application journey (tests/e2e/application-journey.test.ts): two SMEs in two EU
 * countries with a person each, a call open now with a compact form (acronym, title, summary, TRL at the
 * start and at the end, the budget table) and the rules the journey breaks and fixes (TRL 5–8, €100,000
 * per project, €60,000 per organisation, two SMEs in two countries), a browser per extra person, and the
 * reads of the server's copy the journey checks the screen against.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { defaultCallConfig } from '../../../shared/calls/presets.ts'
import { callConfig } from '../../../shared/contracts/calls.ts'
import { euMemberStates } from '../../../shared/countries.ts'
import { callCode, type InsertedCall, insertCall } from '../../factories/calls.ts'
import { catalogueOrg } from '../../factories/catalogue.ts'
import { createUser } from '../../factories/users.ts'
import { launchBrowser } from '../../support/browser.ts'
import type { E2E } from '../../support/e2e.ts'

const DAY = 86_400_000
const run = promisify(execFile)

export interface Person {
  name: string
  email: string
  org: string
}
export const lead: Person = {
  name: 'Ilse de Vries',
  email: 'ilse.devries@nachtwacht.example',
  org: 'Nachtwacht Sensing B.V.',
}
export const partner: Person = {
  name: 'Tiago Almeida',
  email: 'tiago.almeida@vigia.example',
  org: 'Vigia Perimetral Lda',
}
export const callTitle = 'Night-time security of protected perimeters'

/** A person (password PASSWORD) who owns a small enterprise established in `country`. */
export async function smeWithMember(e2e: E2E, person: Person, country: string): Promise<void> {
  const user = await createUser(e2e.db, e2e.programmeId, { name: person.name, email: person.email })
  const org = await catalogueOrg(e2e.db, { legalName: person.org, country, smeStatus: 'small' })
  await e2e.db.insertInto('memberships').values({ organisation_id: org.id, user_id: user.id, role: 'owner' }).execute()
}

function journeyConfig() {
  const base = defaultCallConfig()
  const text = (id: string, label: string, semantic: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'short_text',
    semantic,
    required: true,
    label: { en: label },
    ...extra,
  })
  const trl = (id: string, label: string) => ({
    id,
    type: 'number',
    semantic: id,
    required: true,
    integer: true,
    min: 1,
    max: 9,
    label: { en: label },
  })
  return callConfig.parse({
    ...base,
    budget: {
      ...base.budget,
      totalCents: 100_000_000,
      maxPerProjectCents: 10_000_000,
      maxPerThirdPartyCents: 6_000_000,
    },
    consortium: {
      minOrganisations: 2,
      maxOrganisations: 5,
      minSmes: 2,
      minCountries: 2,
      eligibleCountries: [...euMemberStates],
      endUserRequired: false,
      excludePartnerLinked: true,
      oneApplicationPerOrganisation: true,
    },
    trl: { min: 5, max: 8 },
    form: {
      sections: [
        {
          id: 'project',
          title: { en: 'Project' },
          questions: [
            text('acronym', 'Acronym', 'acronym', { maxLength: 30 }),
            text('title', 'Project title', 'title'),
            text('summary', 'Summary', 'abstract', { type: 'long_text', maxLength: 1000 }),
            trl('trl_start', 'TRL at the start'),
            trl('trl_end', 'TRL at the end'),
          ],
        },
        {
          id: 'budget',
          title: { en: 'Budget' },
          questions: [
            { id: 'budget', type: 'budget_table', required: true, label: { en: 'Budget of the consortium' } },
          ],
        },
      ],
    },
  })
}

/** The call, published and open since a week, closing in 30 days, with challenge D1-C2 (TRL 5–8) in scope. */
export async function insertJourneyCall(e2e: E2E): Promise<InsertedCall> {
  const challenge = await e2e.db
    .selectFrom('challenges')
    .select('id')
    .where('programme_id', '=', e2e.programmeId)
    .where('code', '=', 'D1-C2')
    .executeTakeFirstOrThrow()
  const call = await insertCall(e2e.db, {
    programmeId: e2e.programmeId,
    code: callCode('NIGHT'),
    opensAt: new Date(Date.now() - 7 * DAY),
    closesAt: new Date(Date.now() + 30 * DAY),
    config: journeyConfig(),
    challengeIds: [challenge.id],
    frozen: true,
  })
  await e2e.db
    .updateTable('calls')
    .set({
      title: JSON.stringify({ en: callTitle }),
      summary: JSON.stringify({
        en: 'Consortia of SMEs pilot the detection of intruders around sensitive sites at night.',
      }),
    })
    .where('id', '=', call.id)
    .execute()
  return call
}

/**
 * A page in a browser of its own. @sparticuz/chromium runs with --single-process, where the contexts of
 * one browser share their cookies: the lead, the partner and the operator would all be the last person
 * who signed in. So each person other than the lead (e2e.browser) gets a browser; `browsers` lists them
 * for the test's `after` to close.
 */
export const browsers: Browser[] = []
export async function personPage(e2e: E2E): Promise<Page> {
  const browser = await launchBrowser()
  browsers.push(browser)
  const context = await browser.newContext({
    baseURL: e2e.baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
  })
  context.setDefaultTimeout(15_000)
  return context.newPage()
}

/** The application as the server has it, read from the browser with the person's session. */
// biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON freely
export async function serverApp(page: Page, id: string): Promise<any> {
  return page.evaluate(async (appId) => (await fetch(`/api/v1/applications/${appId}`)).json(), id)
}

/** The saved part of the organisation `legalName`: what the autosave really wrote. */
// biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON freely
export async function savedPart(page: Page, id: string, legalName: string): Promise<any> {
  const app = await serverApp(page, id)
  return app.partners.find((p: { facts: { legalName: string | null } }) => p.facts.legalName === legalName)?.part
}

/**
 * `npm run receipt:verify -- <file> --url <app> --json`, run with this Node (the one `npm exec` gives):
 * its exit code (0 valid, 1 invalid) and what it printed. Asynchronous, so the in-process server answers.
 */
export async function verifyReceipt(file: string, baseUrl: string): Promise<{ code: number; out: string }> {
  return run(process.execPath, ['scripts/receipt-verify.ts', file, '--url', baseUrl, '--json'], {
    cwd: process.cwd(),
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, out: err.stdout ?? '' }),
  )
}
