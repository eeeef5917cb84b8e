// After the surge: every acknowledged receipt must be in the database exactly once, intact. Read
// straight from the tables (not through the API): the revision with the receipt's number exists, its
// stored content hashes (RFC 8785 + SHA-256, recomputed here) to the digest of the row and of the
// receipt, the stored receipt is the one the client got (same signature), and it verifies against the
// platform's published keys. A consortium submitted once, so a second revision is a duplicate.
import { sql } from 'kysely'
import { verifyAuditChain } from '../../server/platform/audit/verify.ts'
import type { Database } from '../../server/platform/db/client.ts'
import { canonical, publishedKeys, sha256Hex } from '../../server/platform/signing/index.ts'
import { verifyReceipt } from '../../server/platform/signing/verify-receipt.ts'
import type { SignedReceipt } from '../../shared/contracts/applications.ts'
import type { Ack } from './surge.ts'

export interface Verification {
  revisionsInDb: number
  verified: number
  lost: number
  duplicated: number
  /** What was wrong with the first few that did not verify. */
  problems: string[]
  auditChainOk: boolean
  auditEvents: number
  /** Events the server had not sealed when it stopped (it seals the rest at shutdown: expect 0). */
  auditUnsealed: number
  receiptMailJobs: number
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

export async function verifySurge(db: Database, callId: string, acks: ReadonlyMap<string, Ack>): Promise<Verification> {
  const rows = await db
    .selectFrom('application_revisions as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .select(['r.application_id', 'r.revision', 'r.digest', 'r.content', 'r.receipt', 'r.signature', 'r.key_id'])
    .where('a.call_id', '=', callId)
    .execute()
  const byApplication = new Map<string, typeof rows>()
  for (const r of rows) {
    const list = byApplication.get(r.application_id) ?? []
    list.push(r)
    byApplication.set(r.application_id, list)
  }
  const keys = await publishedKeys(db)
  const problems: string[] = []
  let verified = 0
  let lost = 0
  for (const ack of acks.values()) {
    const row = byApplication.get(ack.applicationId)?.find((r) => r.revision === ack.revision)
    const problem = (() => {
      if (!row) return 'no such revision in the database'
      const content = json<Record<string, unknown>>(row.content)
      const stored = json<SignedReceipt>(row.receipt)
      const digest = sha256Hex(canonical(content))
      if (digest !== row.digest) return `stored content hashes to ${digest}, the row says ${row.digest}`
      if (row.digest !== ack.receipt.payload.digest) return 'the row digest is not the acknowledged receipt digest'
      if (canonical(stored) !== canonical(ack.receipt)) return 'the stored receipt is not the acknowledged one'
      if (row.signature !== ack.receipt.signature || row.key_id !== ack.receipt.keyId) return 'signature or key differs'
      const check = verifyReceipt(stored, { keys, content })
      if (check.verdict !== 'valid')
        return `receipt ${check.verdict}: ${check.checks
          .filter((c) => c.status !== 'pass')
          .map((c) => c.detail)
          .join('; ')}`
      return null
    })()
    if (problem === null) verified++
    else {
      lost++
      if (problems.length < 10) problems.push(`${ack.applicationId} r${ack.revision}: ${problem}`)
    }
  }
  let duplicated = 0
  for (const [applicationId, list] of byApplication) {
    if (list.length > 1) {
      duplicated += list.length - 1
      if (problems.length < 10) problems.push(`${applicationId}: ${list.length} revisions for one submission`)
    }
  }
  const chain = await verifyAuditChain(db)
  const mails = await sql<{ n: string }>`select count(*) as n from jobs where queue like '%receipt%'`.execute(db)
  return {
    revisionsInDb: rows.length,
    verified,
    lost,
    duplicated,
    problems,
    auditChainOk: chain.ok,
    auditEvents: chain.checked,
    auditUnsealed: chain.unsealed,
    receiptMailJobs: Number(mails.rows[0]?.n ?? 0),
  }
}
