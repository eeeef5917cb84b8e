import { z } from 'zod'
import { ruleOutcome } from './applications.ts'
import { abilities, isoDateTime, localizedText, pageOf, pageQuery, uuid } from './common.ts'

/**
 * Consortia (issue 6 §6): organisations that intend to apply together for one call and challenge before
 * an application exists. An SME member creates one for a listed call, invites partners by organisation
 * (found through a recommendation, an accepted partnering interest, a brokerage meeting, or directly)
 * or by e-mail; invitees accept with their organisation and role, or decline; a live check runs the
 * call's consortium rules on the accepted members; while the call is open the lead turns it into an
 * application draft.
 */

export const consortiumStatuses = ['forming', 'converted', 'dissolved'] as const
export type ConsortiumStatus = (typeof consortiumStatuses)[number]

export const consortiumMemberStatuses = ['invited', 'accepted', 'declined', 'removed'] as const
export type ConsortiumMemberStatus = (typeof consortiumMemberStatuses)[number]

/** Where an invited partner was found; `sourceRef` names the object (interest, meeting request…). */
export const consortiumSources = ['recommendation', 'partner_search', 'brokerage', 'email', 'direct'] as const
export type ConsortiumSource = (typeof consortiumSources)[number]

export const consortiumLimits = { name: 200, acronym: 30, role: 2000, message: 4000, sourceRef: 200 } as const

const text = (max: number) => z.string().trim().max(max)

export const consortiumCreate = z.object({
  /** The lead organisation: an SME the caller belongs to. */
  organisationId: uuid,
  callId: uuid,
  challengeId: uuid.nullable().default(null),
  name: text(consortiumLimits.name).min(3),
  acronym: text(consortiumLimits.acronym).default(''),
  /** What the lead does in the project. */
  role: text(consortiumLimits.role).default(''),
})
export type ConsortiumCreate = z.output<typeof consortiumCreate>

/**
 * Invite by organisation (`organisationId`) or by e-mail (`email`), exactly one. `source` defaults to
 * `direct` for an organisation and `email` for an address; `partner_search` and `brokerage` need a
 * `sourceRef` (the accepted interest, the accepted meeting request) that involves both organisations.
 */
export const consortiumInvite = z
  .object({
    organisationId: uuid.optional(),
    email: z.email().max(320).optional(),
    role: text(consortiumLimits.role).default(''),
    message: text(consortiumLimits.message).default(''),
    source: z.enum(consortiumSources).optional(),
    sourceRef: text(consortiumLimits.sourceRef).min(1).optional(),
  })
  .refine((v) => (v.organisationId === undefined) !== (v.email === undefined), {
    message: 'Give an organisation or an e-mail address, not both.',
    path: ['organisationId'],
  })
  .refine((v) => v.email === undefined || v.source === undefined || v.source === 'email', {
    message: 'An invitation by e-mail has the source "email".',
    path: ['source'],
  })
  .refine((v) => v.organisationId === undefined || v.source !== 'email', {
    message: 'The source "email" is for invitations by e-mail.',
    path: ['source'],
  })
export type ConsortiumInvite = z.output<typeof consortiumInvite>

/** Accept an invitation: the organisation (required for an e-mail invitation) and its role. */
export const consortiumAccept = z.object({
  organisationId: uuid.optional(),
  role: text(consortiumLimits.role).default(''),
})
export type ConsortiumAccept = z.output<typeof consortiumAccept>

export const consortiumParams = z.object({ consortiumId: uuid })
export const consortiumMemberParams = z.object({ consortiumId: uuid, memberId: uuid })
export const consortiumTokenParams = z.object({ token: z.string().min(20).max(200) })

export const consortiumListQuery = pageQuery.extend({
  status: z.enum(consortiumStatuses).optional(),
})

/** An organisation as a consortium shows it: `name` null when its identity may not be shown yet. */
export const consortiumOrganisation = z.object({
  id: uuid,
  name: z.string().nullable(),
  country: z.string().nullable(),
  type: z.string().nullable(),
  smeStatus: z.string().nullable(),
})
export type ConsortiumOrganisation = z.infer<typeof consortiumOrganisation>

export const consortiumMember = z.object({
  id: uuid,
  lead: z.boolean(),
  organisation: consortiumOrganisation.nullable(),
  /** Shown to the lead's side and the brokers only. */
  invitedEmail: z.string().nullable(),
  role: z.string(),
  source: z.enum(consortiumSources),
  sourceRef: z.string().nullable(),
  status: z.enum(consortiumMemberStatuses),
  invitedAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  /** The caller belongs to this member's organisation. */
  mine: z.boolean(),
})
export type ConsortiumMember = z.infer<typeof consortiumMember>

export const consortium = z.object({
  id: uuid,
  name: z.string(),
  acronym: z.string(),
  status: z.enum(consortiumStatuses),
  call: z.object({
    id: uuid,
    code: z.string(),
    title: localizedText,
    phase: z.enum(['draft', 'scheduled', 'open', 'closed', 'cancelled']),
    closesAt: isoDateTime,
  }),
  challenge: z.object({ id: uuid, code: z.string(), title: z.string() }).nullable(),
  leadOrganisation: consortiumOrganisation,
  /** What the lead does in the project. */
  leadRole: z.string(),
  members: z.array(consortiumMember),
  /**
   * The call's consortium rules on the lead and the accepted members (shared/calls `checkConsortium`);
   * `text` is the reason in the reader's language (their account's, else English).
   */
  rules: z.array(ruleOutcome.extend({ text: z.string() })),
  rulesPass: z.boolean(),
  application: z.object({ id: uuid, reference: z.string() }).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** invite, remove, convert, dissolve (the lead's side); accept, decline (an invited organisation's). */
  abilities,
})
export type Consortium = z.infer<typeof consortium>

export const consortiumSummary = consortium.pick({
  id: true,
  name: true,
  acronym: true,
  status: true,
  call: true,
  challenge: true,
  leadOrganisation: true,
  rulesPass: true,
  application: true,
  updatedAt: true,
})
export const consortiumPage = pageOf(
  consortiumSummary.extend({
    accepted: z.number().int(),
    pending: z.number().int(),
    /** The caller's organisation is invited and has not answered. */
    invitedMe: z.boolean(),
  }),
)
export type ConsortiumPage = z.infer<typeof consortiumPage>

/** What an e-mail invitation's link shows before the invitee answers. */
export const consortiumInvitation = z.object({
  consortiumId: uuid,
  name: z.string(),
  acronym: z.string(),
  leadOrganisation: z.string(),
  call: z.object({ code: z.string(), title: localizedText }),
  challenge: z.string().nullable(),
  role: z.string(),
  message: z.string(),
  status: z.enum(consortiumMemberStatuses),
  expiresAt: isoDateTime.nullable(),
  expired: z.boolean(),
})
export type ConsortiumInvitation = z.infer<typeof consortiumInvitation>

export const consortiumConversion = z.object({
  consortiumId: uuid,
  applicationId: uuid,
  reference: z.string(),
  /** False when the consortium had already been converted: the same application is returned. */
  created: z.boolean(),
})
export type ConsortiumConversion = z.infer<typeof consortiumConversion>

export const consortiumCandidatesQuery = z.object({ q: z.string().trim().max(200).default('') })
/** Organisations the lead may invite by name (identity visible to the caller, not in the consortium yet). */
export const consortiumCandidates = z.object({ items: z.array(consortiumOrganisation) })
