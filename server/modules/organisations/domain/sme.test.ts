import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { smeExplanation } from '../../../../shared/contracts/profiles.ts'
import { assessSme, classifyRelation, type SmeInput, type SmeRelationFigures } from './sme.ts'

const M = 1_000_000_00 // one million euros, in cents

function input(own: Partial<SmeInput> = {}): SmeInput {
  return {
    headcount: 5,
    annualTurnoverCents: 1 * M,
    balanceSheetCents: 1 * M,
    publicBodyControl: false,
    relations: [],
    ...own,
  }
}
const status = (i: Partial<SmeInput>) => assessSme(input(i)).status
const rel = (r: Partial<SmeRelationFigures>): SmeRelationFigures => ({
  relation: 'partner',
  sharePercent: 30,
  headcount: 0,
  annualTurnoverCents: 0,
  balanceSheetCents: 0,
  ...r,
})

describe('staff ceilings are strict (fewer than)', () => {
  test('9.99 AWU is micro, 10 AWU is not', () => {
    assert.equal(status({ headcount: 9.99 }), 'micro')
    assert.equal(status({ headcount: 10 }), 'small')
  })
  test('49 AWU (and 49.99) is small, 50 AWU is medium', () => {
    assert.equal(status({ headcount: 49 }), 'small')
    assert.equal(status({ headcount: 49.99 }), 'small')
    assert.equal(status({ headcount: 50 }), 'medium')
  })
  test('249 AWU is medium, 250 AWU is not an SME', () => {
    assert.equal(status({ headcount: 249 }), 'medium')
    assert.equal(status({ headcount: 249.99 }), 'medium')
    assert.equal(status({ headcount: 250 }), 'not_sme')
  })
  test('zero staff is a valid micro enterprise', () => {
    assert.equal(status({ headcount: 0, annualTurnoverCents: 0, balanceSheetCents: 0 }), 'micro')
  })
})

describe('financial ceilings are inclusive (at most) and either one suffices', () => {
  test('exactly €2 M is micro, one cent more on both is small', () => {
    assert.equal(status({ annualTurnoverCents: 2 * M, balanceSheetCents: 2 * M }), 'micro')
    assert.equal(status({ annualTurnoverCents: 2 * M + 1, balanceSheetCents: 2 * M + 1 }), 'small')
  })
  test('turnover over €2 M but balance sheet at €2 M: still micro (or)', () => {
    assert.equal(status({ annualTurnoverCents: 9 * M, balanceSheetCents: 2 * M }), 'micro')
    assert.equal(status({ annualTurnoverCents: 2 * M, balanceSheetCents: 9 * M }), 'micro')
  })
  test('exactly €10 M is small, above it on both is medium', () => {
    assert.equal(status({ headcount: 20, annualTurnoverCents: 10 * M, balanceSheetCents: 30 * M }), 'small')
    assert.equal(status({ headcount: 20, annualTurnoverCents: 10 * M + 1, balanceSheetCents: 10 * M + 1 }), 'medium')
  })
  test('medium: turnover exactly €50 M, or balance sheet exactly €43 M', () => {
    assert.equal(status({ headcount: 100, annualTurnoverCents: 50 * M, balanceSheetCents: 90 * M }), 'medium')
    assert.equal(status({ headcount: 100, annualTurnoverCents: 90 * M, balanceSheetCents: 43 * M }), 'medium')
    assert.equal(status({ headcount: 100, annualTurnoverCents: 50 * M + 1, balanceSheetCents: 43 * M + 1 }), 'not_sme')
  })
  test('a large turnover with a small balance sheet stays an SME (the "or")', () => {
    assert.equal(status({ headcount: 100, annualTurnoverCents: 400 * M, balanceSheetCents: 40 * M }), 'medium')
  })
  test('few staff but both financial figures above every ceiling: not an SME', () => {
    assert.equal(status({ headcount: 3, annualTurnoverCents: 60 * M, balanceSheetCents: 44 * M }), 'not_sme')
  })
  test('the explanation lists each class with what passed and what failed', () => {
    const { explanation } = assessSme(input({ headcount: 12, annualTurnoverCents: 3 * M, balanceSheetCents: 2 * M }))
    assert.equal(explanation.status, 'small')
    assert.equal(explanation.decidedBy, 'thresholds')
    assert.deepEqual(
      explanation.tests.map((t) => [t.class, t.staffPassed, t.turnoverPassed, t.balanceSheetPassed, t.passed]),
      [
        ['micro', false, false, true, false],
        ['small', true, true, true, true],
        ['medium', true, true, true, true],
      ],
    )
    assert.deepEqual(explanation.tests[0], {
      class: 'micro',
      staffLimit: 10,
      turnoverLimitCents: 2 * M,
      balanceSheetLimitCents: 2 * M,
      staffPassed: false,
      turnoverPassed: false,
      balanceSheetPassed: true,
      passed: false,
    })
    assert.doesNotThrow(() => smeExplanation.parse(explanation))
  })
})

describe('partner and linked enterprises', () => {
  test('classification at the share edges', () => {
    assert.deepEqual(classifyRelation('partner', 24.99), { counted: 'ignored', reason: 'below_threshold', factor: 0n })
    assert.deepEqual(classifyRelation('partner', 25), { counted: 'partner', reason: 'share', factor: 2500n })
    assert.deepEqual(classifyRelation('partner', 50), { counted: 'partner', reason: 'share', factor: 5000n })
    assert.deepEqual(classifyRelation('partner', 50.01), { counted: 'linked', reason: 'majority', factor: 10000n })
    assert.deepEqual(classifyRelation('linked', 10), { counted: 'linked', reason: 'control', factor: 10000n })
    assert.deepEqual(classifyRelation('linked', 80), { counted: 'linked', reason: 'majority', factor: 10000n })
  })

  // Own: 8 AWU, €1 M. A related enterprise of 20 AWU and €6 M turnover/balance.
  const big = { headcount: 20, annualTurnoverCents: 6 * M, balanceSheetCents: 6 * M }
  const own = { headcount: 8, annualTurnoverCents: 1 * M, balanceSheetCents: 1 * M }
  test('a partner at 24.99 % does not count: still micro', () => {
    const a = assessSme(input({ ...own, relations: [rel({ ...big, sharePercent: 24.99 })] }))
    assert.equal(a.status, 'micro')
    assert.deepEqual(a.explanation.aggregated, { headcount: 8, annualTurnoverCents: 1 * M, balanceSheetCents: 1 * M })
    assert.equal(a.explanation.relations[0]!.counted, 'ignored')
    assert.deepEqual(a.explanation.relations[0]!.contribution, {
      headcount: 0,
      annualTurnoverCents: 0,
      balanceSheetCents: 0,
    })
  })
  test('a partner at exactly 25 % adds a quarter: 8 + 5 = 13 AWU ⇒ small', () => {
    const a = assessSme(input({ ...own, relations: [rel({ ...big, sharePercent: 25 })] }))
    assert.equal(a.status, 'small')
    assert.deepEqual(a.explanation.relations[0]!.contribution, {
      headcount: 5,
      annualTurnoverCents: 1.5 * M,
      balanceSheetCents: 1.5 * M,
    })
    assert.equal(a.explanation.relations[0]!.factorPercent, 25)
    assert.deepEqual(a.explanation.aggregated, {
      headcount: 13,
      annualTurnoverCents: 2.5 * M,
      balanceSheetCents: 2.5 * M,
    })
  })
  test('a partner at exactly 50 % adds half; at 50.01 % it is linked and adds everything', () => {
    const half = assessSme(input({ ...own, relations: [rel({ ...big, headcount: 80, sharePercent: 50 })] }))
    assert.equal(half.explanation.aggregated!.headcount, 48)
    assert.equal(half.status, 'small')
    const over = assessSme(input({ ...own, relations: [rel({ ...big, headcount: 80, sharePercent: 50.01 })] }))
    assert.equal(over.explanation.relations[0]!.counted, 'linked')
    assert.equal(over.explanation.relations[0]!.reason, 'majority')
    assert.equal(over.explanation.aggregated!.headcount, 88)
    assert.equal(over.status, 'medium')
  })
  test('a linked enterprise is added in full and pushes over a ceiling', () => {
    const alone = assessSme(input({ headcount: 40, annualTurnoverCents: 8 * M, balanceSheetCents: 8 * M }))
    assert.equal(alone.status, 'small')
    const linked = assessSme(
      input({
        headcount: 40,
        annualTurnoverCents: 8 * M,
        balanceSheetCents: 8 * M,
        relations: [
          rel({
            relation: 'linked',
            sharePercent: 100,
            headcount: 215,
            annualTurnoverCents: 45 * M,
            balanceSheetCents: 40 * M,
          }),
        ],
      }),
    )
    // 255 AWU: over the 250 ceiling, whatever the money.
    assert.equal(linked.explanation.aggregated!.headcount, 255)
    assert.equal(linked.status, 'not_sme')
    assert.deepEqual(
      linked.explanation.tests.map((t) => t.staffPassed),
      [false, false, false],
    )
  })
  test('a linked enterprise by control (declared linked, 30 %) counts in full', () => {
    const a = assessSme(input({ ...own, relations: [rel({ ...big, relation: 'linked', sharePercent: 30 })] }))
    assert.equal(a.explanation.relations[0]!.reason, 'control')
    assert.equal(a.explanation.aggregated!.headcount, 28)
    assert.equal(a.status, 'small')
  })
  test('several relations add up; exact arithmetic at a money edge', () => {
    // Own €1.5 M; partner at 25 % of €1 M (= €0.25 M) and at 50 % of €0.5 M (= €0.25 M): exactly €2 M.
    const relations = [
      rel({ sharePercent: 25, annualTurnoverCents: 1 * M, balanceSheetCents: 1 * M }),
      rel({ sharePercent: 50, annualTurnoverCents: 0.5 * M, balanceSheetCents: 0.5 * M }),
    ]
    const a = assessSme(input({ headcount: 2, annualTurnoverCents: 1.5 * M, balanceSheetCents: 1.5 * M, relations }))
    assert.equal(a.explanation.aggregated!.annualTurnoverCents, 2 * M)
    assert.equal(a.status, 'micro')
    // One cent more on the own figures tips both ceilings.
    const b = assessSme(
      input({ headcount: 2, annualTurnoverCents: 1.5 * M + 1, balanceSheetCents: 1.5 * M + 1, relations }),
    )
    assert.equal(b.status, 'small')
  })
  test('a proportional staff share that lands just under a ceiling stays under it', () => {
    // 9.5 + 33.33 % of 1.5 = 9.99995 AWU: fewer than 10.
    const a = assessSme(input({ headcount: 9.5, relations: [rel({ sharePercent: 33.33, headcount: 1.5 })] }))
    assert.equal(a.explanation.aggregated!.headcount, 9.99995)
    assert.equal(a.status, 'micro')
  })
})

describe('public bodies and missing data', () => {
  test('25 % or more held by public bodies: not an SME, whatever the figures', () => {
    const a = assessSme(input({ publicBodyControl: true }))
    assert.equal(a.status, 'not_sme')
    assert.equal(a.explanation.decidedBy, 'public_body')
    // The thresholds are still shown (they would have made it micro).
    assert.equal(a.explanation.tests[0]!.passed, true)
  })
  test('missing figures: status unknown, the missing fields listed', () => {
    const a = assessSme(input({ headcount: null, balanceSheetCents: null }))
    assert.equal(a.status, null)
    assert.equal(a.explanation.status, null)
    assert.equal(a.explanation.decidedBy, 'missing_data')
    assert.deepEqual(a.explanation.missing, ['headcount', 'balanceSheet'])
    assert.equal(a.explanation.aggregated, null)
    assert.deepEqual(a.explanation.tests, [])
    assert.deepEqual(assessSme(input({ annualTurnoverCents: null })).explanation.missing, ['annualTurnover'])
    assert.doesNotThrow(() => smeExplanation.parse(a.explanation))
  })
  test('missing figures with public-body control: still decided (not an SME)', () => {
    const a = assessSme(input({ headcount: null, publicBodyControl: true }))
    assert.equal(a.status, 'not_sme')
    assert.deepEqual(a.explanation.missing, ['headcount'])
  })
})
