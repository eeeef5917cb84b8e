import type { Workshop } from '../../../../shared/contracts/workshops.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { visibleUseCases } from '../../use-cases/index.ts'
import { isOrganiser, iso, type WorkshopRow } from '../commands/guard.ts'
import { voteOpen } from '../domain/ballot.ts'
import type { RegistrationStatus } from '../domain/registration.ts'

export function calendarUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/api/v1/workshops/${id}/calendar.ics`
}

/** The use cases put to the workshop's vote that `actor` may see (the use-case visibility rule), by id. */
export function visibleLinkedUseCases(db: Queryable, actor: Actor, workshopId: string) {
  return visibleUseCases(db, actor)
    .innerJoin('workshop_use_cases as l', 'l.use_case_id', 'uc.id')
    .innerJoin('organisations as o', 'o.id', 'uc.organisation_id')
    .select(['uc.id', 'uc.reference', 'uc.title', 'uc.organisation_id', 'o.legal_name'])
    .where('l.workshop_id', '=', workshopId)
    .orderBy('uc.id')
}

/** Capacity minus approved registrations, never below zero. */
export async function seatsLeft(db: Queryable, w: Pick<WorkshopRow, 'id' | 'capacity'>): Promise<number> {
  const row = await db
    .selectFrom('workshop_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workshop_id', '=', w.id)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow()
  return Math.max(0, w.capacity - Number(row.n))
}

/**
 * The API shape of a workshop for `actor`: the meeting link only for organisers and approved people;
 * the use cases put to the vote only as far as the actor may see them (a participant is never shown
 * the id, title or number of a use case hidden from them).
 */
export async function toWorkshop(
  db: Queryable,
  actor: Actor,
  w: WorkshopRow,
  publicUrl: string,
  now: Date,
): Promise<Workshop> {
  const links = await visibleLinkedUseCases(db, actor, w.id).execute()
  const left = await seatsLeft(db, w)
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
  const create = can(actor, 'use_case.create')
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
    seatsLeft: left,
    domainIds: w.domain_ids,
    meetingUrl: organiser || approved ? w.meeting_url : null,
    location: w.location,
    sequence: w.sequence,
    pointsBudget: w.points_budget,
    voteClosesAt: w.vote_closes_at ? iso(w.vote_closes_at) : null,
    useCaseIds: links.map((l) => l.id),
    useCases: links.map((l) => ({
      id: l.id,
      reference: l.reference,
      title: l.title,
      organisation: { id: l.organisation_id, name: l.legal_name },
    })),
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
      // Capturing a use case here (create-use-case.ts checks the same, plus the organisation).
      captureUseCase:
        w.status !== 'published'
          ? { allowed: false, reason: 'wrong_status' }
          : !organiser && !approved
            ? { allowed: false, reason: 'not_a_participant' }
            : create,
    },
  }
}
