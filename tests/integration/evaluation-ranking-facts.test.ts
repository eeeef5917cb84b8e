/**
 * Ranking facts: the call's submitted, admissible applications as their submitted revision holds them
 * (consortium, SME status at submission, requested support, challenge and domain).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { applicationFacts } from '../../server/modules/evaluation/ranking/queries/facts.ts'
import { FixedClock } from '../../server/platform/clock.ts'
import { evaluationFixture } from '../factories/evaluation.ts'
import { resubmit } from '../factories/screening.ts'
import { createTestApp } from '../support/app.ts'

const t = await createTestApp({ clock: new FixedClock('2026-03-20T10:00:00Z') })
const f = await evaluationFixture(t, { applications: 3, experts: 0, challengeCodes: ['D1-C1', 'D2-C1'] })

test('facts read the submitted revision; inadmissible applications are left out', async () => {
  await t.db
    .updateTable('applications')
    .set({ admissibility: 'inadmissible' })
    .where('id', '=', f.applications[2]!.id)
    .execute()
  // A later revision with a different request: the facts follow the submitted revision.
  await resubmit(t.db, f.applications[1]!, new Date('2026-03-14T12:00:00Z'), (part, role) => ({
    ...part,
    budget: { ...part.budget, requestedCents: role === 'lead' ? 1_000_000 : part.budget.requestedCents },
  }))
  const facts = await applicationFacts(t.db, f.call.id)
  assert.deepEqual(
    facts.map((x) => x.applicationId),
    [f.applications[0]!.id, f.applications[1]!.id],
  )
  const [a, b] = facts as [(typeof facts)[0], (typeof facts)[0]]
  assert.equal(a.reference, f.applications[0]!.reference)
  assert.equal(a.acronym, 'PRJ1')
  assert.equal(a.challengeCode, 'D1-C1')
  assert.equal(a.domainCode, 'D1')
  assert.equal(a.revision, 1)
  assert.equal(a.submittedAt, '2026-03-13T16:00:00.000Z')
  assert.equal(a.requestedCents, 7_000_000)
  assert.equal(a.smeCount, 2)
  assert.deepEqual(a.countries, ['BE', 'NL'])
  assert.deepEqual(
    a.members.map((m) => [m.country, m.sme, m.requestedCents]),
    [
      ['BE', true, 4_000_000],
      ['NL', true, 3_000_000],
    ],
  )
  assert.equal(a.leadOrganisationId, f.orgs[0]!.id)
  assert.equal(b.challengeCode, 'D2-C1')
  assert.equal(b.domainCode, 'D2')
  assert.equal(b.revision, 2)
  assert.equal(b.submittedAt, '2026-03-14T12:00:00.000Z')
  assert.equal(b.requestedCents, 4_000_000)
  assert.deepEqual(b.countries, ['DE', 'FR'])
})
