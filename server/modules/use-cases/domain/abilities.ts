import type { Capability } from '../../../../shared/authz.ts'
import type { Ability } from '../../../../shared/contracts/common.ts'
import type { UseCaseAction, UseCaseStatus } from '../../../../shared/contracts/use-cases.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'
import { editableStatuses, transition } from './lifecycle.ts'
import { partiesOf, type UseCaseOwnership } from './parties.ts'

const actionKeys: Record<string, Exclude<UseCaseAction, 'promote'>> = {
  submit: 'submit',
  resubmit: 'resubmit',
  requestChanges: 'request_changes',
  accept: 'accept',
  archive: 'archive',
}

const deny = (reason: Ability['reason']): Ability => ({ allowed: false, reason })

/** What the caller may do with one use case it can see, for the UI to show or explain. */
export function abilitiesForUseCase(
  actor: Actor,
  uc: UseCaseOwnership & { status: UseCaseStatus },
): Record<string, Ability> {
  const parties = partiesOf(actor, uc)
  const gate = (capability: Capability): Ability | null => {
    const d = can(actor, capability)
    return d.allowed ? null : deny(d.reason)
  }
  const out: Record<string, Ability> = {}
  out.update =
    gate('use_case.update') ??
    (!parties.includes('author')
      ? deny('not_the_author')
      : editableStatuses.includes(uc.status)
        ? { allowed: true }
        : deny('wrong_status'))
  for (const [key, action] of Object.entries(actionKeys)) {
    const staffOnly = action === 'accept' || action === 'request_changes'
    const blocked = gate(staffOnly ? 'use_case.review' : 'use_case.update')
    if (blocked) {
      out[key] = blocked
      continue
    }
    const usable = parties.filter((p) => p === 'author' || can(actor, 'use_case.review').allowed)
    const o = transition(uc.status, action, usable, 'reason given')
    out[key] = o.ok
      ? { allowed: true }
      : o.refusal === 'wrong_status'
        ? deny('wrong_status')
        : deny(staffOnly ? 'missing_role' : 'not_the_author')
  }
  out.comment = gate('use_case.comment') ?? (parties.length > 0 ? { allowed: true } : deny('not_a_member'))
  return out
}
