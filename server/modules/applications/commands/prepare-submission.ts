import { randomUUID } from 'node:crypto'
import type { Answers, ReadinessIssue, SignedReceipt } from '../../../../shared/contracts/applications.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { Signer } from '../../../platform/signing/index.ts'
import {
  buildContent,
  type ContentFile,
  type ContentInput,
  receiptPayload,
  type SubmittedPartner,
  signReceipt,
} from '../domain/content.ts'
import { isReady, readinessOf } from '../domain/readiness.ts'
import { toPartners } from '../queries/application-view.ts'
import { type ApplicationRow, configOf, type PartnerRow } from '../queries/rows.ts'

export interface PreparedSubmission {
  /** What the snapshot was read at: the submission stands only if the locked row still says so. */
  version: number
  submittedRevision: number | null
  revision: number
  content: Record<string, unknown>
  files: ContentFile[]
  digest: string
  receipt: SignedReceipt
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * Everything a submission writes, computed from one snapshot of the working copy: the readiness gate
 * (409 `application_not_ready` with the errors), the canonical content and its digest, the next
 * revision number and the signed receipt stamped `submittedAt`. Pure computation and one signature:
 * done before the row lock is taken, so the locked part of the submission stays a few statements.
 */
export function prepareSubmission(p: {
  row: ApplicationRow
  partners: PartnerRow[]
  submittedAt: Date
  issuer: string
  signer: Signer
}): PreparedSubmission {
  const { row } = p
  const config = configOf(row)
  const partners = toPartners(p.partners, null)
  const answers = json<Answers>(row.answers)
  const issues = readinessOf({
    config,
    challengeId: row.challenge_id,
    challengeTrl:
      row.challenge_id === null ? null : { min: row.challenge_trl_min ?? null, max: row.challenge_trl_max ?? null },
    challengeIds: json<string[]>(row.call_challenge_ids),
    answers,
    partners,
  })
  if (!isReady(issues)) {
    const errors: ReadinessIssue[] = issues.filter((i) => i.severity === 'error')
    throw new DomainError('application_not_ready', 'Not ready to submit: fix what the readiness list shows.', {
      issues: errors,
    })
  }
  const submitted: SubmittedPartner[] = partners
    .filter((x) => x.status === 'accepted')
    .map((x) => ({
      id: x.id,
      role: x.role,
      organisationId: x.facts.organisationId,
      facts: x.facts,
      part: x.part,
      partVersion: x.partVersion,
    }))
  const input: ContentInput = {
    call: { id: row.call_id, code: row.call_code, version: Number(row.published_call_version) },
    application: {
      id: row.id,
      reference: row.reference,
      challengeId: row.challenge_id,
      acronym: row.acronym,
      title: row.title,
      leadOrganisationId: row.lead_organisation_id,
      version: row.version,
    },
    answers,
    partners: submitted,
  }
  const { content, files, digest } = buildContent(input)
  const revision = (row.submitted_revision ?? 0) + 1
  const payload = receiptPayload({
    receiptId: randomUUID(),
    input,
    digest,
    files,
    revision,
    submittedAt: p.submittedAt,
    deadline: new Date(row.closes_at),
    issuer: p.issuer,
  })
  const receipt = signReceipt(p.signer, payload)
  return { version: row.version, submittedRevision: row.submitted_revision, revision, content, files, digest, receipt }
}
