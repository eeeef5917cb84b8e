import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eligibilityRules, type ReadinessIssue } from '../contracts/applications.ts'
import { defaultCallConfig } from './presets.ts'
import {
  checkApplication,
  eligibilityReasonCodes,
  isReady,
  readinessCodes,
  ruleIssueCodes,
  rulePassCodes,
  screenApplication,
} from './readiness.ts'
import type { RulesInput } from './rules.ts'
import { facts, partner, readyInput } from './test-helpers.ts'

const brief = (issues: ReadinessIssue[]) =>
  issues.map((i) => [i.code, i.severity, i.questionId ?? i.partnerId ?? i.rule])
const lead = (requestedCents = 3_000_000) =>
  partner({ role: 'lead', requestedCents, facts: facts({ legalName: 'Lead' }) })

describe('checkApplication', () => {
  it('finds nothing in a complete application', () => {
    const issues = checkApplication(readyInput())
    assert.deepEqual(issues, [])
    assert.equal(isReady(issues), true)
  })

  it('lists a pending invitation and ignores declined and removed partners entirely', () => {
    const invited = partner({ status: 'invited', invitedName: 'Zed', facts: facts({ legalName: null }) })
    const declined = partner({ status: 'declined', facts: facts({ country: 'US', linkedToProgrammePartner: true }) })
    declined.part.declarationOfHonour.noDoubleFunding = false
    const removed = partner({ status: 'removed', confirmedVersion: null })
    const input = readyInput()
    input.partners = [...input.partners, invited, declined, removed]
    const issues = checkApplication(input)
    assert.deepEqual(
      issues.map((i) => [i.code, i.partnerId, i.params]),
      [['partner_invitation_pending', invited.id, { name: 'Zed' }]],
    )
    assert.equal(isReady(issues), false)
  })

  it('asks every partner but the lead to confirm the current version of its part', () => {
    const input = readyInput()
    const [l, p] = input.partners as [ReturnType<typeof partner>, ReturnType<typeof partner>]
    l.confirmedVersion = null
    p.partVersion = 3 // changed after confirming version 2
    assert.deepEqual(
      checkApplication(input).map((i) => [i.code, i.partnerId]),
      [['partner_part_not_confirmed', p.id]],
    )
  })

  it('asks each counted partner for its contact, role, budget line and partner-scope answers', () => {
    const p = partner({ facts: facts({ legalName: 'P', country: 'FR' }), requestedCents: 0 })
    p.part.contactEmail = ''
    p.part.role = ' '
    p.part.answers = {}
    const issues = checkApplication(readyInput({ partners: [lead(), p] }))
    assert.deepEqual(
      issues.map((i) => [i.code, i.partnerId, i.sectionId, i.questionId]),
      [
        ['answer_required', p.id, 'work_plan', 'partner_expertise'],
        ['partner_contact_missing', p.id, null, null],
        ['partner_role_missing', p.id, null, null],
        ['partner_budget_missing', p.id, 'budget', 'budget'],
      ],
    )
  })

  it('asks for a challenge when the call has challenges, one of the call’s', () => {
    assert.deepEqual(brief(checkApplication(readyInput({ challengeId: null }))), [['challenge_missing', 'error', null]])
    assert.deepEqual(brief(checkApplication(readyInput({ challengeId: 'c9', challengeIds: ['c1'] }))), [
      ['challenge_not_in_call', 'error', null],
    ])
    assert.deepEqual(checkApplication(readyInput({ challengeId: 'c1', challengeIds: ['c1'] })), [])
    assert.deepEqual(checkApplication(readyInput({ challengeId: null, challengeIds: [] })), [])
  })

  it('asks the conditional end-user questions only after a yes', () => {
    const yes = readyInput()
    yes.answers = { ...yes.answers, end_user_involved: 'yes' }
    assert.deepEqual(brief(checkApplication(yes)), [
      ['answer_required', 'error', 'end_user_name'],
      ['answer_required', 'error', 'validation_plan'],
    ])
    yes.answers = { ...yes.answers, end_user_name: 'City of Ghent', validation_plan: 'A pilot in the port.' }
    assert.deepEqual(checkApplication(yes), [])
  })

  it('reports a missing TRL once: as a required answer, or by the rule when the question is optional', () => {
    const input = readyInput()
    input.answers = { ...input.answers, trl_start: null }
    assert.deepEqual(brief(checkApplication(input)), [['answer_required', 'error', 'trl_start']])
    for (const s of input.config.form.sections)
      for (const q of s.questions) if (q.id === 'trl_start') q.required = false
    const issues = checkApplication(input)
    assert.deepEqual(brief(issues), [['trl_missing', 'error', 'trl_start']])
    assert.equal(issues[0]?.rule, 'trl_window')
    assert.equal(issues[0]?.sectionId, 'core')
  })

  it('turns failing rules into errors and warnings into warnings that do not block', () => {
    const big = partner({
      requestedCents: 6_000_001,
      facts: facts({ legalName: 'Big', country: 'FR', smeStatus: 'medium' }),
    })
    const failing = checkApplication(readyInput({ partners: [lead(), big] }))
    assert.deepEqual(
      failing.map((i) => [i.code, i.severity, i.rule, i.partnerId]),
      [
        ['sme_declaration_differs', 'warning', 'minimum_smes', big.id],
        ['third_party_budget_exceeded', 'error', 'budget_per_third_party', big.id],
      ],
    )
    assert.equal(isReady(failing), false)
    big.part.budget.requestedCents = 6_000_000
    const warned = checkApplication(readyInput({ partners: [lead(), big], challengeTrl: { min: 6, max: 9 } }))
    assert.deepEqual(brief(warned), [
      ['sme_declaration_differs', 'warning', big.id],
      ['trl_outside_challenge', 'warning', 'trl_start'],
    ])
    assert.equal(isReady(warned), true)
  })

  it('orders issues as the editor does: challenge, form, partners, rules', () => {
    const input = readyInput({ challengeId: null, partners: [lead()] })
    input.answers = { ...input.answers, acronym: '', impact: 'x'.repeat(3001) }
    assert.deepEqual(
      checkApplication(input).map((i) => i.code),
      ['challenge_missing', 'answer_required', 'text_too_long', 'consortium_too_small', 'smes_too_few'],
    )
  })
})

describe('screenApplication', () => {
  it('gives one outcome per rule, in the contract’s order, all passing for a complete application', () => {
    const outcomes = screenApplication(readyInput())
    assert.deepEqual(
      outcomes.map((o) => o.rule),
      [...eligibilityRules],
    )
    assert.ok(outcomes.every((o) => o.outcome === 'pass'))
  })

  it('records the failures with their reasons', () => {
    const input = readyInput({ partners: [lead()] })
    input.answers = { ...input.answers, trl_end: 9 }
    const failed = screenApplication(input).filter((o) => o.outcome !== 'pass')
    assert.deepEqual(
      failed.map((o) => [o.rule, o.outcome, o.reason.code]),
      [
        ['consortium_size', 'fail', 'consortium_too_small'],
        ['minimum_smes', 'fail', 'smes_too_few'],
        ['trl_window', 'fail', 'trl_end_out_of_window'],
      ],
    )
  })
})

describe('codes', () => {
  it('are unique snake_case strings, and rule codes are either pass or issue codes', () => {
    for (const list of [readinessCodes, eligibilityReasonCodes]) {
      assert.equal(new Set(list).size, list.length)
      for (const c of list) assert.match(c, /^[a-z][a-z0-9_]*$/)
    }
    assert.deepEqual(
      rulePassCodes.filter((c) => (ruleIssueCodes as readonly string[]).includes(c)),
      [],
    )
  })

  it('cover every code the engine produces, over many broken applications', () => {
    const seen = { readiness: new Set<string>(), eligibility: new Set<string>() }
    const run = (input: RulesInput) => {
      for (const i of checkApplication(input)) seen.readiness.add(i.code)
      for (const o of screenApplication(input)) seen.eligibility.add(o.reason.code)
    }
    run(readyInput())
    const broken = readyInput({ challengeId: null, challengeTrl: { min: 1, max: 2 } })
    broken.config = defaultCallConfig()
    broken.config.consortium.endUserRequired = true
    broken.config.budget.fundingModel = 'funding_rate'
    broken.config.budget.fundingRatePercent = 50
    broken.answers = { ...broken.answers, abstract: 'short', trl_start: 9, trl_end: 4, end_user_involved: 'yes' }
    const odd = partner({
      status: 'accepted',
      requestedCents: 9_000_000,
      facts: facts({ country: 'US', smeStatus: 'medium', linkedToProgrammePartner: true, otherApplications: ['X-1'] }),
    })
    odd.part.declarationOfHonour.noConflictOfInterest = false
    odd.part.smeDeclaration.confirmed = false
    odd.part.contactName = ''
    odd.part.role = ''
    odd.confirmedVersion = 1
    broken.partners = [
      lead(),
      odd,
      partner({ status: 'invited' }),
      partner({ facts: facts({ country: null }), requestedCents: 0 }),
    ]
    run(broken)
    for (const c of seen.readiness) assert.ok((readinessCodes as readonly string[]).includes(c), `readiness ${c}`)
    for (const c of seen.eligibility)
      assert.ok((eligibilityReasonCodes as readonly string[]).includes(c), `eligibility ${c}`)
    assert.ok(seen.readiness.size >= 15, [...seen.readiness].join(' '))
  })
})
