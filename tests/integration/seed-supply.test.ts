import assert from 'node:assert/strict'
import { test } from 'node:test'
import { evaluate, questionnaireFor } from '../../server/modules/solutions/index.ts'
import { seedId } from '../../server/seed/ids.ts'
import { DEMO_PASSWORD, seedDemoAccounts } from '../../server/seed/index.ts'
import { seedSupply } from '../../server/seed/supply.ts'
import { SUPPLY_DEMO_NOTE } from '../../server/seed/supply-data/index.ts'
import type { SolutionType, TrlAnswerInput } from '../../shared/contracts/trl.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp()

async function count(table: 'organisations' | 'solutions' | 'trl_assessments' | 'trl_reviews' | 'solution_revisions') {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

test('the demo supply side: 40+ organisations in 12+ countries, 60+ solutions with completed TRL assessments', async () => {
  await seedDemoAccounts(t.db, t.programmeId)
  const before = {
    organisations: await count('organisations'),
    solutions: await count('solutions'),
    assessments: await count('trl_assessments'),
    reviews: await count('trl_reviews'),
    revisions: await count('solution_revisions'),
  }
  // Seeding again changes nothing.
  await seedSupply(t.db, t.programmeId)
  assert.deepEqual(
    {
      organisations: await count('organisations'),
      solutions: await count('solutions'),
      assessments: await count('trl_assessments'),
      reviews: await count('trl_reviews'),
      revisions: await count('solution_revisions'),
    },
    before,
  )

  const orgs = await t.db
    .selectFrom('organisations')
    .select(['id', 'country', 'type', 'visibility', 'sme_status', 'sme_explanation', 'description'])
    .where('description', 'like', `%${SUPPLY_DEMO_NOTE}%`)
    .execute()
  assert.ok(orgs.length >= 40, `${orgs.length} demo organisations`)
  assert.ok(new Set(orgs.map((o) => o.country)).size >= 12, 'in at least 12 countries')
  assert.ok(orgs.filter((o) => o.type === 'sme').length > orgs.length / 2, 'mostly SMEs')
  assert.ok(orgs.some((o) => o.type === 'integrator') && orgs.some((o) => o.type === 'public_authority'))
  assert.ok(orgs.filter((o) => o.visibility === 'anonymous').length >= 3, 'a few anonymous profiles')
  assert.ok(orgs.some((o) => o.visibility === 'members'))
  const statuses = new Set(orgs.map((o) => o.sme_status))
  for (const s of ['micro', 'small', 'medium', 'not_sme']) assert.ok(statuses.has(s), `an SME status ${s}`)
  assert.ok(
    orgs.filter((o) => o.sme_status).every((o) => o.sme_explanation !== null),
    'statuses are explained',
  )
  const relations = await t.db.selectFrom('organisation_relations').select(['relation']).execute()
  assert.ok(relations.some((r) => r.relation === 'partner') && relations.some((r) => r.relation === 'linked'))

  const solutions = await t.db
    .selectFrom('solutions')
    .select([
      'id',
      'organisation_id',
      'type',
      'language',
      'assessed_trl',
      'status',
      'visibility',
      'search_vector',
      'demo',
    ])
    .where('demo', '=', true)
    .execute()
  assert.ok(solutions.length >= 60, `${solutions.length} demo solutions`)
  const languages = new Set(solutions.map((s) => s.language))
  for (const l of ['en', 'fr', 'nl', 'de', 'es', 'it']) assert.ok(languages.has(l), `a solution in ${l}`)
  assert.ok(solutions.filter((s) => s.language === 'en').length > solutions.length / 2, 'mostly English')
  assert.equal(new Set(solutions.map((s) => s.type)).size, 5, 'every type')
  assert.ok(solutions.every((s) => s.search_vector !== null))
  assert.ok(solutions.some((s) => s.visibility === 'anonymous'))
  const levels = solutions.map((s) => s.assessed_trl ?? 0)
  const inWindow = levels.filter((l) => l >= 5 && l <= 8).length
  assert.ok(inWindow >= solutions.length * 0.7, 'mostly TRL 5–8')
  assert.ok(levels.some((l) => l < 5) && levels.some((l) => l > 8), 'a few outside the window')
  // The demo SME account owns a couple.
  assert.ok(solutions.filter((s) => s.organisation_id === seedId('organisation:demo-sme')).length >= 2)

  // Every solution has tags, a domain, a revision and one completed assessment whose evidence is complete
  // and whose result, recomputed from its answers, is the stored one.
  const ids = solutions.map((s) => s.id)
  const [tags, domains, revisions, assessments] = await Promise.all([
    t.db.selectFrom('solution_tags').select('solution_id').where('solution_id', 'in', ids).execute(),
    t.db.selectFrom('solution_domains').select('solution_id').where('solution_id', 'in', ids).execute(),
    t.db.selectFrom('solution_revisions').select('solution_id').where('solution_id', 'in', ids).execute(),
    t.db.selectFrom('trl_assessments').selectAll().where('solution_id', 'in', ids).execute(),
  ])
  for (const s of solutions) {
    assert.ok(
      tags.some((x) => x.solution_id === s.id),
      'tagged',
    )
    assert.ok(
      domains.some((x) => x.solution_id === s.id),
      'in a domain',
    )
    assert.ok(
      revisions.some((x) => x.solution_id === s.id),
      'revision 1',
    )
    const mine = assessments.filter((a) => a.solution_id === s.id)
    assert.equal(mine.length, 1)
    const a = mine[0]!
    assert.equal(a.status, 'completed')
    assert.ok(a.confidence! >= 1 && a.confidence! <= 5)
    const e = evaluate(questionnaireFor(s.type as SolutionType), a.answers as TrlAnswerInput[])
    assert.equal(e.resultLevel, a.result_level)
    assert.equal(e.finished, true)
    assert.deepEqual(e.missingEvidence, [])
    assert.ok((a.answers as TrlAnswerInput[]).filter((x) => x.met).every((x) => x.evidenceUrl.startsWith('https://')))
  }
  const challenges = await t.db.selectFrom('solution_challenges').select('solution_id').execute()
  assert.ok(new Set(challenges.map((c) => c.solution_id)).size >= 55, 'nearly all address a challenge')
  assert.ok(before.reviews >= 3, 'a few reviewed by staff and experts')
})

test('the demo SME sees its solutions; anonymous demo profiles stay anonymous through the API', async () => {
  const sme = t.client()
  await sme.signIn('sme@securit.demo', DEMO_PASSWORD)
  const list = await sme.get(`/api/v1/organisations/${seedId('organisation:demo-sme')}/solutions`)
  assert.equal(list.status, 200)
  assert.ok(list.body.total >= 2)
  assert.ok(list.body.items.every((s: { owner: { name: string } }) => s.owner.name === 'Baltic Sentinel UAB'))
  const one = await sme.get(`/api/v1/solutions/${list.body.items[0].id}`)
  assert.equal(one.body.trl.selfAssessed.level, one.body.assessedTrl)

  const anonymousOrgs = await t.db
    .selectFrom('organisations')
    .select(['id', 'legal_name'])
    .where('visibility', '=', 'anonymous')
    .execute()
  const hidden = await t.db
    .selectFrom('solutions')
    .select('id')
    .where(
      'organisation_id',
      'in',
      anonymousOrgs.map((o) => o.id),
    )
    .execute()
  assert.ok(hidden.length >= 3)
  const visitor = t.client()
  for (const h of hidden) {
    const res = await visitor.get(`/api/v1/solutions/${h.id}`)
    assert.equal(res.status, 200)
    assert.equal(res.body.owner.disclosed, false)
    for (const o of anonymousOrgs) assert.ok(!JSON.stringify(res.body).includes(o.legal_name))
  }
})
