/**
 * The public call pages, server-rendered: `/calls` and `/calls/:code` state everything without
 * JavaScript (key facts, the deadline in the official zone with its offset and in UTC, challenges with
 * links, rules in words, documents, published Q&A, change log, Apply while open), in the viewer's
 * language, with Open Graph tags; a draft is a 404 page; the embedded props carry no application form.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import type { PageRenderer } from '../../server/platform/ssr/types.ts'
import { countriesForPreset } from '../../shared/calls/presets.ts'
import { callBody, callConfigBody } from '../factories/calls.ts'
import { signedIn } from '../factories/organisations.ts'
import { b64, pdfBytes } from '../factories/solutions.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp, PUBLIC_URL, type Res } from '../support/app.ts'

/** `npm test` builds dist/; CASCADE_TEST_SSR_ROOT points at another build (a checkout shared with others). */
async function renderer(): Promise<PageRenderer | 'built'> {
  const root = process.env.CASCADE_TEST_SSR_ROOT
  if (!root) return 'built'
  const { createRenderer } = await import('../../server/platform/ssr/index.ts')
  return createRenderer({ root })
}

const clock = new FixedClock('2026-03-20T12:00:00Z')
const t = await createTestApp({ clock, renderer: await renderer() })
const operator = await signedIn(t, await createUser(t.db, t.programmeId, { programmeRole: 'operator' }))
const asker = await signedIn(t, await createUser(t.db, t.programmeId))
const anonymous = t.client()

function ok(res: Res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body))
  return res.body
}

const challenge = await t.db
  .selectFrom('challenges')
  .select(['id', 'slug', 'title'])
  .where('code', '=', 'D1-C2')
  .executeTakeFirstOrThrow()

// An open call (opened 10 March 09:00 Brussels, closes 14 April 17:00 Brussels), with a document, a
// published question, a dismissed one and a change after the opening.
const base = callConfigBody()
const open = ok(
  await operator.post(
    '/api/v1/calls',
    callBody({
      code: 'PAGE-OPEN',
      title: { en: 'Resilient water networks', fr: 'Des réseaux d’eau résilients', nl: 'Veerkrachtige waternetten' },
      summary: {
        en: 'Sensors & prototypes <for> water utilities.',
        fr: 'Capteurs et prototypes pour les services des eaux.',
        nl: 'Sensoren en prototypes voor waterbedrijven.',
      },
      challengeIds: [challenge.id],
      config: {
        ...base,
        budget: {
          ...base.budget,
          totalCents: 175_000_000,
          maxPerProjectCents: 10_000_000,
          maxPerThirdPartyCents: 6_000_000,
          expectedProjects: 20,
        },
        consortium: {
          ...base.consortium,
          minOrganisations: 2,
          maxOrganisations: 4,
          minSmes: 2,
          minCountries: 2,
          eligibleCountries: countriesForPreset('eu27'),
          endUserRequired: true,
        },
        trl: { min: 5, max: 8 },
      },
    }),
  ),
  201,
)
ok(
  await operator.post(`/api/v1/calls/${open.id}/documents`, {
    kind: 'guide',
    title: { en: 'Guide for applicants', fr: 'Guide du candidat', nl: 'Gids voor aanvragers' },
    filename: 'guide.pdf',
    data: b64(pdfBytes('Guide')),
  }),
  201,
)
ok(await operator.post(`/api/v1/calls/${open.id}/publish`))
const q1 = ok(
  await asker.post(`/api/v1/calls/${open.id}/questions`, { question: 'May a university join the consortium?' }),
  201,
)
const q2 = ok(await asker.post(`/api/v1/calls/${open.id}/questions`, { question: 'This one will be dismissed.' }), 201)
ok(
  await operator.post(`/api/v1/calls/${open.id}/questions/${q1.id}/answer`, {
    answer: 'Yes, as a partner.',
    status: 'published',
  }),
)
ok(await operator.post(`/api/v1/calls/${open.id}/questions/${q2.id}/answer`, { answer: null, status: 'dismissed' }))
ok(
  await operator.patch(`/api/v1/calls/${open.id}`, {
    expectedVersion: 1,
    deadlineLocal: '2026-04-21T17:00',
    changeLog: {
      en: 'Deadline moved by one week.',
      fr: 'Date limite reportée d’une semaine.',
      nl: 'Uiterste datum een week later.',
    },
  }),
)
const draft = ok(await operator.post('/api/v1/calls', callBody({ code: 'PAGE-DRAFT' })), 201)
const scheduled = ok(
  await operator.post(
    '/api/v1/calls',
    callBody({ code: 'PAGE-SOON', opensAtLocal: '2026-05-04T09:00', deadlineLocal: '2026-06-30T17:00' }),
  ),
  201,
)
ok(await operator.post(`/api/v1/calls/${scheduled.id}/publish`))

/** The text of an HTML document without tags (what a reader without JavaScript sees). */
function text(html: string): string {
  const body = html.slice(html.indexOf('<div id="root">'), html.indexOf('<script type="application/json"'))
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
}

function embedded(html: string): unknown {
  const m = html.match(/<script type="application\/json" id="cascade-props">(.*?)<\/script>/s)
  assert.ok(m, 'hydration props embedded')
  return JSON.parse(m[1]!)
}

test('the call page states everything without JavaScript, with Open Graph tags', async () => {
  const res = await anonymous.get('/calls/PAGE-OPEN?lang=en')
  assert.equal(res.status, 200)
  assert.match(String(res.headers['content-type']), /text\/html/)
  const html = res.body as string
  assert.ok(html.includes('<meta property="og:title" content="PAGE-OPEN · Resilient water networks">'))
  assert.ok(
    html.includes('<meta property="og:description" content="Sensors &amp; prototypes &lt;for&gt; water utilities.">'),
  )
  assert.ok(html.includes(`<meta property="og:url" content="${PUBLIC_URL}/calls/PAGE-OPEN">`))
  assert.ok(html.includes('<html lang="en"'))
  const body = text(html)
  for (const expected of [
    'Resilient water networks',
    'Open',
    // The deadline in the official zone with its offset (summer time after 29 March), and in UTC.
    '21 April 2026 at 17:00 (Brussels time, UTC+02:00)',
    'That is 21 April 2026 at 15:00 UTC.',
    // Opening in winter time.
    '10 March 2026 at 09:00 (Brussels time, UTC+01:00)',
    '€1,750,000',
    '€100,000',
    '€60,000',
    'Lump sum',
    'TRL 5 to 8',
    'A consortium has between 2 and 4 organisations.',
    'At least 2 of them are SMEs.',
    'They come from at least 2 different countries.',
    'An end-user, such as a public authority',
    'Every organisation is established in a member state of the European Union:',
    'Guide for applicants',
    'May a university join the consortium?',
    'Yes, as a partner.',
    'Deadline moved by one week.',
    'The call as it opened.',
    'Apply',
  ]) {
    assert.ok(body.includes(expected), `missing: ${expected}\n${body}`)
  }
  assert.ok(!body.includes('This one will be dismissed.'))
  assert.ok(html.includes(`href="/app/applications/new?callId=${open.id}"`))
  assert.ok(html.includes(`href="/challenges/${challenge.slug}"`))
  assert.ok(html.includes(`href="/api/v1/calls/${open.id}/documents/`))
  // The embedded props are the public projection: no application form, no abilities.
  const data = embedded(html) as { page: string; props: { call: Record<string, unknown> & { config: object } } }
  assert.equal(data.page, 'call-detail')
  assert.ok(!('form' in data.props.call.config))
  assert.ok(!('abilities' in data.props.call))
  assert.ok(!html.includes('This one will be dismissed.'))
})

test('the call page speaks the viewer’s language', async () => {
  const fr = text((await anonymous.get('/calls/PAGE-OPEN', { 'accept-language': 'fr-BE,fr;q=0.9' })).body)
  for (const expected of ['Des réseaux d’eau résilients', 'Candidater', 'heure de Bruxelles', 'Montant forfaitaire']) {
    assert.ok(fr.includes(expected), `missing: ${expected}`)
  }
  const nl = text((await anonymous.get('/calls/PAGE-OPEN?lang=nl')).body)
  for (const expected of ['Veerkrachtige waternetten', 'Aanvragen', 'Vast bedrag', 'Wie mag indienen']) {
    assert.ok(nl.includes(expected), `missing: ${expected}`)
  }
})

test('a scheduled call says when it opens and offers no Apply; a draft is a 404 page; codes are case-blind', async () => {
  const soon = await anonymous.get('/calls/PAGE-SOON')
  const body = text(soon.body)
  assert.ok(body.includes('Applications open on 4 May 2026 at 09:00 (Brussels time, UTC+02:00).'), body)
  assert.ok(!soon.body.includes('/app/applications/new'))
  const missing = await anonymous.get(`/calls/${draft.code}`)
  assert.equal(missing.status, 404)
  assert.ok(!missing.body.includes(draft.code))
  assert.equal((await operator.get(`/calls/${draft.code}`)).status, 404)
  const lower = await anonymous.get('/calls/page-open?lang=fr')
  assert.equal(lower.status, 301)
  assert.equal(lower.headers.location, '/calls/PAGE-OPEN?lang=fr')
})

test('the list of calls shows published calls, open first, and filters by phase without JavaScript', async () => {
  const res = await anonymous.get('/calls?lang=en')
  assert.equal(res.status, 200)
  const html = res.body as string
  assert.ok(html.includes('<meta property="og:title" content="SecurIT calls for proposals">'))
  const body = text(html)
  assert.ok(body.indexOf('Resilient water networks') < body.indexOf('PAGE-SOON'), body)
  assert.ok(!body.includes('PAGE-DRAFT'))
  assert.ok(html.includes('href="/calls/PAGE-OPEN"'))
  assert.ok(body.includes('Deadline: 21 April 2026 at 17:00 (Brussels time, UTC+02:00)'), body)
  const onlyOpen = text((await anonymous.get('/calls?phase=open')).body)
  assert.ok(onlyOpen.includes('PAGE-OPEN'))
  assert.ok(!onlyOpen.includes('PAGE-SOON'))
  const drafts = text((await anonymous.get('/calls?phase=draft')).body)
  assert.ok(!drafts.includes('PAGE-DRAFT'))
})
