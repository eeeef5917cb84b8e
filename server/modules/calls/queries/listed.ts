import { type RawBuilder, type SqlBool, sql } from 'kysely'

/**
 * The rule for calls listed outside the operators' views (programme home, challenge and domain pages,
 * the catalogue's call filter, the programme endpoint): published and not cancelled. A draft exists
 * only for its programme's operators; a cancelled call keeps its own page (`/calls/:code`, as
 * cancelled) but is no longer offered anywhere else. `alias` names the `calls` table in the query.
 */
export function listedCallSql(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.published_at`)} is not null and ${sql.ref(`${alias}.cancelled_at`)} is null)`
}

/** The same rule on a loaded row. */
export function isListedCall(c: { published_at: Date | string | null; cancelled_at: Date | string | null }): boolean {
  return c.published_at !== null && c.cancelled_at === null
}
