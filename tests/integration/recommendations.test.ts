/**
 * Recommendations through the API: relevance on seeded data, explanations, anonymity, freshness after
 * a profile edit, who may ask for what, and complementarity facts for an application's consortium.
 */
import assert from 'node:assert/strict'
import { describe as group, it } from 'node:test'
import { FixedClock } from '../../server/platform/clock.ts'
import { applicationsCallConfig, createOpenCall, type Json } from '../factories/applications.ts'
import { catalogueSolution } from '../factories/catalogue.ts'
import { createTeam, signedIn } from '../factories/organisations.ts'
import { describe, insertChallenge } from '../factories/recommendations.ts'
import { createUser } from '../factories/users.ts'
import { createTestApp } from '../support/app.ts'

const NOW = new Date('2026-11-01T09:00:00Z')
const t = await createTestApp({ clock: new FixedClock(NOW) })
const db = t.db

const tagRows = await db
  .selectFrom('taxonomy_terms')
  .select(['id', 'name'])
  .orderBy('taxonomy_id')
  .orderBy('position')
  .limit(3)
  .execute()
const [crowdTag, waterTag] = tagRows.map((r) => r.id) as [string, string]

const thermal = await createTeam(db, t.programmeId, { legalName: 'Thermal Vision BV', country: 'NL' })
const stealth = await createTeam(db, t.programmeId, { legalName: 'Stealth Optics GmbH', country: 'DE' })
const water = await createTeam(db, t.programmeId, { legalName: 'Water Guard SA', country: 'FR' })
const city = await createTeam(db, t.programmeId, {
  legalName: 'City of Ghent',
  country: 'BE',
  type: 'public_authority',
})
const other = await createTeam(db, t.programmeId, { legalName: 'Other Company Ltd', country: 'IE' })
await db
  .updateTable('organisations')
  .set({ visibility: 'anonymous', sme_status: 'small' })
  .where('id', '=', stealth.org.id)
  .execute()
await db
  .updateTable('organisations')
  .set({ sme_status: 'small' })
  .where('id', 'in', [thermal.org.id, water.org.id])
  .execute()
await db.updateTable('organisations').set({ sme_status: 'not_sme' }).where('id', '=', city.org.id).execute()
await describe(db, thermal.org.id, 'Thermal cameras and infrared imaging for crowd monitoring at railway stations.', [
  crowdTag,
])
await describe(
  db,
  stealth.org.id,
  'Stealth Optics builds hyperspectral imaging to detect explosives and thermal anomalies in crowds.',
)
await describe(db, water.org.id, 'Cyber security of water treatment plants: SCADA intrusion detection.', [waterTag])
await describe(
  db,
  city.org.id,
  'A city that runs crowd safety at large events, stations and squares, with a living lab.',
)
await describe(db, other.org.id, 'Accounting software for small businesses.')

const crowdHeat = await catalogueSolution(db, {
  organisationId: thermal.org.id,
  name: 'CrowdHeat',
  pitch: 'Thermal crowd density cameras for stations',
  description: 'Infrared cameras estimate crowd density on platforms and raise alerts before overcrowding.',
  trl: 6,
  tags: [crowdTag],
})
const hyperScan = await catalogueSolution(db, {
  organisationId: stealth.org.id,
  name: 'HyperScan',
  pitch: 'Hyperspectral explosive detection at checkpoints',
  description:
    'Detects explosive traces on people in crowds at station checkpoints with thermal and hyperspectral imaging.',
  visibility: 'anonymous',
  trl: 7,
})
await catalogueSolution(db, {
  organisationId: water.org.id,
  name: 'AquaShield',
  pitch: 'SCADA intrusion detection for water utilities',
  description: 'Monitors industrial control networks of water treatment plants for intrusions.',
  trl: 5,
  tags: [waterTag],
})
await catalogueSolution(db, {
  organisationId: thermal.org.id,
  name: 'Unfinished thermal crowd idea',
  description: 'Thermal crowd cameras, a draft.',
  status: 'draft',
})

const crowdChallenge = await insertChallenge(db, t.programmeId, {
  title: 'Crowd monitoring at railway stations',
  summary: 'Detect dangerous crowd density on platforms with thermal cameras.',
  problem: 'Station operators need early alerts when platforms become overcrowded, and screening for explosives.',
  tags: [crowdTag],
  trl: [5, 7],
})
const draftChallenge = await insertChallenge(db, t.programmeId, {
  title: 'A draft challenge',
  summary: 'Not published yet',
  problem: 'Thermal crowd',
  status: 'draft',
})
const call = await createOpenCall(db, t.programmeId, {
  closesAt: new Date(NOW.getTime() + 30 * 86_400_000),
  challengeIds: [crowdChallenge.id],
  config: applicationsCallConfig({
    consortium: {
      minOrganisations: 2,
      maxOrganisations: 5,
      minSmes: 2,
      minCountries: 3,
      eligibleCountries: [],
      endUserRequired: true,
      excludePartnerLinked: true,
      oneApplicationPerOrganisation: true,
    },
  }),
})

const thermalOwner = await signedIn(t, thermal.owner)
const waterOwner = await signedIn(t, water.owner)
const otherMember = await signedIn(t, other.member)
const staff = await signedIn(t, await createUser(db, t.programmeId, { programmeRole: 'cluster_staff', cluster: 'hsd' }))
const bare = await signedIn(t, await createUser(db, t.programmeId))
const anonymous = t.client()

const forChallenge = (id: string, target: string) =>
  `/api/v1/matchmaking/challenges/${id}/recommendations?target=${target}`

group('recommendations for a challenge', () => {
  it('ranks the fitting solution first and explains it with shared words, tags and TRL fit', async () => {
    const res = await otherMember.get(forChallenge(crowdChallenge.id, 'solutions'))
    assert.equal(res.status, 200, JSON.stringify(res.body))
    const items = res.body.items as Json[]
    assert.equal(items[0].title, 'CrowdHeat')
    assert.ok(items[0].score > 0)
    const e = items[0].explanation
    const shared = (e.words as Json[]).map((w) => w.itemWord.toLowerCase())
    for (const w of ['crowd', 'density', 'cameras']) assert.ok(shared.includes(w), JSON.stringify(e.words))
    assert.deepEqual(
      e.sharedTags.map((x: Json) => x.id),
      [crowdTag],
    )
    assert.ok(e.sharedTags[0].name.length > 0)
    assert.deepEqual(e.facts, [{ code: 'trl_fits', params: { trl: 6, min: 5, max: 7 } }])
    assert.ok(!items.some((i: Json) => i.title === 'Unfinished thermal crowd idea'), 'a draft is never recommended')
    const water = items.findIndex((i: Json) => i.title === 'AquaShield')
    assert.ok(water === -1 || water > 0)
  })

  it('ranks organisations whose profiles fit, with their explanation', async () => {
    const res = await otherMember.get(forChallenge(crowdChallenge.id, 'organisations'))
    assert.equal(res.status, 200)
    const items = res.body.items as Json[]
    const names = items.map((i) => i.title)
    assert.equal(names[0], 'Thermal Vision BV')
    assert.ok(
      names.indexOf('Thermal Vision BV') < Math.max(names.indexOf('Water Guard SA'), 0) ||
        !names.includes('Water Guard SA'),
    )
    assert.ok(items[0].explanation.words.length > 0)
    assert.equal(items[0].organisation.country, 'NL')
  })

  it('recommends anonymous profiles and solutions without identity, except to brokers', async () => {
    const check = async (as: typeof otherMember, named: boolean) => {
      const sol = await as.get(forChallenge(crowdChallenge.id, 'solutions'))
      const org = await as.get(forChallenge(crowdChallenge.id, 'organisations'))
      const scan = (sol.body.items as Json[]).find((i) => i.title === 'HyperScan')
      assert.ok(scan, 'the anonymous solution is recommended')
      const hidden = (org.body.items as Json[]).find((i) => i.organisation.country === 'DE')
      assert.ok(hidden, 'the anonymous organisation is recommended')
      const text = JSON.stringify([sol.body, org.body])
      if (named) {
        assert.equal(scan.organisation.name, 'Stealth Optics GmbH')
        assert.equal(hidden.title, 'Stealth Optics GmbH')
      } else {
        assert.equal(scan.organisation.id, null)
        assert.equal(scan.organisation.name, null)
        assert.equal(scan.organisation.publicRef, null)
        assert.equal(hidden.id, null)
        assert.equal(hidden.title, null)
        assert.equal(hidden.organisation.anonymous, true)
        for (const trace of ['Stealth', stealth.org.id]) assert.ok(!text.includes(trace), `${trace} leaks`)
      }
    }
    await check(otherMember, false)
    await check(waterOwner, false)
    await check(staff, true)
  })

  it('shows a profile edit in the very next recommendation', async () => {
    const before = await otherMember.get(forChallenge(crowdChallenge.id, 'organisations'))
    const rank = (body: Json) => (body.items as Json[]).findIndex((i) => i.title === 'Water Guard SA')
    const was = rank(before.body)
    const edit = await waterOwner.patch(`/api/v1/organisations/${water.org.id}`, {
      description: 'Thermal cameras for crowd monitoring on railway station platforms, overcrowding alerts.',
    })
    assert.equal(edit.status, 200, JSON.stringify(edit.body))
    const after = await otherMember.get(forChallenge(crowdChallenge.id, 'organisations'))
    const now = rank(after.body)
    assert.ok(now >= 0 && (was === -1 || now < was), `rank ${was} → ${now}`)
    const item = (after.body.items as Json[])[now]
    assert.ok(item.explanation.words.some((w: Json) => w.itemWord.toLowerCase() === 'overcrowding'))
  })

  it('answers only those who see the challenge', async () => {
    assert.equal((await anonymous.get(forChallenge(crowdChallenge.id, 'solutions'))).status, 401)
    assert.equal((await bare.get(forChallenge(crowdChallenge.id, 'solutions'))).status, 404)
    assert.equal((await otherMember.get(forChallenge(draftChallenge.id, 'solutions'))).status, 404)
    assert.equal((await staff.get(forChallenge(draftChallenge.id, 'solutions'))).status, 200)
    assert.equal((await otherMember.get(forChallenge(crowdChallenge.id, 'calls'))).status, 400)
  })
})

group('recommendations for a solution or an organisation', () => {
  const forSolution = (target: string) =>
    `/api/v1/matchmaking/solutions/${crowdHeat.id}/recommendations?target=${target}`

  it('ranks challenges and open calls for the owner, with TRL fit and the deadline', async () => {
    const challenges = await thermalOwner.get(forSolution('challenges'))
    assert.equal(challenges.status, 200, JSON.stringify(challenges.body))
    assert.equal(challenges.body.items[0].id, crowdChallenge.id)
    assert.ok(!(challenges.body.items as Json[]).some((i) => i.id === draftChallenge.id))
    assert.deepEqual(challenges.body.items[0].explanation.facts, [
      { code: 'trl_fits', params: { trl: 6, min: 5, max: 7 } },
    ])
    const calls = await thermalOwner.get(forSolution('calls'))
    assert.equal(calls.status, 200)
    const item = (calls.body.items as Json[]).find((i) => i.id === call.id)
    assert.ok(item, 'the open call linked to the challenge is recommended')
    assert.ok(item.explanation.facts.some((f: Json) => f.code === 'call_closes'))
    assert.ok(item.explanation.facts.some((f: Json) => f.code === 'trl_fits' || f.code === 'trl_outside'))
    const org = await thermalOwner.get(
      `/api/v1/matchmaking/organisations/${thermal.org.id}/recommendations?target=challenges`,
    )
    assert.equal(org.status, 200)
    assert.equal(org.body.items[0].id, crowdChallenge.id)
  })

  it('refuses others: 403 when they see the object, 404 when they do not', async () => {
    assert.equal((await otherMember.get(forSolution('challenges'))).status, 403)
    assert.equal((await staff.get(forSolution('challenges'))).status, 200)
    const hidden = `/api/v1/matchmaking/solutions/${hyperScan.id}/recommendations?target=calls`
    assert.equal((await otherMember.get(hidden)).status, 403)
    const unknown = '/api/v1/matchmaking/solutions/00000000-0000-4000-8000-000000000000/recommendations?target=calls'
    assert.equal((await otherMember.get(unknown)).status, 404)
    const org = `/api/v1/matchmaking/organisations/${water.org.id}/recommendations?target=calls`
    assert.equal((await otherMember.get(org)).status, 403)
    assert.equal((await waterOwner.get(org)).status, 200)
  })
})

group('partner suggestions for an application', () => {
  it('suggests complementary partners with country, end-user, SME and expertise facts; lead only', async () => {
    const started = await thermalOwner.post('/api/v1/applications', {
      callId: call.id,
      challengeId: crowdChallenge.id,
      organisationId: thermal.org.id,
      acronym: 'CROWDSAFE',
      title: 'Crowd safety at stations with thermal cameras and explosive screening',
    })
    assert.equal(started.status, 201, JSON.stringify(started.body))
    const url = `/api/v1/matchmaking/applications/${started.body.id}/partner-suggestions`
    const res = await thermalOwner.get(url)
    assert.equal(res.status, 200, JSON.stringify(res.body))
    assert.deepEqual(res.body.needs.countries, { have: 1, need: 3 })
    assert.deepEqual(res.body.needs.smes, { have: 1, need: 2 })
    assert.equal(res.body.needs.endUser, true)
    assert.ok(res.body.needs.coveredWords > 0, 'the lead’s own expertise is left out of the query')
    const items = res.body.items as Json[]
    assert.ok(!items.some((i) => i.id === thermal.org.id), 'the lead is not suggested to itself')
    const ghent = items.find((i) => i.title === 'City of Ghent')
    assert.ok(ghent, JSON.stringify(items.map((i) => i.title)))
    const codes = (i: Json) => (i.explanation.facts as Json[]).map((f) => f.code)
    assert.ok(codes(ghent).includes('adds_end_user'))
    assert.ok(codes(ghent).includes('adds_country'))
    assert.ok(!codes(ghent).includes('adds_sme'), 'a public authority is no SME')
    const stealthItem = items.find((i) => i.organisation.country === 'DE')
    assert.ok(stealthItem && stealthItem.title === null, 'anonymous partners are suggested without identity')
    assert.ok(codes(stealthItem).includes('adds_sme'))
    assert.ok(items.some((i) => codes(i).includes('expertise_missing')))

    assert.equal((await otherMember.get(url)).status, 404)
    assert.equal((await staff.get(url)).status, 403)
  })
})
