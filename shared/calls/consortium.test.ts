import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CallConfig } from '../contracts/calls.ts'
import { type ConsortiumMemberFacts, checkConsortium, consortiumRules, consortiumRulesPass } from './consortium.ts'
import { defaultCallConfig } from './presets.ts'
import { facts } from './test-helpers.ts'

const config = (change: (c: CallConfig) => void = () => {}): CallConfig => {
  const c = defaultCallConfig()
  change(c)
  return c
}
let n = 0
const member = (over: Partial<ConsortiumMemberFacts> & { country?: string; type?: string } = {}) => {
  n++
  const { country, type, ...rest } = over
  return {
    id: `m${n}`,
    lead: false,
    status: 'accepted',
    facts: facts({
      legalName: `Org ${n}`,
      ...(country ? { country: country as ConsortiumMemberFacts['facts']['country'] } : {}),
      ...(type ? { type } : {}),
    }),
    ...rest,
  } satisfies ConsortiumMemberFacts
}
const byRule = (outcomes: ReturnType<typeof checkConsortium>) =>
  Object.fromEntries(outcomes.map((o) => [o.rule, [o.outcome, o.reason.code]]))

describe('checkConsortium', () => {
  it('judges exactly the consortium rules, in the contract order', () => {
    const out = checkConsortium(config(), [member({ lead: true }), member()])
    assert.deepEqual(
      out.map((o) => o.rule),
      [...consortiumRules],
    )
  })

  it('counts the lead and accepted members only: an invitation turns the size rule green when accepted', () => {
    const c = config((x) => {
      x.consortium.minOrganisations = 2
    })
    const lead = member({ lead: true })
    const invited = member({ status: 'invited' })
    const before = checkConsortium(c, [lead, invited, member({ status: 'declined' })])
    assert.deepEqual(byRule(before).consortium_size, ['fail', 'consortium_too_small'])
    assert.equal(before.find((o) => o.rule === 'consortium_size')?.reason.params.count, 1)
    assert.equal(consortiumRulesPass(before), false)
    const after = checkConsortium(c, [lead, { ...invited, status: 'accepted' }])
    assert.deepEqual(byRule(after).consortium_size, ['pass', 'consortium_size_ok'])
  })

  it('applies the country, SME and end-user rules to the members’ facts', () => {
    const c = config((x) => {
      x.consortium.minOrganisations = 2
      x.consortium.minCountries = 2
      x.consortium.minSmes = 2
      x.consortium.endUserRequired = true
      x.consortium.eligibleCountries = ['BE', 'FR', 'NL']
    })
    const lead = member({ lead: true, country: 'BE' })
    const sameCountryCity = member({ country: 'BE', type: 'public_authority' })
    const failing = byRule(checkConsortium(c, [lead, sameCountryCity]))
    assert.deepEqual(failing.minimum_countries, ['fail', 'countries_too_few'])
    assert.deepEqual(failing.end_user_involved, ['pass', 'end_user_in_consortium'])
    // facts() gives every organisation SME status 'small'
    assert.deepEqual(failing.minimum_smes, ['pass', 'smes_ok'])
    const german = member({ country: 'DE', type: 'sme' })
    const withGerman = byRule(checkConsortium(c, [lead, german]))
    assert.deepEqual(withGerman.eligible_countries, ['fail', 'country_not_eligible'])
    assert.deepEqual(withGerman.end_user_involved, ['fail', 'end_user_missing'])
    const french = member({ country: 'FR', type: 'public_authority' })
    const passing = checkConsortium(c, [lead, french])
    assert.equal(consortiumRulesPass(passing), true, JSON.stringify(passing))
  })

  it('fails the one-application rule for a member already in a live application of the call', () => {
    const c = config((x) => {
      x.consortium.oneApplicationPerOrganisation = true
    })
    const busy = member()
    busy.facts.otherApplications = ['APP-00007']
    const out = checkConsortium(c, [member({ lead: true }), busy])
    const rule = out.find((o) => o.rule === 'one_application_per_organisation')!
    assert.equal(rule.outcome, 'fail')
    assert.equal(rule.reason.params.references, 'APP-00007')
  })
})
