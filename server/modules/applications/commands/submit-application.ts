import { sql } from 'kysely'
import type { z } from 'zod'
import type { SubmitResult, submitInput } from '../../../../shared/contracts/applications.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Queryable } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { canonical, sha256Hex, signerFor } from '../../../platform/signing/index.ts'
import { requireVisible } from '../queries/application-view.ts'
import { loadPartners, selectApplication } from '../queries/rows.ts'
import { requireLead, requireWritable } from './guard.ts'
import { type PreparedSubmission, prepareSubmission } from './prepare-submission.ts'
import { RECEIPT_MAIL_QUEUE } from './receipt-mail.ts'
import { submittedEvent, writeSubmissionIfUnchanged } from './submit-write.ts'

export type SubmitInput = z.output<typeof submitInput>

const KEY = /^[\x21-\x7e]{8,200}$/

/** The hash a retry must match: SHA-256 of the canonical JSON of the request body. */
export const requestHashOf = (input: SubmitInput) => sha256Hex(canonical(input))

interface StoredRevision {
  revision: number
  receipt: unknown
  request_hash: string | null
}

/** The application (as every use case reads it) and the revision an earlier request with this key made, if any. */
function applicationWithReplay(db: Queryable, id: string, key: string) {
  return selectApplication(db)
    .select(
      sql<StoredRevision | null>`(select json_build_object('revision', r.revision, 'receipt', r.receipt,
        'request_hash', r.request_hash) from application_revisions r
        where r.application_id = a.id and r.idempotency_key = ${key})`.as('replay'),
    )
    .where('a.id', '=', id)
}

async function storedRevision(db: Queryable, applicationId: string, key: string): Promise<StoredRevision | undefined> {
  return db
    .selectFrom('application_revisions')
    .select(['revision', 'receipt', 'request_hash'])
    .where('application_id', '=', applicationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

type Outcome = { result: SubmitResult } | { replayOf: StoredRevision }

function replay(stored: StoredRevision, hash: string): SubmitResult {
  if (stored.request_hash !== hash) {
    throw new DomainError(
      'idempotency_key_reused',
      'This Idempotency-Key was used for another request: use a new key for a new submission.',
    )
  }
  const receipt = (
    typeof stored.receipt === 'string' ? JSON.parse(stored.receipt) : stored.receipt
  ) as SubmitResult['receipt']
  return { receipt, revision: stored.revision, replayed: true }
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505'

/**
 * The lead submits the working copy it reviewed (`version`): an immutable revision with the digest of
 * its canonical content and a signed receipt. Idempotent: the same `Idempotency-Key` (unique per
 * application) with the same body answers the stored receipt (`replayed`), with another body 422
 * `idempotency_key_reused` — a concurrent duplicate included (it waits for the row lock and finds the
 * key; a unique violation, should it happen, is answered the same way).
 *
 * The moment of arrival is the submission's time: the deadline is checked against it when the request
 * comes in and again when writing (`deadline_passed` from the deadline on). The work is split for the
 * deadline surge: the snapshot, the readiness gate, the content, the digest and the signature are
 * computed before any write; then ONE statement (submit-write.ts) writes the revision, marks the
 * application submitted, enqueues ONE job for the receipt mails (background work, sent after the
 * surge) and inserts the audit event (chained by the sealer after commit) — if the application and its
 * call are still as in the snapshot. If not, a transaction locks the application row, re-checks
 * (replay, deadline, version), computes again if the last revision moved, and writes the same.
 */
export async function submitApplication(
  ctx: CommandContext,
  id: string,
  input: SubmitInput,
  idempotencyKey: string | undefined,
): Promise<SubmitResult> {
  authorize(ctx.actor, 'application.submit')
  if (!idempotencyKey) throw fieldError('Idempotency-Key', 'required', 'Send an Idempotency-Key header.')
  if (!KEY.test(idempotencyKey)) {
    throw fieldError('Idempotency-Key', 'invalid', 'The Idempotency-Key must be 8 to 200 visible ASCII characters.')
  }
  const now = ctx.clock.now()
  const hash = requestHashOf(input)
  const row = await applicationWithReplay(ctx.db, id, idempotencyKey).executeTakeFirst()
  if (!row) throw new DomainError('application_not_found')
  const partners = await loadPartners(ctx.db, row)
  requireLead(requireVisible(ctx.actor, row, partners))
  if (row.replay) return replay(row.replay, hash)
  requireWritable(row, now)
  if (input.version !== row.version) throw staleVersion(row.version, input.version)
  const signer = await signerFor(ctx.db)
  const issuer = ctx.publicUrl
  const prepared = prepareSubmission({ row, partners, submittedAt: now, issuer, signer })

  let stored: StoredRevision | undefined
  try {
    // Nothing moved since the snapshot (the usual case, a deadline surge included): one statement.
    const write = { id, row, prepared, idempotencyKey, requestHash: hash, now }
    if (await writeSubmissionIfUnchanged(ctx, write)) {
      return { receipt: prepared.receipt, revision: prepared.revision, replayed: false }
    }
    // Something moved: under the row lock, find out what, and submit what is there now if allowed.
    const outcome = await inTransaction(ctx.db, async (tx): Promise<Outcome> => {
      const locked = (await applicationWithReplay(tx, id, idempotencyKey).forUpdate('a').executeTakeFirst())!
      if (locked.replay) return { replayOf: locked.replay }
      requireWritable(locked, now)
      if (input.version !== locked.version) throw staleVersion(locked.version, input.version)
      let p: PreparedSubmission = prepared
      if (locked.version !== prepared.version || locked.submitted_revision !== prepared.submittedRevision) {
        // Someone submitted (or the snapshot caught a change half-way): compute again under the lock.
        p = prepareSubmission({
          row: locked,
          partners: await loadPartners(tx, locked),
          submittedAt: now,
          issuer,
          signer,
        })
      }
      // One statement: the revision, the receipt mail job (the row `enqueue` writes, run after commit)
      // and the application's new status.
      await tx
        .with('revision', (db) =>
          db.insertInto('application_revisions').values({
            application_id: id,
            revision: p.revision,
            content: JSON.stringify(p.content),
            files: JSON.stringify(p.files),
            digest: p.digest,
            receipt: JSON.stringify(p.receipt),
            signature: p.receipt.signature,
            key_id: p.receipt.keyId,
            idempotency_key: idempotencyKey,
            request_hash: hash,
            submitted_by: ctx.actor.userId,
            submitted_at: now,
          }),
        )
        .with('job', (db) =>
          db.insertInto('jobs').values({
            queue: RECEIPT_MAIL_QUEUE,
            payload: JSON.stringify({ applicationId: id, revision: p.revision }),
            run_at: now,
          }),
        )
        .updateTable('applications')
        .set({ status: 'submitted', submitted_revision: p.revision, submitted_at: now, updated_at: now })
        .where('id', '=', id)
        .execute()
      await recordAudit(tx, ctx, submittedEvent(id, locked.version, p))
      return { result: { receipt: p.receipt, revision: p.revision, replayed: false } }
    })
    if ('result' in outcome) return outcome.result
    stored = outcome.replayOf
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    stored = await storedRevision(ctx.db, id, idempotencyKey)
    if (!stored) throw err
  }
  return replay(stored, hash)
}

function staleVersion(current: number, sent: number): DomainError {
  return new DomainError(
    'application_version_stale',
    `The application changed (version ${current}) since you reviewed version ${sent}: review it again, then submit.`,
    { currentVersion: current, sentVersion: sent },
  )
}
