import type {
  ConsensusList,
  ConsensusListItem,
  ConsensusStatus,
} from '../../../../../shared/contracts/evaluation-consensus.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { callOf, panels, phaseOut, readPhases, recordingOpen, statsFor } from './context.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

/**
 * Moderators: every submitted, admissible application of the call with its evaluations submitted out of
 * those expected (active assignments), the divergence flag, and its consensus status. Filters: flagged
 * only, status, search (reference, acronym, title); paging. Flagged applications first, then by reference.
 */
export async function listConsensus(
  ctx: CommandContext,
  callId: string,
  query: {
    q?: string | undefined
    flagged?: boolean | undefined
    status?: ConsensusStatus | undefined
    page: number
    pageSize: number
  },
): Promise<ConsensusList> {
  const row = await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.moderate')
  const call = callOf(row)
  const [settings, phases] = await Promise.all([
    readEvaluationSettings(ctx.db, callId),
    readPhases(ctx.db, callId, ctx.clock.now()),
  ])
  const apps = await ctx.db
    .selectFrom('applications as a')
    .leftJoin('consensus_records as r', 'r.application_id', 'a.id')
    .select(['a.id', 'a.reference', 'a.acronym', 'a.title', 'r.status as r_status', 'r.finalised_at'])
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'submitted')
    .where('a.admissibility', '=', 'admissible')
    .orderBy('a.reference')
    .execute()
  const byApp = await panels(
    ctx.db,
    apps.map((a) => a.id),
  )
  const all: ConsensusListItem[] = apps.map((a) => {
    const members = byApp.get(a.id)?.members ?? []
    const stats = statsFor(call, members, settings.spreadThreshold)
    const spreads = stats.criteria.map((c) => c.spread).filter((s): s is number => s !== null)
    return {
      applicationId: a.id,
      reference: a.reference,
      acronym: a.acronym,
      title: a.title,
      submitted: members.filter((m) => m.evaluation?.status === 'submitted').length,
      expected: members.length,
      flagged: stats.flagged,
      flaggedCriteria: stats.flaggedCriteria,
      maxSpread: spreads.length ? Math.round(Math.max(...spreads) * 100) / 100 : null,
      status: (a.r_status ?? 'none') as ConsensusStatus,
      finalisedAt: a.finalised_at ? iso(a.finalised_at) : null,
    }
  })
  const needle = query.q?.trim().toLowerCase() ?? ''
  const filtered = all
    .filter((i) => (query.flagged ? i.flagged : true))
    .filter((i) => (query.status ? i.status === query.status : true))
    .filter(
      (i) =>
        !needle ||
        i.reference.toLowerCase().includes(needle) ||
        i.acronym.toLowerCase().includes(needle) ||
        i.title.toLowerCase().includes(needle),
    )
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.reference.localeCompare(b.reference))
  const start = (query.page - 1) * query.pageSize
  return {
    items: filtered.slice(start, start + query.pageSize),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    summary: {
      applications: all.length,
      flagged: all.filter((i) => i.flagged).length,
      final: all.filter((i) => i.status === 'final').length,
      ready: all.filter((i) => i.expected > 0 && i.submitted === i.expected).length,
    },
    spreadThreshold: settings.spreadThreshold,
    phases: { individual: phaseOut(phases.individual), consensus: phaseOut(phases.consensus) },
    canRecord: recordingOpen(phases),
  }
}
