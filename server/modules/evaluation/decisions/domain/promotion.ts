/**
 * Which reserve a declined grant promotes. The freed budget is the adopted scenario's budget minus what
 * the funded decisions that were not declined still commit. The first reserve in reserve order (lowest
 * `reserveRank`) whose REQUESTED amount fits that budget is promoted and granted its requested amount;
 * reserves that do not fit are skipped (a later, smaller one may fit). One decline promotes at most one
 * reserve. Per-organisation caps and quotas of the scenario are not re-checked at promotion.
 */
export interface PromotionInput {
  budgetCents: number
  funded: { grantedCents: number; declined: boolean }[]
  reserve: { applicationId: string; reserveRank: number; requestedCents: number }[]
}

export interface Promotion {
  applicationId: string
  grantedCents: number
  freedCents: number
}

export function committedCents(funded: PromotionInput['funded']): number {
  return funded.filter((f) => !f.declined).reduce((s, f) => s + f.grantedCents, 0)
}

export function pickPromotion(input: PromotionInput): Promotion | null {
  const freed = input.budgetCents - committedCents(input.funded)
  const next = [...input.reserve].sort((a, b) => a.reserveRank - b.reserveRank).find((r) => r.requestedCents <= freed)
  return next ? { applicationId: next.applicationId, grantedCents: next.requestedCents, freedCents: freed } : null
}
