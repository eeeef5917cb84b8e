import type { Queryable } from '../../../../platform/db/client.ts'
import { applicationFacts } from '../../ranking/queries/facts.ts'

/**
 * What each organisation was already granted in the programme's OTHER calls: funded decisions not
 * declined, each application's granted amount shared among its members in proportion to the cents they
 * requested in its submitted revision (the last member takes the rounding remainder, so shares add up).
 */
export async function priorGrantedCents(
  db: Queryable,
  programmeId: string,
  callId: string,
): Promise<Record<string, number>> {
  const decisions = await db
    .selectFrom('evaluation_decisions as d')
    .innerJoin('calls as c', 'c.id', 'd.call_id')
    .where('c.programme_id', '=', programmeId)
    .where('d.call_id', '!=', callId)
    .where('d.outcome', '=', 'funded')
    .where((eb) => eb.or([eb('d.response', 'is', null), eb('d.response', '!=', 'declined')]))
    .select(['d.application_id', 'd.call_id', 'd.granted_cents', 'd.requested_cents'])
    .execute()
  const out: Record<string, number> = {}
  const byCall = new Map<string, typeof decisions>()
  for (const d of decisions) byCall.set(d.call_id, [...(byCall.get(d.call_id) ?? []), d])
  for (const [otherCallId, list] of byCall) {
    const facts = new Map((await applicationFacts(db, otherCallId)).map((f) => [f.applicationId, f]))
    for (const d of list) {
      const f = facts.get(d.application_id)
      const granted = Number(d.granted_cents ?? d.requested_cents)
      if (!f || granted <= 0) continue
      const members = f.members.filter((m) => m.organisationId && m.requestedCents > 0)
      const requested = members.reduce((s, m) => s + m.requestedCents, 0)
      if (requested <= 0) continue
      let given = 0
      members.forEach((m, i) => {
        const share = i === members.length - 1 ? granted - given : Math.round((granted * m.requestedCents) / requested)
        given += share
        out[m.organisationId!] = (out[m.organisationId!] ?? 0) + share
      })
    }
  }
  return out
}
