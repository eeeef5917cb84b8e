import { z } from 'zod'
import { abilities, isoDateTime, uuid } from './common.ts'

export const workshopFormats = ['online', 'on_site', 'hybrid'] as const
export const workshopStatuses = ['draft', 'published', 'cancelled'] as const
export const registrationStatuses = ['pending', 'approved', 'rejected', 'waitlisted', 'cancelled'] as const

/** An IANA time zone the runtime knows (checked with Intl). */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz })
        return true
      } catch {
        return false
      }
    },
    { message: 'invalid_time_zone' },
  )

const text = (max: number) => z.string().trim().min(1).max(max)
const url = z.url({ protocol: /^https?$/ }).max(500)

const workshopFields = {
  title: text(200),
  description: z.string().trim().max(10_000),
  format: z.enum(workshopFormats),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone,
  capacity: z.number().int().min(1).max(10_000),
  domainIds: z.array(uuid).max(20),
  meetingUrl: url.nullable(),
  location: z.string().trim().max(500).nullable(),
  pointsBudget: z.number().int().min(1).max(1000),
  voteClosesAt: isoDateTime.nullable(),
}

export const workshopCreate = z.object({
  clusterId: uuid,
  ...workshopFields,
  description: workshopFields.description.default(''),
  domainIds: workshopFields.domainIds.default([]),
  meetingUrl: workshopFields.meetingUrl.default(null),
  location: workshopFields.location.default(null),
  pointsBudget: workshopFields.pointsBudget.default(10),
  voteClosesAt: workshopFields.voteClosesAt.default(null),
})
export const workshopUpdate = z.object(workshopFields).partial()

/** A use case put to the workshop's vote, as far as the caller may see it (the use-case visibility rule). */
export const workshopUseCase = z.object({
  id: uuid,
  reference: z.string(),
  title: z.string(),
  organisation: z.object({ id: uuid, name: z.string() }),
})
export type WorkshopUseCase = z.infer<typeof workshopUseCase>

export const workshop = z.object({
  id: uuid,
  programmeId: uuid,
  clusterId: uuid,
  status: z.enum(workshopStatuses),
  title: z.string(),
  description: z.string(),
  format: z.enum(workshopFormats),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: z.string(),
  capacity: z.number().int(),
  /** Capacity minus the approved registrations (never below zero). */
  seatsLeft: z.number().int(),
  domainIds: z.array(uuid),
  /** Shown to organisers and approved registrants only; null for everyone else. */
  meetingUrl: z.string().nullable(),
  location: z.string().nullable(),
  sequence: z.number().int(),
  pointsBudget: z.number().int(),
  voteClosesAt: isoDateTime.nullable(),
  /** The use cases put to the vote that the caller may see (others are left out, never named). */
  useCaseIds: z.array(uuid),
  useCases: z.array(workshopUseCase),
  calendarUrl: z.string(),
  myRegistration: z.enum(registrationStatuses).nullable(),
  abilities,
})
export type Workshop = z.infer<typeof workshop>
export const workshopList = z.object({ items: z.array(workshop) })

export const workshopInvite = z
  .object({
    organisationIds: z.array(uuid).max(100).default([]),
    emails: z.array(z.email().max(320)).max(500).default([]),
  })
  .refine((v) => v.organisationIds.length + v.emails.length > 0, { message: 'nobody_invited' })
export const workshopInviteResult = z.object({ invited: z.array(z.string()) })

export const registration = z.object({
  id: uuid,
  userId: uuid,
  name: z.string(),
  email: z.string(),
  status: z.enum(registrationStatuses),
  attended: z.boolean().nullable(),
  createdAt: isoDateTime,
})
export type Registration = z.infer<typeof registration>
export const registrationList = z.object({ items: z.array(registration) })
export const registrationDecision = z.object({ decision: z.enum(['approved', 'rejected']) })
export const attendanceInput = z.object({ attended: z.boolean() })

export const workshopUseCasesInput = z.object({ useCaseIds: z.array(uuid).max(100) })

export const ballotInput = z.object({
  allocations: z.array(z.object({ useCaseId: uuid, points: z.number() })).max(100),
})
/** A participant's points (GET: the saved ballot, only on use cases the participant may see). */
export const ballot = z.object({
  allocations: z.array(z.object({ useCaseId: uuid, points: z.number().int() })),
  budget: z.number().int(),
  spent: z.number().int(),
})

export const tallyRow = z.object({
  useCaseId: uuid,
  title: z.string(),
  points: z.number().int(),
  voters: z.number().int(),
  rank: z.number().int(),
})
export const workshopResults = z.object({
  voters: z.number().int(),
  closed: z.boolean(),
  rows: z.array(tallyRow),
})
