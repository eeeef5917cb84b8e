import type { ApplicationCheckInput } from '../../../../shared/calls/readiness.ts'
import type { Answers, ApplicationStatus } from '../../../../shared/contracts/applications.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { SubmittedPartner } from '../domain/content.ts'
import { configOf, factsOf, loadApplication, loadPartners } from './rows.ts'

export interface ApplicationSnapshot {
  applicationId: string
  reference: string
  callId: string
  status: ApplicationStatus
  /** The revision that counts (the latest submitted one). */
  revision: number
  submittedAt: string
  /** The input of `screenApplication` / `checkApplication` (shared/calls/readiness.ts). */
  input: ApplicationCheckInput
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * What eligibility screening judges: the call's configuration, the answers and partners' parts of the
 * CURRENT submitted revision (as submitted), and each partner's facts read NOW from the profiles —
 * `otherApplications` then counts only the other SUBMITTED applications of the call (drafts are dead at
 * the deadline). Null when the application has no submitted revision (drafts, withdrawn ones).
 */
export async function loadApplicationSnapshot(
  db: Queryable,
  applicationId: string,
): Promise<ApplicationSnapshot | null> {
  const row = await loadApplication(db, applicationId)
  if (row.status !== 'submitted' || row.submitted_revision === null) return null
  const [revision, rows] = await Promise.all([
    db
      .selectFrom('application_revisions')
      .select(['content', 'submitted_at'])
      .where('application_id', '=', applicationId)
      .where('revision', '=', row.submitted_revision)
      .executeTakeFirstOrThrow(),
    loadPartners(db, row, ['submitted']),
  ])
  const content = json<{
    application: { challengeId: string | null }
    answers: Answers
    partners: SubmittedPartner[]
  }>(revision.content)
  const live = new Map(rows.map((r) => [r.id, r]))
  const challengeId = content.application.challengeId
  let challengeTrl: ApplicationCheckInput['challengeTrl'] = null
  if (challengeId !== null && challengeId === row.challenge_id) {
    challengeTrl = { min: row.challenge_trl_min ?? null, max: row.challenge_trl_max ?? null }
  } else if (challengeId !== null) {
    const ch = await db
      .selectFrom('challenges')
      .select(['trl_min', 'trl_max'])
      .where('id', '=', challengeId)
      .executeTakeFirst()
    challengeTrl = ch ? { min: ch.trl_min, max: ch.trl_max } : null
  }
  return {
    applicationId: row.id,
    reference: row.reference,
    callId: row.call_id,
    status: row.status as ApplicationStatus,
    revision: row.submitted_revision,
    submittedAt: new Date(revision.submitted_at).toISOString(),
    input: {
      config: configOf(row),
      challengeId,
      challengeTrl,
      challengeIds: json<string[]>(row.call_challenge_ids),
      answers: content.answers,
      partners: content.partners.map((p) => {
        const r = live.get(p.id)
        return {
          id: p.id,
          role: p.role,
          status: 'accepted' as const,
          facts: r ? factsOf(r) : p.facts,
          part: p.part,
          partVersion: p.partVersion,
          confirmedVersion: p.partVersion,
        }
      }),
    },
  }
}
