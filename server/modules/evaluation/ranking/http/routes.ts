import { z } from 'zod'
import type { Locale } from '../../../../../shared/contracts/common.ts'
import {
  callParams,
  evaluationExportQuery,
  progressView,
  type RankingView,
  rankingView,
  statisticsView,
} from '../../../../../shared/contracts/evaluation-ranking.ts'
import { mediaTypes, sendDownload } from '../../../../platform/export/index.ts'
import { type AnyRoute, type CommandContext, defineRoute } from '../../../../platform/http/route.ts'
import { asLocale } from '../../../../platform/i18n/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { exportConsensus, exportEvaluations, exportRanking } from '../queries/exports.ts'
import { computeRanking } from '../queries/ranking.ts'
import { evaluationProgress, evaluationStatistics } from '../queries/views.ts'

const tags = ['evaluation']

/** The language of a file: `?lang=`, else the signed-in person's language, else English. */
async function exportLocale(ctx: CommandContext, asked: Locale | undefined): Promise<Locale> {
  if (asked) return asked
  if (!ctx.actor.userId) return 'en'
  const u = await ctx.db.selectFrom('users').select('locale').where('id', '=', ctx.actor.userId).executeTakeFirst()
  return asLocale(u?.locale)
}

export async function rankingOf(ctx: CommandContext, callId: string): Promise<RankingView> {
  const call = await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  const [ranking, settings] = await Promise.all([
    computeRanking(ctx.db, call.id),
    readEvaluationSettings(ctx.db, call.id),
  ])
  return {
    callId: call.id,
    callCode: call.code,
    complete: ranking.complete,
    criteria: ranking.criteria.map((c) => ({ ...c, name: { en: '', ...c.name } })),
    totalThreshold: ranking.totalThreshold,
    tieBreaks: settings.tieBreaks.map((t) =>
      t.criterionId ? { rule: t.rule, criterionId: t.criterionId } : { rule: t.rule },
    ),
    items: ranking.items.map((i) => ({
      applicationId: i.applicationId,
      reference: i.facts.reference,
      acronym: i.facts.acronym,
      title: i.facts.title,
      challengeCode: i.facts.challengeCode,
      domainCode: i.facts.domainCode,
      rank: i.rank,
      total: i.total,
      scores: i.scores,
      out: i.out,
      tieBreak: i.tieBreak
        ? ({
            tiedWith: i.tieBreak.tiedWith,
            rule: i.tieBreak.rule,
            ...(i.tieBreak.criterionId ? { criterionId: i.tieBreak.criterionId } : {}),
            ...(i.tieBreak.detail as object),
          } as RankingView['items'][number]['tieBreak'])
        : null,
      requestedCents: i.facts.requestedCents,
      smeCount: i.facts.smeCount,
      countries: i.facts.countries,
      submittedAt: i.facts.submittedAt,
    })),
  }
}

const download = { contentTypes: [mediaTypes.xlsx, mediaTypes.csv] }

export const rankingRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/ranking',
    capability: 'evaluation.view',
    summary:
      'The ranking of a call from the final consensus: weighted totals, applications out (thresholds, no consensus) and the tie-break rule that decided each tie',
    tags,
    params: callParams,
    response: rankingView,
    handler: async ({ params }, ctx) => rankingOf(ctx, params.callId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/progress',
    capability: 'evaluation.view',
    summary:
      'Progress of the evaluation per expert and per application: assigned, confirmed, drafts, submitted, recused; consensus state',
    tags,
    params: callParams,
    response: progressView,
    handler: async ({ params }, ctx) => {
      const call = await loadCallForOperator(ctx.db, ctx.actor, params.callId, 'evaluation.view')
      return evaluationProgress(ctx.db, call)
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/statistics',
    capability: 'evaluation.view',
    summary:
      'Distribution of the submitted individual scores per criterion, and each expert’s calibration (mean deviation from the other experts on the same applications)',
    tags,
    params: callParams,
    response: statisticsView,
    handler: async ({ params }, ctx) => {
      const call = await loadCallForOperator(ctx.db, ctx.actor, params.callId, 'evaluation.view')
      return evaluationStatistics(ctx.db, call)
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/ranking/export',
    capability: 'evaluation.view',
    summary: 'The ranking as XLSX (or CSV), headers and reasons in the requester’s language',
    tags,
    params: callParams,
    query: evaluationExportQuery,
    response: z.unknown(),
    download,
    handler: async ({ params, query }, ctx, _req, reply) => {
      const call = await loadCallForOperator(ctx.db, ctx.actor, params.callId, 'evaluation.view')
      const file = await exportRanking(ctx.db, call, query.format, await exportLocale(ctx, query.lang), ctx.clock.now())
      sendDownload(reply, query.format, file.filename, file.body)
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/evaluations/export',
    capability: 'evaluation.view',
    summary: 'Every individual evaluation of the call (experts, scores, comments, status) as XLSX (or CSV)',
    tags,
    params: callParams,
    query: evaluationExportQuery,
    response: z.unknown(),
    download,
    handler: async ({ params, query }, ctx, _req, reply) => {
      const call = await loadCallForOperator(ctx.db, ctx.actor, params.callId, 'evaluation.view')
      const file = await exportEvaluations(
        ctx.db,
        call,
        query.format,
        await exportLocale(ctx, query.lang),
        ctx.clock.now(),
      )
      sendDownload(reply, query.format, file.filename, file.body)
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/evaluation/consensus/export',
    capability: 'evaluation.view',
    summary: 'The consensus of each application (scores, comments, justifications, minority view) as XLSX (or CSV)',
    tags,
    params: callParams,
    query: evaluationExportQuery,
    response: z.unknown(),
    download,
    handler: async ({ params, query }, ctx, _req, reply) => {
      const call = await loadCallForOperator(ctx.db, ctx.actor, params.callId, 'evaluation.view')
      const file = await exportConsensus(
        ctx.db,
        call,
        query.format,
        await exportLocale(ctx, query.lang),
        ctx.clock.now(),
      )
      sendDownload(reply, query.format, file.filename, file.body)
    },
  }),
]
