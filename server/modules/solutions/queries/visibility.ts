import { type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { DB } from '../../../db/types.generated.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { isBroker, isPlatformMember } from '../../organisations/domain/disclosure.ts'

/**
 * THE visibility rule for solutions, used by every read (catalogue, counts, facets, get, media,
 * exports, recommendations later) as `s`:
 *  - members of the owning organisation: all of theirs (drafts and archived included);
 *  - operators and cluster staff: every published one;
 *  - platform members: published `public`, `members` and `anonymous` ones;
 *  - everyone else (anonymous callers, accounts without organisation or role): published `public`
 *    and `anonymous` ones.
 * Whether the OWNER is shown is a separate rule (organisations/domain/disclosure.ts identityVisible):
 * an `anonymous` solution is listed, its owner is not. Unseen = 404 `solution_not_found`.
 */
export function solutionVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { s: DB['solutions'] }, 's'>) => {
    if (actor.kind === 'system') return sql<SqlBool>`true`
    if (actor.disabled) return sql<SqlBool>`false`
    const own = [...actor.memberships.keys()]
    const published = eb('s.status', '=', 'published')
    const listed = isBroker(actor)
      ? published
      : eb.and([
          published,
          eb(
            's.visibility',
            'in',
            isPlatformMember(actor) ? ['public', 'members', 'anonymous'] : ['public', 'anonymous'],
          ),
        ])
    return own.length > 0 ? eb.or([listed, eb('s.organisation_id', 'in', own)]) : listed
  }
}

/** The solutions `actor` may see, as `s`: start every solution query here. */
export function visibleSolutions(db: Queryable, actor: Actor) {
  return db.selectFrom('solutions as s').where(solutionVisibleTo(actor))
}
