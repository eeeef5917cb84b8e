import { checkApplication, isReady, type RulesPartner } from '../../../../shared/calls/readiness.ts'
import type { Answers, ApplicationPartner, ReadinessIssue } from '../../../../shared/contracts/applications.ts'
import type { CallConfig } from '../../../../shared/contracts/calls.ts'

export { isReady }

/**
 * The readiness list, computed by the shared engine (`shared/calls/readiness.ts`) — the same code the
 * editor runs in the browser while typing, so the server's answer and the panel agree.
 */
export function readinessOf(p: {
  config: CallConfig
  challengeId: string | null
  challengeTrl: { min: number | null; max: number | null } | null
  challengeIds: readonly string[]
  answers: Answers
  partners: readonly (RulesPartner | ApplicationPartner)[]
}): ReadinessIssue[] {
  return checkApplication({
    config: p.config,
    challengeId: p.challengeId,
    challengeTrl: p.challengeTrl,
    challengeIds: p.challengeIds,
    answers: p.answers,
    partners: p.partners,
  })
}
