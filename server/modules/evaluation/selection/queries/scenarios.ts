import type { Locale, LocalizedText } from '../../../../../shared/contracts/common.ts'
import type {
  ScenarioComparison,
  ScenarioDetail,
  ScenarioItem,
  ScenarioList,
  ScenarioSummary,
  SelectionStatus,
} from '../../../../../shared/contracts/evaluation-selection.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import { datedFilename, toXlsx } from '../../../../platform/export/index.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { asLocale, translate } from '../../../../platform/i18n/index.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { computeRanking } from '../../ranking/queries/ranking.ts'
import { storedParams, storedResult } from './stored.ts'

const CAPABILITY = 'evaluation.view'

async function scenarioRows(db: Queryable, callId: string, id?: string) {
  let q = db
    .selectFrom('selection_scenarios as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .selectAll('s')
    .select('u.name as creator')
    .where('s.call_id', '=', callId)
  if (id) q = q.where('s.id', '=', id)
  return q.orderBy('s.created_at', 'desc').orderBy('s.id').execute()
}
type Row = Awaited<ReturnType<typeof scenarioRows>>[number]

const iso = (d: unknown) => new Date(d as string).toISOString()

function summaryOf(r: Row): ScenarioSummary {
  const result = storedResult(r.result)
  return {
    id: r.id,
    callId: r.call_id,
    name: r.name,
    status: r.status as ScenarioSummary['status'],
    params: storedParams(r.params),
    budgetCents: result.budgetCents,
    spentCents: result.spentCents,
    selectedCount: result.selected.length,
    reserveCount: result.reserve.length,
    outCount: result.out.length,
    createdAt: iso(r.created_at),
    createdBy: r.creator ?? null,
    adoptedAt: r.adopted_at ? iso(r.adopted_at) : null,
  }
}

/** The scenario's applications in order: funded by rank, reserve by reserve rank, then out (ranked, then not). */
function itemsOf(r: Row): ScenarioItem[] {
  const result = storedResult(r.result)
  const granted = new Map(result.selected.map((s) => [s.applicationId, s.grantedCents]))
  const reserveRank = new Map(result.reserve.map((s) => [s.applicationId, s.reserveRank]))
  const order = [
    ...result.selected.map((s) => s.applicationId),
    ...result.reserve.map((s) => s.applicationId),
    ...result.out.map((s) => s.applicationId),
  ]
  return order.map((applicationId) => {
    const a = result.applications[applicationId]!
    const explanation = result.explanations[applicationId]!
    return {
      applicationId,
      reference: a.reference,
      acronym: a.acronym,
      title: a.title,
      rank: a.rank,
      total: a.total,
      requestedCents: a.requestedCents,
      grantedCents: granted.get(applicationId) ?? null,
      challengeCode: a.challengeCode,
      domainCode: a.domainCode,
      leadCountry: a.leadCountry,
      status: explanation.status,
      reserveRank: reserveRank.get(applicationId) ?? null,
      explanation,
    }
  })
}

export async function listScenarios(ctx: CommandContext, callId: string): Promise<ScenarioList> {
  const call = await loadCallForOperator(ctx.db, ctx.actor, callId, CAPABILITY)
  const budget = callConfigOf(call.config).budget
  const [rows, ranking, decided] = await Promise.all([
    scenarioRows(ctx.db, callId),
    computeRanking(ctx.db, callId),
    ctx.db
      .selectFrom('evaluation_decisions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow(),
  ])
  const ranked = ranking.items.filter((i) => i.rank !== null)
  const challenges = new Map<string, { code: string; domainCode: string | null; count: number }>()
  const domains = new Map<string, { code: string; count: number }>()
  for (const i of ranked) {
    const { challengeCode, domainCode } = i.facts
    if (challengeCode) {
      const c = challenges.get(challengeCode) ?? { code: challengeCode, domainCode, count: 0 }
      c.count++
      challenges.set(challengeCode, c)
    }
    if (domainCode) {
      const d = domains.get(domainCode) ?? { code: domainCode, count: 0 }
      d.count++
      domains.set(domainCode, d)
    }
  }
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true })
  return {
    call: { id: call.id, code: call.code, timeZone: call.time_zone },
    defaults: { budgetCents: budget.totalCents, perOrganisationCapCents: budget.maxPerThirdPartyCents },
    rankingComplete: ranking.complete,
    rankedCount: ranked.length,
    challenges: [...challenges.values()].sort(byCode),
    domains: [...domains.values()].sort(byCode),
    decisionsExist: Number(decided.n) > 0,
    items: rows.map(summaryOf),
  }
}

async function oneRow(db: Queryable, callId: string, id: string): Promise<Row> {
  const [row] = await scenarioRows(db, callId, id)
  if (!row) throw new DomainError('scenario_not_found')
  return row
}

export async function readScenario(ctx: CommandContext, callId: string, id: string): Promise<ScenarioDetail> {
  await loadCallForOperator(ctx.db, ctx.actor, callId, CAPABILITY)
  const row = await oneRow(ctx.db, callId, id)
  return { ...summaryOf(row), items: itemsOf(row) }
}

/** Who moves between funded, reserve and out from scenario a to scenario b, and the change in totals. */
export async function compareScenarios(
  ctx: CommandContext,
  callId: string,
  a: string,
  b: string,
): Promise<ScenarioComparison> {
  await loadCallForOperator(ctx.db, ctx.actor, callId, CAPABILITY)
  const [ra, rb] = await Promise.all([oneRow(ctx.db, callId, a), oneRow(ctx.db, callId, b)])
  const ia = new Map(itemsOf(ra).map((i) => [i.applicationId, i]))
  const ib = itemsOf(rb)
  const moves: ScenarioComparison['moves'] = []
  for (const to of ib) {
    const from = ia.get(to.applicationId)
    // An application missing from a (the ranking changed in between) counts as out there.
    const fromStatus: SelectionStatus = from?.status ?? 'out'
    if (fromStatus !== to.status)
      moves.push({
        applicationId: to.applicationId,
        reference: to.reference,
        acronym: to.acronym,
        rank: to.rank,
        from: fromStatus,
        to: to.status,
      })
  }
  moves.sort(
    (x, y) =>
      (x.rank ?? Number.MAX_SAFE_INTEGER) - (y.rank ?? Number.MAX_SAFE_INTEGER) ||
      x.reference.localeCompare(y.reference),
  )
  const sa = summaryOf(ra)
  const sb = summaryOf(rb)
  return {
    a: sa,
    b: sb,
    moves,
    spentDeltaCents: sb.spentCents - sa.spentCents,
    selectedDelta: sb.selectedCount - sa.selectedCount,
  }
}

const euro = (cents: number | null) => (cents === null ? null : cents / 100)

/** The explanation of one application in words (same keys as the page). */
/** Why the ranking left an application out, as the scenario froze it (the criterion's name included). */
interface OutReason {
  code: string
  criterionId?: string
  criterion?: LocalizedText
  score?: number
  threshold?: number
}

export function explainInWords(locale: Locale, e: ScenarioItem['explanation']): string {
  const tr = (key: string, vars: Record<string, string> = {}) => translate(locale, `selection.explain.${key}`, vars)
  const money = (c: unknown) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 }).format(
      Number(c ?? 0) / 100,
    )
  const reason = (code: string, p: Record<string, unknown>): string => {
    switch (code) {
      case 'selected_in_rank':
        return tr('selected_in_rank', { rank: String(p.rank), granted: money(p.grantedCents) })
      case 'budget_exhausted':
        return tr('budget_exhausted', { requested: money(p.requestedCents), remaining: money(p.remainingCents) })
      case 'quota_max':
        return tr('quota_max', { scope: tr(`scope.${p.scope}`), key: String(p.key), max: String(p.max) })
      case 'quota_min_reserved':
        return tr('quota_min_reserved', {
          quotas: ((p.quotas as { scope: string; key: string; min: number }[]) ?? [])
            .map((q) => `${tr(`scope.${q.scope}`)} ${q.key} (≥ ${q.min})`)
            .join(', '),
        })
      case 'organisation_cap':
        return tr('organisation_cap', {
          name: String(p.name || '—'),
          cap: money(p.capCents),
          prior: money(p.priorCents),
          selected: money(p.selectedCents),
          requested: money(p.requestedCents),
        })
      case 'country_max':
        return tr('country_max', { country: String(p.country), max: String(p.max) })
      case 'not_ranked': {
        const reasons = (p.reasons as OutReason[] | undefined) ?? []
        if (reasons.length === 0) return tr('not_ranked')
        const number = (n: number | undefined) => (n === undefined ? '' : new Intl.NumberFormat(locale).format(n))
        const words = reasons.map((o) =>
          translate(locale, `ranking.out.${o.code}`, {
            criterion: o.criterion ? (o.criterion[locale] ?? o.criterion.en) : (o.criterionId ?? ''),
            score: number(o.score),
            threshold: number(o.threshold),
          }),
        )
        return tr('not_ranked_because', { reasons: words.join('; ') })
      }
      default:
        return code
    }
  }
  if (e.code === 'reserve')
    return `${tr('reserve', { reserveRank: String(e.params.reserveRank) })} ${reason(
      String(e.params.reason),
      (e.params.detail as Record<string, unknown>) ?? {},
    )}`
  return reason(e.code, e.params)
}

/** A scenario as XLSX: one row per application, in the scenario's order, the explanation in words. */
export async function exportScenario(
  ctx: CommandContext,
  callId: string,
  id: string,
  lang: Locale | undefined,
): Promise<{ filename: string; body: Buffer }> {
  const call = await loadCallForOperator(ctx.db, ctx.actor, callId, CAPABILITY)
  const row = await oneRow(ctx.db, callId, id)
  let locale: Locale = lang ?? 'en'
  if (!lang && ctx.actor.userId) {
    const u = await ctx.db.selectFrom('users').select('locale').where('id', '=', ctx.actor.userId).executeTakeFirst()
    locale = asLocale(u?.locale)
  }
  const tr = (key: string) => translate(locale, `selection.export.${key}`)
  const body = await toXlsx<ScenarioItem>({
    sheetName: row.name,
    rows: itemsOf(row),
    columns: [
      { header: tr('status'), width: 12, value: (i) => translate(locale, `selection.status.${i.status}`) },
      { header: tr('rank'), kind: 'number', width: 7, value: (i) => i.rank },
      { header: tr('reserveRank'), kind: 'number', width: 9, value: (i) => i.reserveRank },
      { header: tr('reference'), width: 16, value: (i) => i.reference },
      { header: tr('acronym'), width: 14, value: (i) => i.acronym },
      { header: tr('title'), width: 40, value: (i) => i.title },
      { header: tr('challenge'), width: 10, value: (i) => i.challengeCode },
      { header: tr('domain'), width: 8, value: (i) => i.domainCode },
      { header: tr('leadCountry'), width: 8, value: (i) => i.leadCountry },
      { header: tr('total'), kind: 'number', width: 8, value: (i) => i.total },
      { header: tr('requested'), kind: 'number', width: 12, value: (i) => euro(i.requestedCents) },
      { header: tr('granted'), kind: 'number', width: 12, value: (i) => euro(i.grantedCents) },
      { header: tr('explanation'), width: 80, value: (i) => explainInWords(locale, i.explanation) },
    ],
  })
  const slug =
    row.name
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'scenario'
  return { filename: datedFilename(`selection-${call.code}-${slug}`, 'xlsx', ctx.clock.now()), body }
}
