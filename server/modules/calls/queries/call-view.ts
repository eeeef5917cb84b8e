import { defaultCallConfig } from '../../../../shared/calls/presets.ts'
import { instantToLocal, localToInstant } from '../../../../shared/calls/time.ts'
import {
  type Call,
  type CallConfig,
  type CallDocument,
  type CallSummary,
  callConfig,
} from '../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { can } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { type CallRow, iso } from '../commands/guard.ts'
import { callAbilities, isCallManager } from '../domain/abilities.ts'
import { phaseOf } from '../domain/phase.ts'

/**
 * The stored configuration, read through its contract. A row written before calls had rules (the
 * programme seed of issue 1 stores dates only) reads as the default configuration.
 */
export function storedConfig(raw: unknown): CallConfig {
  const r = callConfig.safeParse(raw)
  return r.success ? r.data : defaultCallConfig()
}

/** The last moment to ask a question: the stated cut-off (local, call's zone), else the deadline. */
export function qaClosesAt(row: Pick<CallRow, 'closes_at' | 'time_zone'>, config: CallConfig): Date {
  const stated = config.timeline.qaClosesAt
  if (stated) {
    const r = localToInstant(stated, row.time_zone)
    if ('instant' in r) return r.instant
  }
  return new Date(row.closes_at)
}

/** Questions may be asked about a published, not cancelled call until the Q&A cut-off (exclusive). */
export function qaOpen(row: CallRow, config: CallConfig, now: Date): boolean {
  const phase = phaseOf(row, now)
  return (phase === 'scheduled' || phase === 'open') && now.getTime() < qaClosesAt(row, config).getTime()
}

export function scheduleOf(row: CallRow, config: CallConfig) {
  const stated = config.timeline.qaClosesAt
  return {
    opensAt: iso(row.opens_at),
    deadline: iso(row.closes_at),
    timeZone: row.time_zone,
    opensAtLocal: instantToLocal(new Date(row.opens_at), row.time_zone),
    deadlineLocal: instantToLocal(new Date(row.closes_at), row.time_zone),
    qaClosesAt: stated ? iso(qaClosesAt(row, config)) : null,
  }
}

/** Submitted applications per call, for those who follow the dashboard (null for everyone else). */
async function applicationCounts(db: Queryable, actor: Actor, ids: string[]): Promise<Map<string, number> | null> {
  if (!can(actor, 'call.dashboard').allowed) return null
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('applications')
    .select(['call_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('call_id', 'in', ids)
    .where('status', '=', 'submitted')
    .groupBy('call_id')
    .execute()
  return new Map(rows.map((r) => [r.call_id, Number(r.n)]))
}

/** The challenges in scope of some calls: all of them for operators, the published ones for others. */
async function challengeRows(db: Queryable, ids: string[], all: boolean) {
  if (ids.length === 0) return []
  let q = db
    .selectFrom('challenge_calls as cc')
    .innerJoin('challenges as c', 'c.id', 'cc.challenge_id')
    .innerJoin('domains as d', 'd.id', 'c.domain_id')
    .select([
      'cc.call_id',
      'c.id',
      'c.slug',
      'c.code',
      'c.title',
      'c.language',
      'c.trl_min',
      'c.trl_max',
      'd.code as domain_code',
    ])
    .where('cc.call_id', 'in', ids)
  if (!all) q = q.where('c.status', '=', 'published')
  return q.orderBy('c.code').execute()
}

/** List items: what a list of calls shows, for `actor`. */
export async function toSummaries(db: Queryable, actor: Actor, rows: CallRow[], now: Date): Promise<CallSummary[]> {
  const ids = rows.map((r) => r.id)
  const [counts, challenges] = await Promise.all([
    applicationCounts(db, actor, ids),
    challengeRows(db, ids, rows.length > 0 && rows.every((r) => isCallManager(actor, r.programme_id))),
  ])
  return rows.map((row) => summaryOf(row, now, challenges.filter((c) => c.call_id === row.id).length, counts))
}

function summaryOf(row: CallRow, now: Date, challengeCount: number, counts: Map<string, number> | null): CallSummary {
  const config = storedConfig(row.config)
  return {
    id: row.id,
    code: row.code,
    title: row.title as LocalizedText,
    summary: row.summary as LocalizedText,
    phase: phaseOf(row, now),
    schedule: scheduleOf(row, config),
    budgetTotalCents: config.budget.totalCents,
    maxPerProjectCents: config.budget.maxPerProjectCents,
    challengeCount,
    applicationCount: counts ? (counts.get(row.id) ?? 0) : null,
    version: row.config_version,
  }
}

export async function documentsOf(db: Queryable, callId: string): Promise<CallDocument[]> {
  const rows = await db
    .selectFrom('call_documents as d')
    .innerJoin('files as f', 'f.id', 'd.file_id')
    .select(['d.id', 'd.kind', 'd.title', 'f.filename', 'f.content_type', 'f.byte_size', 'f.sha256'])
    .where('d.call_id', '=', callId)
    .orderBy('d.position')
    .execute()
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind as CallDocument['kind'],
    title: d.title as LocalizedText,
    filename: d.filename,
    contentType: d.content_type,
    byteSize: d.byte_size,
    sha256: d.sha256,
    url: `/api/v1/calls/${callId}/documents/${d.id}`,
  }))
}

export async function versionsOf(db: Queryable, callId: string) {
  const rows = await db
    .selectFrom('call_versions')
    .select(['version', 'change_log', 'created_at'])
    .where('call_id', '=', callId)
    .orderBy('version')
    .execute()
  return rows.map((v) => ({
    version: v.version,
    changeLog: (v.change_log ?? null) as LocalizedText | null,
    createdAt: iso(v.created_at),
  }))
}

/** The API shape of one call for `actor` at `now` (abilities included, serverNow for countdowns). */
export async function toCall(db: Queryable, actor: Actor, row: CallRow, now: Date): Promise<Call> {
  const manager = isCallManager(actor, row.programme_id)
  const [counts, challenges, documents, versions] = await Promise.all([
    applicationCounts(db, actor, [row.id]),
    challengeRows(db, [row.id], manager),
    documentsOf(db, row.id),
    versionsOf(db, row.id),
  ])
  const config = storedConfig(row.config)
  const summary = summaryOf(row, now, challenges.length, counts)
  return {
    ...summary,
    programmeId: row.programme_id,
    config,
    challenges: challenges.map((c) => ({
      id: c.id,
      slug: c.slug,
      title: { en: c.title, [c.language]: c.title },
      domainCode: c.domain_code,
      trlMin: c.trl_min,
      trlMax: c.trl_max,
    })),
    documents,
    versions,
    publishedAt: row.published_at ? iso(row.published_at) : null,
    frozenAt: row.frozen_at ? iso(row.frozen_at) : null,
    screenedAt: row.screened_at ? iso(row.screened_at) : null,
    serverNow: now.toISOString(),
    abilities: callAbilities(actor, {
      programmeId: row.programme_id,
      phase: summary.phase,
      qaOpen: qaOpen(row, config, now),
    }),
  }
}
