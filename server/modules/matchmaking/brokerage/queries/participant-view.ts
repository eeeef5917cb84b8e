import { sql } from 'kysely'
import type { BrokerageStatus, MeetingRequestStatus, Participant } from '../../../../../shared/contracts/brokerage.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { can } from '../../../../platform/authz/policy.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { shownOrganisation } from '../../partnering/queries/post-view.ts'
import { effectiveStatus, requestRefusal } from '../domain/rules.ts'
import type { EventRow } from './access.ts'

export interface ParticipantFacts {
  id: string
  event_id: string
  user_id: string
  organisation_id: string
  anonymous: boolean
  profile: string
  offer: string
  request: string
  person_name: string
  org_name: string
  org_country: string
  org_type: string
  org_visibility: string
}

/** Participants with their person's name and their organisation's facts, as `bp`, `u` and `o`. */
export function selectParticipants(db: Queryable) {
  return db
    .selectFrom('brokerage_participants as bp')
    .innerJoin('organisations as o', 'o.id', 'bp.organisation_id')
    .innerJoin('users as u', 'u.id', 'bp.user_id')
    .select([
      'bp.id',
      'bp.event_id',
      'bp.user_id',
      'bp.organisation_id',
      'bp.anonymous',
      'bp.profile',
      'bp.offer',
      'bp.request',
      'u.name as person_name',
      'o.legal_name as org_name',
      'o.country as org_country',
      'o.type as org_type',
      'o.visibility as org_visibility',
    ])
}

interface PairRequest {
  id: string
  from_participant_id: string
  to_participant_id: string
  status: MeetingRequestStatus
  expires_at: Date
}

/** The requests between one participant and others, newest first. */
export async function requestsWith(
  db: Queryable,
  me: string | null,
  others: readonly string[],
): Promise<PairRequest[]> {
  if (!me || others.length === 0) return []
  const rows = await db
    .selectFrom('brokerage_meeting_requests')
    .select(['id', 'from_participant_id', 'to_participant_id', 'status', 'expires_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('from_participant_id', '=', me), eb('to_participant_id', 'in', [...others])]),
        eb.and([eb('to_participant_id', '=', me), eb('from_participant_id', 'in', [...others])]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute()
  return rows as PairRequest[]
}

/**
 * A participant as the caller may see them: the organisation by partner search's rule (`shownOrganisation`: its
 * members and brokers always; a participant who registered anonymously, or whose profile is anonymous, by country
 * and type only — until a request between the two is accepted), and the person's name only with a disclosed
 * organisation.
 */
export function shownParticipant(
  actor: Actor,
  p: ParticipantFacts,
  revealed: boolean,
): Pick<Participant, 'id' | 'organisation' | 'name'> {
  const organisation = shownOrganisation(
    actor,
    { id: p.organisation_id, name: p.org_name, country: p.org_country, type: p.org_type, visibility: p.org_visibility },
    { anonymousPost: p.anonymous, revealed },
  )
  return { id: p.id, organisation, name: organisation.disclosed ? p.person_name : null }
}

export async function toParticipants(
  db: Queryable,
  actor: Actor,
  event: EventRow,
  rows: readonly ParticipantFacts[],
  me: { id: string; organisation_id: string } | null,
  now: Date,
): Promise<Participant[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [pairs, availability] = await Promise.all([
    requestsWith(db, me?.id ?? null, ids),
    db
      .selectFrom('brokerage_availability as a')
      .innerJoin('brokerage_slots as s', 's.id', 'a.slot_id')
      .select(['a.participant_id', 'a.slot_id'])
      .where('a.participant_id', 'in', ids)
      .orderBy('s.starts_at')
      .execute(),
  ])
  const participate = can(actor, 'brokerage.participate')
  return rows.map((r) => {
    const mine = r.user_id === actor.userId
    const withMe = pairs.filter((q) => q.from_participant_id === r.id || q.to_participant_id === r.id)
    const revealed = withMe.some((q) => q.status === 'accepted')
    const live = withMe.find((q) => {
      const s = effectiveStatus(q.status, new Date(q.expires_at), now)
      return s === 'pending' || s === 'accepted'
    })
    const latest = live ?? withMe[0]
    const refusal = me
      ? requestRefusal({
          eventStatus: event.status as BrokerageStatus,
          from: { id: me.id, organisationId: me.organisation_id },
          to: { id: r.id, organisationId: r.organisation_id },
          liveRequestExists: live !== undefined,
        })
      : null
    return {
      ...shownParticipant(actor, r, revealed),
      anonymous: r.anonymous,
      profile: r.profile,
      offer: r.offer,
      request: r.request,
      slotIds: availability.filter((a) => a.participant_id === r.id).map((a) => a.slot_id),
      mine,
      requestWithMe: latest
        ? {
            id: latest.id,
            status: effectiveStatus(latest.status, new Date(latest.expires_at), now),
            sent: latest.from_participant_id === me?.id,
          }
        : null,
      abilities: {
        requestMeeting: !participate.allowed
          ? participate
          : !me
            ? { allowed: false, reason: 'not_a_participant' }
            : refusal === 'meeting_request_own_organisation'
              ? { allowed: false, reason: 'own_organisation' }
              : refusal
                ? { allowed: false, reason: 'wrong_status' }
                : { allowed: true },
      },
    }
  })
}

/** Full-text condition over the participants' own texts (never a name). */
export const participantMatches = (tsq: unknown) => sql<boolean>`bp.search_vector @@ ${tsq}`
