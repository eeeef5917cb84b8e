import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultCallConfig } from '../../../../../shared/calls/presets.ts'
import { snapshotInput } from './snapshot.ts'

const ctx = {
  config: defaultCallConfig(),
  challengeTrl: new Map([['c1', { min: 5, max: 7 }]]),
  challengeIds: ['c1'],
  applicationsByOrganisation: new Map([
    ['org-a', ['APP-1', 'APP-2']],
    ['org-b', ['APP-1']],
  ]),
}
const facts = (organisationId: string, otherApplications: string[] = []) => ({
  organisationId,
  legalName: organisationId,
  country: 'FR',
  type: 'sme',
  smeStatus: 'small',
  linkedToProgrammePartner: false,
  otherApplications,
})

describe('the screening input of a submitted revision', () => {
  it('takes the answers and partners as submitted, each confirmed, with the challenge’s TRL range', () => {
    const input = snapshotInput(
      {
        application: { challengeId: 'c1' },
        answers: { summary: 'Hello' },
        partners: [
          {
            id: 'p1',
            role: 'lead',
            organisationId: 'org-a',
            facts: facts('org-a', ['APP-9']),
            part: {},
            partVersion: 3,
          },
          { id: 'p2', role: 'partner', organisationId: 'org-b', facts: facts('org-b'), part: {}, partVersion: 1 },
        ],
      },
      'APP-1',
      ctx,
    )
    assert.equal(input.challengeId, 'c1')
    assert.deepEqual(input.challengeTrl, { min: 5, max: 7 })
    assert.deepEqual(input.answers, { summary: 'Hello' })
    assert.deepEqual(
      input.partners.map((p) => [p.id, p.role, p.status, p.partVersion, p.confirmedVersion]),
      [
        ['p1', 'lead', 'accepted', 3, 3],
        ['p2', 'partner', 'accepted', 1, 1],
      ],
    )
    // The other submitted applications at the screening replace the list known at submission.
    assert.deepEqual(input.partners[0]!.facts.otherApplications, ['APP-2'])
    assert.deepEqual(input.partners[1]!.facts.otherApplications, [])
    // Missing parts take the contract's defaults.
    assert.equal(input.partners[0]!.part.budget.requestedCents, 0)
  })
  it('screens a partial snapshot rather than failing the whole call', () => {
    const input = snapshotInput({ partners: [{ role: 'lead' }] }, 'APP-3', ctx)
    assert.equal(input.challengeId, null)
    assert.equal(input.challengeTrl, null)
    assert.deepEqual(input.answers, {})
    assert.equal(input.partners[0]!.facts.country, null)
  })
})
