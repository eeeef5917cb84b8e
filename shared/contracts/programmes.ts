import { z } from 'zod'
import { isoDate, isoDateTime, localizedText, uuid } from './common.ts'

export const clusterRoles = ['coordinator', 'partner', 'platform'] as const

export const cluster = z.object({
  id: uuid,
  organisationId: uuid,
  name: z.string(),
  shortName: z.string().nullable(),
  country: z.string(),
  website: z.string().nullable(),
  role: z.enum(clusterRoles),
  description: localizedText,
})
export type Cluster = z.infer<typeof cluster>

export const domain = z.object({
  id: uuid,
  code: z.string(),
  name: localizedText,
  description: localizedText,
})
export type Domain = z.infer<typeof domain>

export const callSummary = z.object({
  id: uuid,
  code: z.string(),
  title: localizedText,
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  timeZone: z.string(),
  status: z.enum(['upcoming', 'open', 'closed']),
})
export type CallSummary = z.infer<typeof callSummary>

export const programme = z.object({
  id: uuid,
  slug: z.string(),
  acronym: z.string(),
  name: z.string(),
  summary: localizedText,
  description: localizedText,
  grantReference: z.string().nullable(),
  website: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  timeZone: z.string(),
  requireOperatorTwoFactor: z.boolean(),
  clusters: z.array(cluster),
  domains: z.array(domain),
  calls: z.array(callSummary),
})
export type Programme = z.infer<typeof programme>

/** What an operator may change in the programme's settings (more settings join as modules need them). */
export const programmeSettingsPatch = z.object({
  requireOperatorTwoFactor: z.boolean().optional(),
})
