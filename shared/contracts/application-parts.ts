import { z } from 'zod'
import { answers, smeCategories } from './applications.ts'

/**
 * Saving a partner's part (issue 5): the part is versioned as a whole (`basePartVersion`, 409 when it
 * moved on) and saved field by field.
 */

const cents = z.number().int().min(0)

/**
 * The fields of a part a save changes: only those sent, each nested field too (a budget line sent
 * alone leaves the others). No defaults here, unlike `partnerPart`: a field left out keeps its value.
 * Answers are merged by question (null clears one).
 */
export const partnerPartPatch = z
  .object({
    contactName: z.string().trim().max(200),
    contactEmail: z.union([z.email(), z.literal('')]),
    role: z.string().trim().max(2000),
    budget: z
      .object({ personnelCents: cents, subcontractingCents: cents, otherCostsCents: cents, requestedCents: cents })
      .partial(),
    smeDeclaration: z.object({ category: z.enum(smeCategories).nullable(), confirmed: z.boolean() }).partial(),
    declarationOfHonour: z
      .object({
        noExclusionSituation: z.boolean(),
        noConflictOfInterest: z.boolean(),
        notLinkedToProgrammePartners: z.boolean(),
        noDoubleFunding: z.boolean(),
        signatoryName: z.string().trim().max(200),
        signatoryRole: z.string().trim().max(200),
      })
      .partial(),
    answers,
  })
  .partial()
export type PartnerPartPatch = z.infer<typeof partnerPartPatch>

export const partSave = z.object({
  basePartVersion: z.number().int().min(1),
  part: partnerPartPatch,
})
