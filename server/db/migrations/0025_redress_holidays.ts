import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * The public holidays of a call that are not working days when a redress request's due date is counted
 * (server/modules/evaluation/redress/domain/dates.ts): local calendar days in the call's zone, declared by
 * an operator in the evaluation settings, unique and in order (at most 60).
 *
 * `date[]` rather than a JSON list: PostgreSQL itself refuses a day that does not exist. The drivers read
 * a `date[]` differently (PGlite as strings, node-postgres as Dates at local midnight), so it is read as
 * `redress_holidays::text[]` (common/settings.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table evaluation_settings
      add column redress_holidays date[] not null default '{}'
        check (cardinality(redress_holidays) <= 60)`,
  ])
}
