import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { conversionRefusal, phaseAllowsForming } from './rules.ts'

const ok = { lead: true, status: 'forming', phase: 'open', leadIsSme: true, rulesPass: true } as const

describe('conversionRefusal', () => {
  it('allows an open call, an SME lead and rules that pass', () => {
    assert.equal(conversionRefusal(ok), null)
  })
  it('answers a converted consortium again (idempotent) but refuses a dissolved one', () => {
    assert.equal(conversionRefusal({ ...ok, status: 'converted', phase: 'closed' }), null)
    assert.equal(conversionRefusal({ ...ok, status: 'dissolved' })?.code, 'consortium_not_forming')
  })
  it('gives the reason in the order a person fixes things', () => {
    assert.equal(conversionRefusal({ ...ok, lead: false })?.reason, 'not_a_member')
    assert.equal(conversionRefusal({ ...ok, phase: 'scheduled' })?.code, 'call_not_open')
    assert.equal(conversionRefusal({ ...ok, phase: 'closed' })?.code, 'deadline_passed')
    assert.equal(conversionRefusal({ ...ok, leadIsSme: false })?.code, 'consortium_lead_not_sme')
    assert.equal(conversionRefusal({ ...ok, rulesPass: false })?.code, 'consortium_rules_not_met')
  })
})

describe('phaseAllowsForming', () => {
  it('is true for an announced or open call only', () => {
    assert.deepEqual((['draft', 'scheduled', 'open', 'closed', 'cancelled'] as const).map(phaseAllowsForming), [
      false,
      true,
      true,
      false,
      false,
    ])
  })
})
