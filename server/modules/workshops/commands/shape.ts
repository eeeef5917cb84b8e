import type { Tx } from '../../../platform/db/client.ts'
import { fieldError } from '../../../platform/errors.ts'

interface Shape {
  format: string
  startsAt: string | Date
  endsAt: string | Date
  meetingUrl: string | null
  location: string | null
  domainIds: string[]
}

/** Rules across fields: end after start, a link for online, a place for on site, the programme's domains. */
export async function checkShape(tx: Tx, programmeId: string, s: Shape): Promise<void> {
  if (new Date(s.endsAt).getTime() <= new Date(s.startsAt).getTime())
    throw fieldError('endsAt', 'before_start', 'The workshop must end after it starts.')
  if (s.format !== 'on_site' && !s.meetingUrl)
    throw fieldError('meetingUrl', 'required', 'An online or hybrid workshop needs a meeting link.')
  if (s.format !== 'online' && !s.location)
    throw fieldError('location', 'required', 'An on-site or hybrid workshop needs a location.')
  if (s.domainIds.length > 0) {
    const found = await tx
      .selectFrom('domains')
      .select('id')
      .where('programme_id', '=', programmeId)
      .where('id', 'in', s.domainIds)
      .execute()
    const known = new Set(found.map((d) => d.id))
    const i = s.domainIds.findIndex((id) => !known.has(id))
    if (i >= 0) throw fieldError(`domainIds.${i}`, 'unknown_domain', 'Not a domain of this programme.')
  }
}
