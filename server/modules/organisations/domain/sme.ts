import type {
  RelationKind,
  SmeClass,
  SmeExplanation,
  SmeFigureField,
  SmeRelationOutcome,
  SmeStatus,
  SmeThresholdTest,
} from '../../../../shared/contracts/profiles.ts'

/**
 * The SME check of EU Recommendation 2003/361 (Annex, Articles 2–6), pure.
 *
 * Ceilings (Article 2): a class is met when staff is STRICTLY BELOW its headcount and EITHER the annual
 * turnover OR the balance-sheet total is AT MOST its ceiling ("or": one financial ceiling suffices).
 *   medium  < 250 AWU  and (turnover ≤ €50 M or balance sheet ≤ €43 M)
 *   small   <  50 AWU  and (turnover ≤ €10 M or balance sheet ≤ €10 M)
 *   micro   <  10 AWU  and (turnover ≤ €2 M  or balance sheet ≤ €2 M)
 *
 * Aggregation (Articles 3 and 6): the figures of the enterprise are added to
 *   - those of each LINKED enterprise in full: a share above 50 % (majority), or a relation declared
 *     linked because of control by other means (right to appoint the board, dominant influence by
 *     contract…), whatever the share;
 *   - those of each PARTNER enterprise in proportion to the share (the higher of capital and voting
 *     rights), for shares from 25 % to 50 % inclusive;
 *   - nothing for a partner below 25 %: towards it the enterprise is autonomous.
 * The declarant gives, for each relation, the figures to aggregate (the related enterprise's own,
 * consolidated with its linked enterprises when it has any): Cascade does not walk chains of relations.
 *
 * Article 3(4): 25 % or more of the capital or voting rights controlled by public bodies ⇒ not an SME,
 * whatever the figures (a declared flag).
 *
 * Not modelled: the two-consecutive-years rule of Article 4(2) (a class is gained or lost only when the
 * ceilings are crossed in two consecutive accounting years) — Cascade checks the declared financial year;
 * and the investor exceptions of Article 3(2) (business angels, venture capital, universities… up to
 * 50 % without becoming partners) — such an investor is simply not declared.
 *
 * Arithmetic is exact: staff in hundredths of an AWU, money in cents, shares in hundredths of a
 * percent, multiplied out in BigInt, so the edges (exactly €2 M, 9.99 vs 10 AWU, 25 % vs 24.99 %)
 * never depend on floating-point rounding.
 */

export interface SmeFigures {
  headcount: number | null
  annualTurnoverCents: number | null
  balanceSheetCents: number | null
}

export interface SmeRelationFigures {
  relation: RelationKind
  sharePercent: number
  headcount: number
  annualTurnoverCents: number
  balanceSheetCents: number
}

export interface SmeInput extends SmeFigures {
  publicBodyControl: boolean
  relations: readonly SmeRelationFigures[]
}

export interface SmeAssessment {
  status: SmeStatus | null
  explanation: SmeExplanation
}

export const smeCeilings: Record<SmeClass, { staff: number; turnoverCents: number; balanceSheetCents: number }> = {
  micro: { staff: 10, turnoverCents: 2_000_000_00, balanceSheetCents: 2_000_000_00 },
  small: { staff: 50, turnoverCents: 10_000_000_00, balanceSheetCents: 10_000_000_00 },
  medium: { staff: 250, turnoverCents: 50_000_000_00, balanceSheetCents: 43_000_000_00 },
}
const order: readonly SmeClass[] = ['micro', 'small', 'medium']

/** Partner from 25 %, linked above 50 % (hundredths of a percent). */
const PARTNER_FROM = 2500n
const LINKED_ABOVE = 5000n
/** 100 % in hundredths of a percent: the scale of every aggregated figure. */
const FULL = 10000n

const hundredthsOf = (n: number) => BigInt(Math.round(n * 100))
const centsOf = (n: number) => BigInt(Math.round(n))

/** How one declared relation counts, and with which factor (hundredths of a percent). */
export function classifyRelation(
  declared: RelationKind,
  sharePercent: number,
): { counted: SmeRelationOutcome['counted']; reason: SmeRelationOutcome['reason']; factor: bigint } {
  const share = hundredthsOf(sharePercent)
  if (share > LINKED_ABOVE) return { counted: 'linked', reason: 'majority', factor: FULL }
  if (declared === 'linked') return { counted: 'linked', reason: 'control', factor: FULL }
  if (share >= PARTNER_FROM) return { counted: 'partner', reason: 'share', factor: share }
  return { counted: 'ignored', reason: 'below_threshold', factor: 0n }
}

/** Scaled values (×10 000) back to numbers: AWU from hundredths, cents from cents. */
const awuOut = (scaled: bigint) => Number(scaled) / 1_000_000
const centsOut = (scaled: bigint) => Number(scaled) / 10_000

export function assessSme(input: SmeInput): SmeAssessment {
  const missing: SmeFigureField[] = []
  if (input.headcount === null) missing.push('headcount')
  if (input.annualTurnoverCents === null) missing.push('annualTurnover')
  if (input.balanceSheetCents === null) missing.push('balanceSheet')

  let staff = input.headcount === null ? 0n : hundredthsOf(input.headcount) * FULL
  let turnover = input.annualTurnoverCents === null ? 0n : centsOf(input.annualTurnoverCents) * FULL
  let balance = input.balanceSheetCents === null ? 0n : centsOf(input.balanceSheetCents) * FULL

  const relations: SmeRelationOutcome[] = input.relations.map((r, position) => {
    const { counted, reason, factor } = classifyRelation(r.relation, r.sharePercent)
    const s = hundredthsOf(r.headcount) * factor
    const t = centsOf(r.annualTurnoverCents) * factor
    const b = centsOf(r.balanceSheetCents) * factor
    staff += s
    turnover += t
    balance += b
    return {
      position,
      declared: r.relation,
      counted,
      reason,
      sharePercent: r.sharePercent,
      factorPercent: Number(factor) / 100,
      contribution: { headcount: awuOut(s), annualTurnoverCents: centsOut(t), balanceSheetCents: centsOut(b) },
    }
  })

  const own = {
    headcount: input.headcount,
    annualTurnoverCents: input.annualTurnoverCents,
    balanceSheetCents: input.balanceSheetCents,
  }
  const base = { rule: 'EU 2003/361' as const, missing, publicBodyControl: input.publicBodyControl, own, relations }

  if (missing.length > 0) {
    const status = input.publicBodyControl ? 'not_sme' : null
    return {
      status,
      explanation: {
        ...base,
        status,
        decidedBy: input.publicBodyControl ? 'public_body' : 'missing_data',
        aggregated: null,
        tests: [],
      },
    }
  }

  const tests: SmeThresholdTest[] = order.map((cls) => {
    const c = smeCeilings[cls]
    const staffPassed = staff < BigInt(c.staff) * 100n * FULL
    const turnoverPassed = turnover <= BigInt(c.turnoverCents) * FULL
    const balanceSheetPassed = balance <= BigInt(c.balanceSheetCents) * FULL
    return {
      class: cls,
      staffLimit: c.staff,
      turnoverLimitCents: c.turnoverCents,
      balanceSheetLimitCents: c.balanceSheetCents,
      staffPassed,
      turnoverPassed,
      balanceSheetPassed,
      passed: staffPassed && (turnoverPassed || balanceSheetPassed),
    }
  })
  const byThresholds: SmeStatus = tests.find((t) => t.passed)?.class ?? 'not_sme'
  const status: SmeStatus = input.publicBodyControl ? 'not_sme' : byThresholds
  return {
    status,
    explanation: {
      ...base,
      status,
      decidedBy: input.publicBodyControl ? 'public_body' : 'thresholds',
      aggregated: {
        headcount: awuOut(staff),
        annualTurnoverCents: centsOut(turnover),
        balanceSheetCents: centsOut(balance),
      },
      tests,
    },
  }
}
