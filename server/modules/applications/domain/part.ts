import type { PartnerPartPatch } from '../../../../shared/contracts/application-parts.ts'
import type { PartnerPart } from '../../../../shared/contracts/applications.ts'
import { sameJson } from './answers.ts'

/**
 * A partner's part after a save: only the fields the save carries change. The nested groups (budget,
 * SME declaration, declaration of honour) are merged field by field and the answers question by
 * question, so a save of one budget line or one answer leaves everything else as it was.
 */
export function mergePart(current: PartnerPart, patch: PartnerPartPatch): PartnerPart {
  return {
    contactName: patch.contactName ?? current.contactName,
    contactEmail: patch.contactEmail ?? current.contactEmail,
    role: patch.role ?? current.role,
    budget: { ...current.budget, ...patch.budget },
    smeDeclaration: { ...current.smeDeclaration, ...patch.smeDeclaration },
    declarationOfHonour: { ...current.declarationOfHonour, ...patch.declarationOfHonour },
    answers: { ...current.answers, ...patch.answers },
  }
}

/** The top-level fields of a part that differ between two versions of it (for the audit trail). */
export function changedPartFields(before: PartnerPart, after: PartnerPart): (keyof PartnerPart)[] {
  return (Object.keys(after) as (keyof PartnerPart)[]).filter((k) => !sameJson(after[k], before[k]))
}
