import { sql } from 'kysely'
import type { ConsortiumSource } from '../../../../../shared/contracts/consortia.ts'
import type { Tx } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function invalid(message: string): DomainError {
  return new DomainError('consortium_source_invalid', message, {}, [
    { path: 'sourceRef', code: 'consortium_source_invalid', message },
  ])
}

/**
 * Checks where an invited organisation was found, when the reference is given:
 *  - `partner_search`: an ACCEPTED expression of interest between the two organisations (either one
 *    wrote the post, the other the interest) — required;
 *  - `brokerage`: an ACCEPTED meeting request of a brokerage event between participants of the two
 *    organisations (the request's id, or the id of the meeting scheduled for it) — required;
 *  - `recommendation`: recommendations are computed, not stored: the reference (what they were asked
 *    for) is kept as given;
 *  - `direct`, `email`: no reference.
 * A reference that does not exist or does not involve both organisations is 422
 * `consortium_source_invalid`, the same answer either way (nothing is learnt about others' objects).
 */
export async function checkSource(
  tx: Tx,
  source: ConsortiumSource,
  sourceRef: string | null,
  leadOrganisationId: string,
  invitedOrganisationId: string | null,
): Promise<void> {
  if (source === 'direct' || source === 'email') {
    if (sourceRef !== null) throw invalid('This kind of invitation has no source reference.')
    return
  }
  if (source === 'recommendation') return
  if (sourceRef === null || !uuidPattern.test(sourceRef))
    throw invalid('Name the accepted interest or meeting this partner comes from.')
  if (invitedOrganisationId === null) throw invalid('This source is for invitations by organisation.')
  const pair = [leadOrganisationId, invitedOrganisationId]
  if (source === 'partner_search') {
    const found = await tx
      .selectFrom('expressions_of_interest as i')
      .innerJoin('partnering_posts as p', 'p.id', 'i.post_id')
      .select('i.id')
      .where('i.id', '=', sourceRef)
      .where('i.status', '=', 'accepted')
      .where('p.organisation_id', 'in', pair)
      .where('i.organisation_id', 'in', pair)
      .where((eb) => eb('p.organisation_id', '<>', eb.ref('i.organisation_id')))
      .executeTakeFirst()
    if (!found) throw invalid('No accepted expression of interest between the two organisations has this reference.')
    return
  }
  const found = await sql<{ id: string }>`
    select r.id from brokerage_meeting_requests r
      join brokerage_participants f on f.id = r.from_participant_id
      join brokerage_participants t on t.id = r.to_participant_id
    where (r.id = ${sourceRef}::uuid
        or r.id = (select m.request_id from brokerage_meetings m where m.id = ${sourceRef}::uuid))
      and r.status = 'accepted'
      and f.organisation_id in (${pair[0]}::uuid, ${pair[1]}::uuid)
      and t.organisation_id in (${pair[0]}::uuid, ${pair[1]}::uuid)
      and f.organisation_id <> t.organisation_id`.execute(tx)
  if (found.rows.length === 0)
    throw invalid('No accepted brokerage meeting between the two organisations has this reference.')
}
