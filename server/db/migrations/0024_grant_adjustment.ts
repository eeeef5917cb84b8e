import type { Kysely } from 'kysely'
import { runStatements } from '../../platform/db/migrate.ts'

/**
 * A funded decision's amount may be cut before it is notified (issue 7 §10: "accept the grant and any budget
 * cut"): the reason the applicant reads, who cut it and when. The amount the scenario gave stays in the
 * audit log.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table evaluation_decisions
      add column adjustment_reason text,
      add column adjusted_at timestamptz,
      add column adjusted_by uuid references users (id) on delete set null`,
  ])
}
