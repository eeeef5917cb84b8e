import type { Workshop } from '../../../../shared/contracts/workshops.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { isOrganiser, iso, type WorkshopRow } from '../commands/guard.ts'
import { voteOpen } from '../domain/ballot.ts'
import type { RegistrationStatus } from '../domain/registration.ts'

export function calendarUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/api/v1/workshops/${id}/calendar.ics`
}

/** The API shape of a workshop for `actor`: the meeting link only for organisers and approved people. */
export async function toWorkshop(
  db: Queryable,
  actor: Actor,
  w: WorkshopRow,
  publicUrl: string,
  now: Date,
): Promise<Workshop> {
  const links = await db
    .selectFrom('workshop_use_cases')
    .select('use_case_id')
    .where('workshop_id', '=', w.id)
    .orderBy('use_case_id')
    .execute()
  const mine = actor.userId
    ? await db
        .selectFrom('workshop_registrations')
        .select('status')
        .where('workshop_id', '=', w.id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst()
    : undefined
  const status = (mine?.status ?? null) as RegistrationStatus | null
  const organiser = isOrganiser(actor, w)
  const approved = status === 'approved'
  const deny = { allowed: false as const, reason: 'missing_role' as const }
  const register = can(actor, 'workshop.register')
  const vote = can(actor, 'workshop.vote')
  return {
    id: w.id,
    programmeId: w.programme_id,
    clusterId: w.cluster_id,
    status: w.status as Workshop['status'],
    title: w.title,
    description: w.description,
    format: w.format as Workshop['format'],
    startsAt: iso(w.starts_at),
    endsAt: iso(w.ends_at),
    timeZone: w.time_zone,
    capacity: w.capacity,
    domainIds: w.domain_ids,
    meetingUrl: organiser || approved ? w.meeting_url : null,
    location: w.location,
    sequence: w.sequence,
    pointsBudget: w.points_budget,
    voteClosesAt: w.vote_closes_at ? iso(w.vote_closes_at) : null,
    useCaseIds: links.map((l) => l.use_case_id),
    calendarUrl: calendarUrl(publicUrl, w.id),
    myRegistration: status,
    abilities: {
      manage: organiser ? { allowed: true } : deny,
      register: w.status !== 'published' || status !== null ? { allowed: false, reason: 'wrong_status' } : register,
      vote: !approved
        ? deny
        : !voteOpen(w.vote_closes_at ? new Date(w.vote_closes_at) : null, now)
          ? { allowed: false, reason: 'wrong_status' }
          : vote,
    },
  }
}
