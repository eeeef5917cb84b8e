/**
 * Sign-in throttling, as pure rules: after too many failures for one account or from one address in
 * a window, further attempts are refused until the oldest counted failure leaves the window.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 20,
} as const

export interface ThrottleState {
  /** Times of recent failures for this email, oldest first. */
  accountFailures: Date[]
  /** Times of recent failures from this address, oldest first. */
  addressFailures: Date[]
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; scope: 'account' | 'address'; retryAfterSeconds: number }

export function decideSignIn(state: ThrottleState, now: Date, limits = SIGN_IN_LIMITS): ThrottleDecision {
  const check = (times: Date[], max: number) => {
    const recent = times.filter((t) => now.getTime() - t.getTime() < limits.windowMs)
    if (recent.length < max) return null
    const oldestCounted = recent[recent.length - max]!
    return Math.max(1, Math.ceil((oldestCounted.getTime() + limits.windowMs - now.getTime()) / 1000))
  }
  const account = check(state.accountFailures, limits.perAccount)
  if (account !== null) return { allowed: false, scope: 'account', retryAfterSeconds: account }
  const address = check(state.addressFailures, limits.perAddress)
  if (address !== null) return { allowed: false, scope: 'address', retryAfterSeconds: address }
  return { allowed: true }
}
