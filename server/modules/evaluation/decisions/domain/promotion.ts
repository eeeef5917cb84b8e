import {
  buildModel,
  describeUpper,
  type Explanation,
  quotaView,
  rowSum,
  type SelectionCandidate,
  type SelectionParams,
  type SelectionQuota,
} from '../../selection/domain/model.ts'

/**
 * Which reserve a declined grant promotes, under the adopted scenario's rules.
 *
 * The funded set after the decline is every funded decision not declined, at the amount it was GRANTED
 * (an operator may have cut a grant; the organisations' shares of a cut grant shrink in proportion). A
 * reserve can be promoted, at its REQUESTED amount, when that set with it still keeps every "≤" rule of the
 * scenario: the budget, each quota's maximum, each organisation's cap across the programme's calls (what it
 * was granted in the other calls counts) and the maximum per lead country. Reserves are tried in reserve
 * order; one that breaks a rule is skipped, with the rule it breaks (a later one may fit).
 *
 * Minimum quotas: when the decline leaves a quota's minimum unmet (the declined project was the only one of
 * its challenge, say), the first fitting reserve that counts towards an unmet minimum is promoted, ahead of
 * fitting reserves that do not (they are skipped with `quota_min_preferred`); when no fitting reserve
 * counts towards it, the first fitting reserve is promoted and the minimum stays unmet. One decline
 * promotes at most one reserve.
 */
export interface PromotionInput {
  params: SelectionParams
  /** Cents each organisation was granted in the programme's other calls. */
  priorGrantedCents: Record<string, number>
  /** The funded decisions that were not declined, with what they were granted. */
  funded: { candidate: SelectionCandidate; grantedCents: number }[]
  /** The reserve list (any order: sorted by `reserveRank` here). */
  reserve: { candidate: SelectionCandidate; reserveRank: number }[]
}

export interface SkippedReserve {
  applicationId: string
  reserveRank: number
  /** budget_exhausted, quota_max, organisation_cap, country_max (as in the selection's explanations) or quota_min_preferred. */
  code: string
  params: Record<string, unknown>
}

export interface Promotion {
  applicationId: string
  grantedCents: number
  /** The budget left once the decline is taken off, before the promotion. */
  freedCents: number
  /** Reserves ahead of the promoted one, and why each was passed over. */
  skipped: SkippedReserve[]
  /** Minimum quotas the promotion makes good again. */
  restores: ReturnType<typeof quotaView>[]
}

export interface PromotionOutcome {
  promotion: Promotion | null
  /** Every reserve that was tried and passed over (all of them when nobody is promoted). */
  skipped: SkippedReserve[]
  freedCents: number
}

/** What the funded decisions still commit: their granted amounts, declined grants left out. */
export function committedCents(funded: { grantedCents: number; declined: boolean }[]): number {
  return funded.filter((f) => !f.declined).reduce((s, f) => s + f.grantedCents, 0)
}

/** A funded application at the amount it was granted: members' shares scaled to the grant (whole cents). */
function atGranted(c: SelectionCandidate, grantedCents: number): SelectionCandidate {
  if (grantedCents === c.requestedCents || c.requestedCents <= 0) return { ...c, requestedCents: grantedCents }
  const requested = c.members.reduce((s, m) => s + Math.max(0, m.requestedCents), 0)
  let given = 0
  const members = c.members.map((m, i) => {
    if (requested <= 0 || m.requestedCents <= 0) return { ...m, requestedCents: 0 }
    const share =
      i === c.members.length - 1 ? grantedCents - given : Math.round((grantedCents * m.requestedCents) / requested)
    given += share
    return { ...m, requestedCents: share }
  })
  return { ...c, requestedCents: grantedCents, members }
}

export function pickPromotion(input: PromotionInput): PromotionOutcome {
  const funded = input.funded.map((f) => atGranted(f.candidate, f.grantedCents))
  const reserve = [...input.reserve].sort((a, b) => a.reserveRank - b.reserveRank)
  const apps = [...funded, ...reserve.map((r) => r.candidate)]
  const m = buildModel(apps, { candidates: apps, params: input.params, priorGrantedCents: input.priorGrantedCents })
  const fundedIdx = funded.map((_, i) => i)
  const sums = m.rows.map((row) => rowSum(row, fundedIdx))
  const freedCents = input.params.budgetCents - funded.reduce((s, f) => s + f.requestedCents, 0)
  const unmet = m.rows.flatMap((row, r) => (row.what.kind === 'quota' && sums[r]! < row.lower ? [r] : []))

  const skipped: SkippedReserve[] = []
  const fitting: { index: number; restores: number[] }[] = []
  reserve.forEach((r, k) => {
    const i = funded.length + k
    const broken = m.rows.find((row, ri) => (row.coef.get(i) ?? 0) > 0 && sums[ri]! + row.coef.get(i)! > row.upper)
    if (broken) {
      const why: Explanation = describeUpper(broken, m, fundedIdx, i, input.params)
      skipped.push({ applicationId: r.candidate.applicationId, reserveRank: r.reserveRank, ...pick(why) })
      return
    }
    fitting.push({ index: k, restores: unmet.filter((ri) => (m.rows[ri]!.coef.get(i) ?? 0) > 0) })
  })
  const chosen = fitting.find((f) => f.restores.length > 0) ?? fitting[0]
  if (!chosen) return { promotion: null, skipped, freedCents }
  const quotas = (rows: number[]) => rows.map((ri) => quotaView((m.rows[ri]!.what as { quota: SelectionQuota }).quota))
  for (const f of fitting) {
    if (f.index >= chosen.index) break
    const r = reserve[f.index]!
    skipped.push({
      applicationId: r.candidate.applicationId,
      reserveRank: r.reserveRank,
      code: 'quota_min_preferred',
      params: { quotas: quotas(chosen.restores) },
    })
  }
  skipped.sort((a, b) => a.reserveRank - b.reserveRank)
  const promoted = reserve[chosen.index]!.candidate
  return {
    promotion: {
      applicationId: promoted.applicationId,
      grantedCents: promoted.requestedCents,
      freedCents,
      skipped: skipped.filter((s) => s.reserveRank < reserve[chosen.index]!.reserveRank),
      restores: quotas(chosen.restores),
    },
    skipped,
    freedCents,
  }
}

const pick = (e: Explanation) => ({ code: e.code, params: e.params })
