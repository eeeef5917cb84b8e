import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { EligibilityRule } from '../contracts/applications.ts'
import type { CallConfig } from '../contracts/calls.ts'
import { defaultCallConfig } from './presets.ts'
import { consortiumSummary, evaluateRules, fundingRateCap, type RulesInput, trlValue } from './rules.ts'
import { facts, partner, readyInput } from './test-helpers.ts'

const judge = (rule: EligibilityRule, input: RulesInput) => {
  const [e] = evaluateRules(input, [rule])
  return e!
}
const outcome = (rule: EligibilityRule, input: RulesInput) => {
  const { outcome: o } = judge(rule, input)
  return [o.outcome, o.reason.code, o.reason.params]
}
const config = (change: (c: CallConfig) => void): CallConfig => {
  const c = defaultCallConfig()
  change(c)
  return c
}
const lead = (over: Parameters<typeof partner>[0] = {}) => partner({ role: 'lead', ...over })

describe('consortium_size', () => {
  const sized = (n: number) => readyInput({ partners: [lead(), ...Array.from({ length: n - 1 }, () => partner())] })
  it('passes from the minimum to the maximum organisations', () => {
    assert.deepEqual(outcome('consortium_size', sized(2)), ['pass', 'consortium_size_ok', { count: 2, min: 2, max: 4 }])
    assert.deepEqual(outcome('consortium_size', sized(4))[0], 'pass')
  })
  it('fails one under the minimum and one over the maximum', () => {
    assert.deepEqual(outcome('consortium_size', sized(1)), ['fail', 'consortium_too_small', { count: 1, min: 2 }])
    assert.deepEqual(outcome('consortium_size', sized(5)), ['fail', 'consortium_too_large', { count: 5, max: 4 }])
  })
  it('counts only the lead and accepted partners', () => {
    const input = readyInput({
      partners: [
        lead(),
        partner({ status: 'invited' }),
        partner({ status: 'declined' }),
        partner({ status: 'removed' }),
      ],
    })
    assert.deepEqual(outcome('consortium_size', input)[1], 'consortium_too_small')
  })
  it('has no upper bound when the call sets none', () => {
    const input = { ...sized(9), config: config((c) => (c.consortium.maxOrganisations = null)) }
    assert.deepEqual(outcome('consortium_size', input), ['pass', 'consortium_size_ok', { count: 9, min: 2, max: 9 }])
  })
})

describe('minimum_smes', () => {
  it('counts SMEs from the profile, the declaration only when the profile says nothing', () => {
    const input = readyInput({
      partners: [
        lead({ facts: facts({ smeStatus: null }) }), // declared small: counts
        partner({ facts: facts({ smeStatus: 'not_sme', type: 'large_company' }) }), // declared small but is not
      ],
    })
    assert.deepEqual(outcome('minimum_smes', input), ['fail', 'smes_too_few', { count: 1, min: 2 }])
    const e = judge('minimum_smes', input)
    assert.deepEqual(
      e.issues.map((i) => [i.code, i.severity, i.rule]),
      [['smes_too_few', 'error', 'minimum_smes']],
    )
  })
  it('passes at the minimum, with a warning for each declaration that differs from the profile', () => {
    assert.deepEqual(outcome('minimum_smes', readyInput()), ['pass', 'smes_ok', { count: 2, min: 2 }])
    const p = partner({ facts: facts({ smeStatus: 'medium', legalName: 'Mid' }) }) // declared small
    const e = judge('minimum_smes', readyInput({ partners: [lead(), p] }))
    assert.deepEqual(
      [e.outcome.outcome, e.outcome.reason.code, e.outcome.reason.params],
      ['warning', 'sme_declaration_differs', { name: 'Mid', declared: 'small', computed: 'medium', count: 1 }],
    )
    assert.deepEqual(
      e.issues.map((i) => [i.severity, i.partnerId]),
      [['warning', p.id]],
    )
  })
})

describe('minimum_countries', () => {
  const input = (countries: ('BE' | 'FR' | 'NL')[], min: number) =>
    readyInput(
      {
        partners: countries.map((country, i) =>
          partner({ role: i === 0 ? 'lead' : 'partner', facts: facts({ country }) }),
        ),
      },
      config((c) => (c.consortium.minCountries = min)),
    )
  it('passes with as many distinct countries as required and fails with one fewer', () => {
    assert.deepEqual(outcome('minimum_countries', input(['BE', 'FR'], 2)), [
      'pass',
      'countries_ok',
      { count: 2, min: 2 },
    ])
    assert.deepEqual(outcome('minimum_countries', input(['BE', 'BE', 'FR'], 3)), [
      'fail',
      'countries_too_few',
      { count: 2, min: 3 },
    ])
  })
})

describe('eligible_countries', () => {
  it('fails for a member outside the list, or of unknown country; names all of them', () => {
    const input = readyInput({
      partners: [
        lead({ facts: facts({ country: 'BE', legalName: 'A' }) }),
        partner({ facts: facts({ country: 'US', legalName: 'B' }) }),
        partner({ facts: facts({ country: 'CN', legalName: 'C' }) }),
        partner({ facts: facts({ country: null, legalName: 'D' }) }),
      ],
    })
    const e = judge('eligible_countries', input)
    assert.deepEqual(
      [e.outcome.outcome, e.outcome.reason.code, e.outcome.reason.params],
      ['fail', 'country_not_eligible', { name: 'B, C', country: 'US, CN', count: 2 }],
    )
    assert.deepEqual(
      e.issues.map((i) => [i.code, i.params]),
      [
        ['country_not_eligible', { name: 'B', country: 'US' }],
        ['country_not_eligible', { name: 'C', country: 'CN' }],
        ['country_unknown', { name: 'D' }],
      ],
    )
  })
  it('passes associated countries (GB, XK, CH) in the default list, and anything when the list is empty', () => {
    const input = readyInput({
      partners: [
        lead({ facts: facts({ country: 'GB' }) }),
        partner({ facts: facts({ country: 'XK' }) }),
        partner({ facts: facts({ country: 'CH' }) }),
      ],
    })
    assert.deepEqual(outcome('eligible_countries', input), ['pass', 'countries_eligible', { count: 3 }])
    const open = { ...input, config: config((c) => (c.consortium.eligibleCountries = [])) }
    open.partners = [lead({ facts: facts({ country: 'US' }) })]
    assert.deepEqual(outcome('eligible_countries', open), ['pass', 'any_country_eligible', {}])
  })
})

describe('end_user_involved', () => {
  const required = config((c) => (c.consortium.endUserRequired = true))
  it('passes when not required', () => {
    assert.deepEqual(outcome('end_user_involved', readyInput()), ['pass', 'end_user_not_required', {}])
  })
  it('needs a public authority, infrastructure operator or integrator among the counted members', () => {
    assert.deepEqual(outcome('end_user_involved', readyInput({}, required)), ['fail', 'end_user_missing', {}])
    for (const type of ['public_authority', 'infrastructure_operator', 'integrator']) {
      const input = readyInput({ partners: [lead(), partner({ facts: facts({ type, legalName: 'City' }) })] }, required)
      assert.deepEqual(outcome('end_user_involved', input), ['pass', 'end_user_in_consortium', { name: 'City' }])
    }
    const invited = readyInput(
      { partners: [lead(), partner({ status: 'invited', facts: facts({ type: 'public_authority' }) })] },
      required,
    )
    assert.equal(outcome('end_user_involved', invited)[1], 'end_user_missing')
  })
})

describe('not_linked_to_programme_partners', () => {
  it('fails for a member linked to a programme partner, unless the call allows it', () => {
    const input = readyInput({
      partners: [lead(), partner({ facts: facts({ linkedToProgrammePartner: true, legalName: 'L' }) })],
    })
    assert.deepEqual(outcome('not_linked_to_programme_partners', input), [
      'fail',
      'linked_to_programme_partner',
      { name: 'L', count: 1 },
    ])
    assert.deepEqual(outcome('not_linked_to_programme_partners', readyInput()), [
      'pass',
      'no_programme_partner_links',
      {},
    ])
    const allowed = { ...input, config: config((c) => (c.consortium.excludePartnerLinked = false)) }
    assert.deepEqual(outcome('not_linked_to_programme_partners', allowed), ['pass', 'partner_links_allowed', {}])
  })
})

describe('one_application_per_organisation', () => {
  it('fails for a member already in another application, unless the call allows it', () => {
    const input = readyInput({
      partners: [lead({ facts: facts({ otherApplications: ['OC2-007', 'OC2-010'], legalName: 'A' }) }), partner()],
    })
    assert.deepEqual(outcome('one_application_per_organisation', input), [
      'fail',
      'organisation_in_other_application',
      { name: 'A', references: 'OC2-007, OC2-010', count: 1 },
    ])
    assert.equal(outcome('one_application_per_organisation', readyInput())[1], 'single_application_per_organisation')
    const allowed = { ...input, config: config((c) => (c.consortium.oneApplicationPerOrganisation = false)) }
    assert.equal(outcome('one_application_per_organisation', allowed)[1], 'multiple_applications_allowed')
  })
})

describe('budget_per_project', () => {
  const requesting = (...cents: number[]) =>
    readyInput({ partners: cents.map((c, i) => partner({ role: i === 0 ? 'lead' : 'partner', requestedCents: c })) })
  it('passes at exactly the project maximum and fails one cent over', () => {
    assert.deepEqual(outcome('budget_per_project', requesting(5_000_000, 5_000_000)), [
      'pass',
      'project_budget_ok',
      { requestedCents: 10_000_000, maxCents: 10_000_000 },
    ])
    const e = judge('budget_per_project', requesting(5_000_000, 5_000_001))
    assert.deepEqual(e.outcome.reason, {
      code: 'project_budget_exceeded',
      params: { requestedCents: 10_000_001, maxCents: 10_000_000 },
    })
    assert.deepEqual([e.issues[0]?.sectionId, e.issues[0]?.questionId], ['budget', 'budget'])
  })
  it('ignores partners that have not accepted', () => {
    const input = requesting(5_000_000, 5_000_000)
    input.partners = [...input.partners, partner({ status: 'invited', requestedCents: 6_000_000 })]
    assert.equal(outcome('budget_per_project', input)[0], 'pass')
  })
})

describe('budget_per_third_party', () => {
  it('passes at exactly EUR 60,000 and fails one cent over, per partner', () => {
    const at = readyInput({ partners: [lead({ requestedCents: 6_000_000 }), partner({ requestedCents: 1 })] })
    assert.deepEqual(outcome('budget_per_third_party', at), ['pass', 'third_party_budget_ok', { maxCents: 6_000_000 }])
    const over = readyInput({
      partners: [lead({ requestedCents: 6_000_001, facts: facts({ legalName: 'Big' }) }), partner()],
    })
    assert.deepEqual(outcome('budget_per_third_party', over), [
      'fail',
      'third_party_budget_exceeded',
      { name: 'Big', requestedCents: 6_000_001, maxCents: 6_000_000, count: 1 },
    ])
  })
  it('caps the request at the funding rate of the eligible costs', () => {
    const rated = config((c) => {
      c.budget.fundingModel = 'funding_rate'
      c.budget.fundingRatePercent = 70
    })
    const withCosts = (requestedCents: number) => {
      const p = partner({ requestedCents, facts: facts({ legalName: 'R' }) })
      p.part.budget = {
        personnelCents: 3_000_000,
        subcontractingCents: 500_000,
        otherCostsCents: 1_500_001,
        requestedCents,
      }
      return readyInput({ partners: [lead({ requestedCents: 0 }), p] }, rated)
    }
    assert.equal(fundingRateCap(5_000_001, 70), 3_500_000)
    assert.equal(outcome('budget_per_third_party', withCosts(3_500_000))[0], 'pass')
    assert.deepEqual(outcome('budget_per_third_party', withCosts(3_500_001)), [
      'fail',
      'funding_rate_exceeded',
      { name: 'R', requestedCents: 3_500_001, maxCents: 3_500_000, costsCents: 5_000_001, ratePercent: 70, count: 1 },
    ])
    assert.equal(fundingRateCap(100, 33.3), 33)
    assert.equal(fundingRateCap(1000, 100), 1000)
  })
  it('does not apply a rate to a lump-sum call', () => {
    const p = partner({ requestedCents: 5_000_000 })
    p.part.budget = { personnelCents: 0, subcontractingCents: 0, otherCostsCents: 0, requestedCents: 5_000_000 }
    assert.equal(outcome('budget_per_third_party', readyInput({ partners: [lead(), p] }))[0], 'pass')
  })
})

describe('trl_window', () => {
  const trl = (start: unknown, end: unknown, challengeTrl: RulesInput['challengeTrl'] = null) => {
    const input = readyInput({ challengeTrl })
    input.answers = { ...input.answers, trl_start: start as number, trl_end: end as number }
    return outcome('trl_window', input)
  }
  it('passes at both ends of the call window (5–8)', () => {
    assert.deepEqual(trl(5, 8), ['pass', 'trl_ok', { start: 5, end: 8, min: 5, max: 8 }])
  })
  it('fails one level outside the window at either end', () => {
    assert.deepEqual(trl(4, 8), ['fail', 'trl_start_out_of_window', { trl: 4, min: 5, max: 8 }])
    assert.deepEqual(trl(5, 9), ['fail', 'trl_end_out_of_window', { trl: 9, min: 5, max: 8 }])
  })
  it('fails when the end is below the start or a level is missing', () => {
    assert.deepEqual(trl(7, 6), ['fail', 'trl_end_before_start', { start: 7, end: 6 }])
    assert.deepEqual(trl(null, 6), ['fail', 'trl_missing', { which: 'start' }])
  })
  it('warns when the levels leave the challenge’s range, and reads choice ids', () => {
    assert.deepEqual(trl(5, 8, { min: 6, max: null }), [
      'warning',
      'trl_outside_challenge',
      { start: 5, end: 8, min: 6, max: 9 },
    ])
    assert.deepEqual(trl(6, 8, { min: 6, max: 8 })[0], 'pass')
    assert.deepEqual(trl('trl_6', '7', null)[0], 'pass')
    assert.equal(trlValue('level 10'), null)
  })
  it('passes when the form does not ask for a TRL', () => {
    const c = config((x) => {
      for (const s of x.form.sections) s.questions = s.questions.filter((q) => !q.semantic?.startsWith('trl'))
    })
    assert.deepEqual(outcome('trl_window', readyInput({}, c)), ['pass', 'trl_not_asked', { min: 5, max: 8 }])
  })
})

describe('declarations_signed', () => {
  it('needs every counted member’s declaration of honour (all boxes and a signatory) and SME declaration', () => {
    assert.deepEqual(outcome('declarations_signed', readyInput()), ['pass', 'declarations_complete', { count: 2 }])
    for (const box of [
      'noExclusionSituation',
      'noConflictOfInterest',
      'notLinkedToProgrammePartners',
      'noDoubleFunding',
    ] as const) {
      const p = partner({ facts: facts({ legalName: 'P' }) })
      p.part.declarationOfHonour[box] = false
      assert.deepEqual(outcome('declarations_signed', readyInput({ partners: [lead(), p] })), [
        'fail',
        'declaration_missing',
        { name: 'P', count: 1 },
      ])
    }
    const unsigned = partner()
    unsigned.part.declarationOfHonour.signatoryName = ' '
    assert.equal(outcome('declarations_signed', readyInput({ partners: [lead(), unsigned] }))[1], 'declaration_missing')
    const sme = partner()
    sme.part.smeDeclaration.confirmed = false
    assert.equal(outcome('declarations_signed', readyInput({ partners: [lead(), sme] }))[1], 'sme_declaration_missing')
  })
})

describe('form_complete', () => {
  it('fails with the number of form issues, counting partner-scope answers of counted partners', () => {
    assert.deepEqual(outcome('form_complete', readyInput()), ['pass', 'form_complete', {}])
    const input = readyInput()
    input.answers = { ...input.answers, abstract: 'short', end_user_involved: 'yes' }
    input.partners[1]!.part.answers = {}
    assert.deepEqual(outcome('form_complete', input), ['fail', 'form_incomplete', { count: 4 }])
  })
})

describe('consortiumSummary', () => {
  it('counts organisations, SMEs, countries, end-users and the requested total of counted members only', () => {
    const summary = consortiumSummary([
      lead({ facts: facts({ country: 'BE' }), requestedCents: 100 }),
      partner({ facts: facts({ country: 'FR', type: 'integrator', smeStatus: 'not_sme' }), requestedCents: 200 }),
      partner({ facts: facts({ country: 'BE' }), requestedCents: 300 }),
      partner({ status: 'invited', facts: facts({ country: 'NL' }), requestedCents: 400 }),
      partner({ status: 'declined', facts: facts({ country: 'DE' }), requestedCents: 500 }),
    ])
    assert.deepEqual(summary, {
      organisations: 3,
      smes: 2,
      countries: ['BE', 'FR'],
      endUsers: 1,
      requestedCents: 600,
      costsCents: 15_000_000,
      pendingInvitations: 1,
    })
  })
})
