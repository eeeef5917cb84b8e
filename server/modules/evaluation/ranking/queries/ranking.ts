import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { rank } from '../domain/rank.ts'
import { type ApplicationFacts, applicationFacts } from './facts.ts'

export interface RankedItem {
  applicationId: string
  /** null = out */
  rank: number | null
  /** Weighted total of the final consensus scores (null without a final consensus). */
  total: number | null
  scores: Record<string, number>
  out: {
    code: 'no_consensus' | 'criterion_threshold' | 'total_threshold'
    criterionId?: string
    score?: number
    threshold?: number
  }[]
  tieBreak: null | { tiedWith: string[]; rule: string; criterionId?: string; detail: Record<string, unknown> }
  facts: ApplicationFacts
}

export interface Ranking {
  callId: string
  /** Every application has a final consensus. */
  complete: boolean
  criteria: { id: string; name: Record<string, string>; weight: number; threshold: number | null }[]
  totalThreshold: number | null
  /** Ranked first (rank 1..n), then those out. */
  items: RankedItem[]
}

/** The final consensus scores of the call's applications (draft consensus does not rank). */
export async function finalConsensus(db: Queryable, callId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('consensus_records')
    .select(['application_id', 'scores'])
    .where('call_id', '=', callId)
    .where('status', '=', 'final')
    .execute()
  const out = new Map<string, Record<string, number>>()
  for (const r of rows) {
    const raw = (typeof r.scores === 'string' ? JSON.parse(r.scores) : r.scores) as Record<
      string,
      { score?: number | null } | null
    >
    const scores: Record<string, number> = {}
    for (const [id, v] of Object.entries(raw ?? {})) {
      const s = v?.score
      if (typeof s === 'number' && Number.isFinite(s)) scores[id] = s
      else if (typeof s === 'string' && Number.isFinite(Number(s))) scores[id] = Number(s)
    }
    out.set(r.application_id, scores)
  }
  return out
}

/**
 * The call's ranking, computed on every read from the final consensus records, the call's criteria and
 * thresholds (its configuration) and its ordered tie-break rules (evaluation settings). No access check:
 * callers authorise (the HTTP route, selection, decisions, the seed).
 */
export async function computeRanking(db: Queryable, callId: string): Promise<Ranking> {
  const call = await db.selectFrom('calls').select(['id', 'config']).where('id', '=', callId).executeTakeFirst()
  if (!call) throw new DomainError('call_not_found')
  const ev = callConfigOf(call.config).evaluation
  const [facts, consensus, settings] = await Promise.all([
    applicationFacts(db, callId),
    finalConsensus(db, callId),
    readEvaluationSettings(db, callId),
  ])
  const criteria = ev.criteria.map((c) => ({
    id: c.id,
    name: c.name as Record<string, string>,
    weight: c.weight,
    threshold: c.threshold,
  }))
  const items = rank({
    criteria,
    totalThreshold: ev.totalThreshold,
    tieBreaks: settings.tieBreaks,
    applications: facts.map((f) => ({ facts: f, consensus: consensus.get(f.applicationId) ?? null })),
  })
  return {
    callId,
    complete: facts.every((f) => consensus.has(f.applicationId)),
    criteria,
    totalThreshold: ev.totalThreshold,
    items,
  }
}
