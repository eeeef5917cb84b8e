import { type RawBuilder, sql } from 'kysely'
import type { Actor } from '../../../../platform/authz/actor.ts'
import { isBroker, isPlatformMember } from '../../../organisations/domain/disclosure.ts'

/**
 * THE disclosure rule (organisations/domain/disclosure.ts `identityVisible`) as SQL over a solution `s`,
 * for the catalogue's searches and sorts: whether `actor` may know the owner of each row. It reads the
 * owner's visibility copied onto the row (`s.owner_visibility`, migration 0014). Null when the actor
 * sees every owner (operators, cluster staff, the system): no condition at all.
 * Checked against `identityVisible` for every kind of caller (tests/integration/catalogue-solutions.test.ts).
 */
export function ownerShownSql(actor: Actor): RawBuilder<boolean> | null {
  if (actor.kind === 'system' || isBroker(actor)) return null
  const own = [...actor.memberships.keys()]
  const ownCase = own.length > 0 ? sql`when s.organisation_id in (${sql.join(own)}) then true` : sql``
  return sql<boolean>`(case ${ownCase}
    when s.visibility = 'anonymous' then false
    when s.owner_visibility = 'public' then true
    when s.owner_visibility = 'members' then ${sql.lit(isPlatformMember(actor))}
    else false end)`
}
