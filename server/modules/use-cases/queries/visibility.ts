import { type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { DB } from '../../../db/types.generated.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { clusterGrants, programmesWhere } from '../domain/parties.ts'

/**
 * The clusters that follow the use case `uc`: the organising clusters of the workshops it was captured
 * at or put to the vote at, and the clusters its organisation is a member of. One definition, used by
 * the rule below and selected as `cluster_ids` on every row a command works on (domain/parties.ts).
 */
const followingClusters = sql`select w.cluster_id from workshop_use_cases l
    join workshops w on w.id = l.workshop_id where l.use_case_id = uc.id
  union select w.cluster_id from workshops w where w.id = uc.workshop_id
  union select m.cluster_id from cluster_members m where m.organisation_id = uc.organisation_id`

/** The ids of the clusters following `uc`, as a column (`cluster_ids`). */
export const clusterIdsOfUseCase: RawBuilder<string[]> = sql<string[]>`array(${followingClusters})::text[]`

/**
 * THE visibility rule for use cases, used by every read (list, total counts, search, get, comments,
 * revisions, export, the workshops' views and tallies) and by every command before it touches one.
 * Who sees a use case:
 *  - the members of its organisation, always (drafts included);
 *  - operators of its programme, all;
 *  - cluster staff of its programme, all but drafts, and only those their cluster follows: captured at
 *    or put to the vote at a workshop of their cluster, or written by a member organisation of it;
 *  - approved registrants of a published workshop that puts it to the vote, when it is `programme` or
 *    `public` and not a draft (they read what they vote on); `restricted` stays with the owner and staff;
 *  - anyone else signed in, only `public` ones that are `accepted` or `promoted`;
 *  - anonymous and disabled callers, none (the public catalogue shows challenges, not use cases).
 * Being a party (author, staff: domain/parties.ts) follows the same rule. A use case outside it does
 * not exist for the caller: 404 `use_case_not_found`, never 403.
 */
export function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { uc: DB['use_cases'] }, 'uc'>) => {
    if (actor.kind === 'system') return sql<SqlBool>`true`
    if (actor.kind === 'anonymous' || actor.disabled) return sql<SqlBool>`false`
    const orgs = [...actor.memberships.keys()]
    const operatorIn = programmesWhere(actor, 'operator')
    const any = [eb.and([eb('uc.confidentiality', '=', 'public'), eb('uc.status', 'in', ['accepted', 'promoted'])])]
    if (orgs.length > 0) any.push(eb('uc.organisation_id', 'in', orgs))
    if (operatorIn.length > 0) any.push(eb('uc.programme_id', 'in', operatorIn))
    for (const g of clusterGrants(actor)) {
      any.push(
        eb.and([
          eb('uc.programme_id', '=', g.programmeId),
          eb('uc.status', '!=', 'draft'),
          sql<SqlBool>`${g.clusterId}::uuid in (${followingClusters})`,
        ]),
      )
    }
    if (actor.userId) {
      any.push(
        eb.and([
          eb('uc.confidentiality', 'in', ['public', 'programme']),
          eb('uc.status', '!=', 'draft'),
          eb.exists(
            eb
              .selectFrom('workshop_use_cases as vl')
              .innerJoin('workshops as vw', 'vw.id', 'vl.workshop_id')
              .innerJoin('workshop_registrations as vr', 'vr.workshop_id', 'vw.id')
              .select('vl.use_case_id')
              .whereRef('vl.use_case_id', '=', 'uc.id')
              .where('vw.status', '=', 'published')
              .where('vr.user_id', '=', actor.userId)
              .where('vr.status', '=', 'approved'),
          ),
        ]),
      )
    }
    return eb.or(any)
  }
}

/** The use cases `actor` may see, as `uc`: start every use-case query here. */
export function visibleUseCases(db: Queryable, actor: Actor) {
  return db.selectFrom('use_cases as uc').where(visibleTo(actor))
}
