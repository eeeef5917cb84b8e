import { type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { DB } from '../../../db/types.generated.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { programmesWhere } from '../domain/parties.ts'

/**
 * THE visibility rule for use cases, used by every read (list, count, get, comments, revisions) and
 * by every command before it touches one. Who sees a use case:
 *  - the members of its organisation, always (drafts included);
 *  - operators of its programme, all;
 *  - cluster staff of its programme, all but drafts (narrowed to their cluster's workshops and members
 *    once workshops exist);
 *  - anyone else signed in, only `public` ones that are `accepted` or `promoted`;
 *  - anonymous callers, none (the public catalogue shows challenges, not use cases).
 * `restricted` and `programme` ones are therefore never shown to another organisation for now; when
 * workshops arrive, `programme` widens to the participants of the use case's workshop.
 * A use case outside this rule does not exist for the caller: 404 `use_case_not_found`, never 403.
 */
export function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { uc: DB['use_cases'] }, 'uc'>) => {
    if (actor.kind === 'system') return sql<SqlBool>`true`
    if (actor.kind === 'anonymous' || actor.disabled) return sql<SqlBool>`false`
    const orgs = [...actor.memberships.keys()]
    const operatorIn = programmesWhere(actor, 'operator')
    const staffIn = programmesWhere(actor, 'cluster_staff')
    const any = [eb.and([eb('uc.confidentiality', '=', 'public'), eb('uc.status', 'in', ['accepted', 'promoted'])])]
    if (orgs.length > 0) any.push(eb('uc.organisation_id', 'in', orgs))
    if (operatorIn.length > 0) any.push(eb('uc.programme_id', 'in', operatorIn))
    if (staffIn.length > 0) any.push(eb.and([eb('uc.programme_id', 'in', staffIn), eb('uc.status', '!=', 'draft')]))
    return eb.or(any)
  }
}

/** The use cases `actor` may see, as `uc`: start every use-case query here. */
export function visibleUseCases(db: Queryable, actor: Actor) {
  return db.selectFrom('use_cases as uc').where(visibleTo(actor))
}
