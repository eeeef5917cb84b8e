import { sql } from 'kysely'
import type { z } from 'zod'
import type {
  AssignmentOverview,
  AssignmentPair,
  pairQuery,
} from '../../../../../shared/contracts/evaluation-assignments.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { loadCallForOperator } from '../../common/access.ts'
import { readEvaluationSettings } from '../../common/settings.ts'
import { readExplanation } from '../domain/explanation.ts'
import { loadCallApplications, loadPool } from './inputs.ts'

const iso = (d: Date | string) => new Date(d).toISOString()

function pairsQuery(db: Queryable) {
  return db
    .selectFrom('evaluation_assignments as x')
    .innerJoin('applications as a', 'a.id', 'x.application_id')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .innerJoin('expert_profiles as p', 'p.user_id', 'x.user_id')
}

const columns = [
  'x.id',
  'x.application_id',
  'a.reference',
  'a.acronym',
  'x.user_id',
  'u.name',
  'p.kind',
  'p.countries',
  'x.affinity',
  'x.explanation',
  'x.locked',
  'x.status',
  'x.source',
  'x.confirmed_at',
  'x.created_at',
] as const

type PairRow = {
  id: string
  application_id: string
  reference: string
  acronym: string
  user_id: string
  name: string
  kind: string
  countries: string[]
  affinity: number
  explanation: unknown
  locked: boolean
  status: string
  source: string
  confirmed_at: Date | string | null
  created_at: Date | string
}

function toPair(r: PairRow): AssignmentPair {
  return {
    id: r.id,
    applicationId: r.application_id,
    reference: r.reference,
    acronym: r.acronym,
    userId: r.user_id,
    expertName: r.name,
    kind: r.kind as AssignmentPair['kind'],
    countries: r.countries,
    affinity: Number(r.affinity),
    why: readExplanation(r.explanation, r.source),
    locked: r.locked,
    status: r.status as AssignmentPair['status'],
    source: r.source as AssignmentPair['source'],
    confirmedAt: r.confirmed_at ? iso(r.confirmed_at) : null,
    createdAt: iso(r.created_at),
  }
}

export async function readPair(db: Queryable, id: string): Promise<AssignmentPair> {
  const r = await pairsQuery(db).select(columns).where('x.id', '=', id).executeTakeFirst()
  if (!r) throw new DomainError('assignment_not_found')
  return toPair(r)
}

/**
 * The call's pairs for its operators, by application reference then affinity (best first): active ones
 * (assigned, confirmed) unless `all`; filtered by expert or application; paged.
 */
export async function listPairs(ctx: CommandContext, callId: string, query: z.infer<typeof pairQuery>) {
  await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  let q = pairsQuery(ctx.db).where('x.call_id', '=', callId)
  if (!query.all) q = q.where('x.status', 'in', ['assigned', 'confirmed'])
  if (query.expertId) q = q.where('x.user_id', '=', query.expertId)
  if (query.applicationId) q = q.where('x.application_id', '=', query.applicationId)
  const total = await q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .select(columns)
    .orderBy('a.reference')
    .orderBy('x.affinity', 'desc')
    .orderBy('u.name')
    .orderBy('x.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return { items: rows.map(toPair), total: Number(total.n), page: query.page, pageSize: query.pageSize }
}

/** Per expert their load against their maximum, per application its panel size; k and the panel rules. */
export async function assignmentOverview(ctx: CommandContext, callId: string): Promise<AssignmentOverview> {
  await loadCallForOperator(ctx.db, ctx.actor, callId, 'evaluation.view')
  const settings = await readEvaluationSettings(ctx.db, callId)
  const pool = await loadPool(ctx.db, callId)
  const apps = await loadCallApplications(ctx.db, callId)
  const counts = await ctx.db
    .selectFrom('evaluation_assignments')
    .select(['user_id', 'application_id'])
    .where('call_id', '=', callId)
    .where('status', 'in', ['assigned', 'confirmed'])
    .execute()
  const load = (userId: string) => counts.filter((c) => c.user_id === userId).length
  return {
    k: settings.expertsPerApplication,
    rules: {
      practitionerRequired: settings.practitionerRequired,
      onePerCountry: settings.onePerCountry,
      excludeApplicantCountries: settings.excludeApplicantCountries,
    },
    experts: pool.map((e) => ({
      userId: e.userId,
      name: e.name,
      kind: e.kind,
      countries: e.countries,
      available: e.available,
      maxLoad: e.maxLoad,
      load: load(e.userId),
    })),
    applications: apps.map((a) => ({
      applicationId: a.applicationId,
      reference: a.reference,
      acronym: a.acronym,
      experts: counts.filter((c) => c.application_id === a.applicationId).length,
    })),
  }
}
