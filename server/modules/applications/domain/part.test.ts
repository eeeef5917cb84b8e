import assert from 'node:assert/strict'
import { test } from 'node:test'
import { partnerPartPatch } from '../../../../shared/contracts/application-parts.ts'
import { type PartnerPart, partnerPart } from '../../../../shared/contracts/applications.ts'
import { changedPartFields, mergePart } from './part.ts'

const part: PartnerPart = partnerPart.parse({
  contactName: 'Ada',
  contactEmail: 'ada@example.test',
  role: 'Pilot',
  budget: { personnelCents: 100, subcontractingCents: 20, otherCostsCents: 30, requestedCents: 150 },
  smeDeclaration: { category: 'small', confirmed: true },
  declarationOfHonour: { noExclusionSituation: true, signatoryName: 'Ada', signatoryRole: 'CEO' },
  answers: { expertise: 'Thermal', trl: 5 },
})

test('the patch contract fills no defaults: what is not sent stays absent', () => {
  assert.deepEqual(partnerPartPatch.parse({ budget: { requestedCents: 5 } }), { budget: { requestedCents: 5 } })
  assert.deepEqual(partnerPartPatch.parse({}), {})
  assert.deepEqual(Object.keys(partnerPartPatch.shape).sort(), Object.keys(partnerPart.shape).sort())
})

test('mergePart changes only the fields sent, nested fields and answers one by one', () => {
  const next = mergePart(part, partnerPartPatch.parse({ budget: { requestedCents: 90 }, answers: { trl: null } }))
  assert.deepEqual(next, {
    ...part,
    budget: { ...part.budget, requestedCents: 90 },
    answers: { expertise: 'Thermal', trl: null },
  })
  assert.deepEqual(changedPartFields(part, next), ['budget', 'answers'])
  const declared = mergePart(next, partnerPartPatch.parse({ declarationOfHonour: { noDoubleFunding: true } }))
  assert.equal(declared.budget.requestedCents, 90)
  assert.deepEqual(declared.declarationOfHonour, { ...part.declarationOfHonour, noDoubleFunding: true })
  assert.deepEqual(changedPartFields(next, declared), ['declarationOfHonour'])
  assert.deepEqual(mergePart(part, {}), part)
})
