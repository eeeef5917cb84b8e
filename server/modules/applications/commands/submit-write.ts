import { sql } from 'kysely'
import { recordAuditFrom } from '../../../platform/audit/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import type { ApplicationRow } from '../queries/rows.ts'
import type { PreparedSubmission } from './prepare-submission.ts'
import { RECEIPT_MAIL_QUEUE } from './receipt-mail.ts'

export interface SubmissionWrite {
  id: string
  /** The snapshot the submission was prepared from (and checked against: writable, version). */
  row: ApplicationRow
  prepared: PreparedSubmission
  idempotencyKey: string
  requestHash: string
  now: Date
}

/** The audit event of a submission (also written by the locked path). */
export function submittedEvent(id: string, version: number, p: PreparedSubmission) {
  return {
    action: 'application.submitted',
    subjectType: 'application',
    subjectId: id,
    change: {
      revision: p.revision,
      version,
      digest: p.digest,
      receiptId: p.receipt.payload.receiptId,
      keyId: p.receipt.keyId,
    },
  }
}

/**
 * The submission's writes in ONE statement, atomic on its own (no BEGIN, no row lock held across
 * round trips): the application's new status, the immutable revision, the receipt mail job and the
 * audit event — if and only if the application and its call are still exactly as in the snapshot the
 * submission was checked and prepared from: same version, same last revision, same status, same
 * publication, cancellation, opening and deadline (so the same `now` is still allowed to write). The
 * UPDATE takes the row lock and re-checks its condition on the newest row, so a concurrent submission
 * of the same application makes this one write nothing. Returns false when nothing was written: the
 * caller then takes the locked path, which says what moved (a replay, a stale version, a deadline).
 */
export async function writeSubmissionIfUnchanged(ctx: CommandContext, w: SubmissionWrite): Promise<boolean> {
  const { row, prepared: p, now } = w
  const at = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
  const result = await sql<{ id: string }>`with upd as (
      update applications a
      set status = 'submitted', submitted_revision = ${p.revision}, submitted_at = ${now}, updated_at = ${now}
      where a.id = ${w.id} and a.version = ${row.version} and a.status = ${row.status}
        and a.submitted_revision is not distinct from ${row.submitted_revision}::integer
        and exists (select 1 from calls c where c.id = a.call_id
          and c.published_at is not distinct from ${at(row.published_at)}::timestamptz
          and c.cancelled_at is not distinct from ${at(row.cancelled_at)}::timestamptz
          and c.opens_at = ${at(row.opens_at)}::timestamptz and c.closes_at = ${at(row.closes_at)}::timestamptz)
      returning a.id
    ), revision as (
      insert into application_revisions (application_id, revision, content, files, digest, receipt, signature,
        key_id, idempotency_key, request_hash, submitted_by, submitted_at)
      select upd.id, ${p.revision}::integer, ${JSON.stringify(p.content)}::jsonb, ${JSON.stringify(p.files)}::jsonb,
        ${p.digest}, ${JSON.stringify(p.receipt)}::jsonb, ${p.receipt.signature}, ${p.receipt.keyId},
        ${w.idempotencyKey}, ${w.requestHash}, ${ctx.actor.userId}::uuid, ${now.toISOString()}::timestamptz
      from upd
    ), job as (
      insert into jobs (queue, payload, run_at)
      select ${RECEIPT_MAIL_QUEUE}, ${JSON.stringify({ applicationId: w.id, revision: p.revision })}::jsonb,
        ${now.toISOString()}::timestamptz
      from upd
    ), audit as (${recordAuditFrom(ctx, submittedEvent(w.id, row.version, p), 'upd')})
    select id from upd`.execute(ctx.db)
  return result.rows.length === 1
}
