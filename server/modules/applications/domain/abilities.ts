import type { Capability } from '../../../../shared/authz.ts'
import type { ApplicationStatus } from '../../../../shared/contracts/applications.ts'
import type { Ability } from '../../../../shared/contracts/common.ts'
import type { DenialReason } from '../../../../shared/errors.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'
import type { Access } from './access.ts'
import { refusalReason, type WriteRefusal } from './gate.ts'

const allow: Ability = { allowed: true }
const deny = (reason: DenialReason | undefined): Ability => ({ allowed: false, ...(reason ? { reason } : {}) })

/**
 * What the caller may do with an application it sees, with the reason when not (the UI explains):
 *  - edit_shared, invite, remove_partner: members of the lead organisation, while writable;
 *  - edit_part, confirm: members of an accepted partner (the lead included), on their own part;
 *  - upload: any member of the consortium, while writable;
 *  - submit: the lead, while writable and nothing in the readiness list is an error (`not_ready`);
 *  - withdraw: the lead, until the deadline, unless already withdrawn.
 * Writable: the call is open and the deadline has not passed (`deadline_passed`, `call_not_open`),
 * and the application is not withdrawn (`wrong_status`). Staff read only (`not_a_member`).
 */
export function applicationAbilities(
  actor: Actor,
  access: Access,
  p: { refusal: WriteRefusal | null; status: ApplicationStatus; late: boolean; ready: boolean },
): Record<string, Ability> {
  const gate = (capability: Capability): Ability | null => {
    const d = can(actor, capability)
    return d.allowed ? null : deny(d.reason)
  }
  const writable = p.refusal ? deny(refusalReason[p.refusal]) : allow
  const lead = gate('application.manage') ?? (access.lead ? writable : deny('not_a_member'))
  const ownPart = gate('application.manage') ?? (access.ownPartnerIds.length > 0 ? writable : deny('not_a_member'))
  const member = access.lead || access.ownPartnerIds.length > 0
  const submit =
    gate('application.submit') ??
    (!access.lead ? deny('not_a_member') : p.refusal ? writable : p.ready ? allow : deny('not_ready'))
  const withdraw =
    gate('application.submit') ??
    (!access.lead
      ? deny('not_a_member')
      : p.status === 'withdrawn'
        ? deny('wrong_status')
        : p.late
          ? deny('deadline_passed')
          : allow)
  return {
    edit_shared: lead,
    invite: lead,
    remove_partner: lead,
    edit_part: ownPart,
    confirm: ownPart,
    upload: gate('application.manage') ?? (member ? writable : deny('not_a_member')),
    submit,
    withdraw,
  }
}
