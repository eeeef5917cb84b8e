import type { z } from 'zod'
import type {
  ChallengeContent,
  ChallengeHistory,
  challengeHistoryQuery,
} from '../../../../shared/contracts/challenges.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { buildHistory, type ChallengeEvent, type VersionRow } from '../domain/history.ts'

type Query = z.output<typeof challengeHistoryQuery>

/**
 * A challenge's history for operators, newest first and paged: its versions (author, time, changes since
 * the previous version) and the recorded events about it (publication, calls, use cases), read from the
 * version rows and the activity log. Domains are named by their code, tags by name, use cases by reference.
 */
export async function challengeHistory(ctx: CommandContext, challengeId: string, q: Query): Promise<ChallengeHistory> {
  authorize(ctx.actor, 'challenge.manage')
  const c = await ctx.db
    .selectFrom('challenges')
    .select(['id', 'programme_id'])
    .where('id', '=', challengeId)
    .executeTakeFirst()
  if (!c) throw new DomainError('not_found', 'No such challenge.')
  const [versions, events, domains] = await Promise.all([
    ctx.db
      .selectFrom('challenge_versions as v')
      .leftJoin('users as u', 'u.id', 'v.author_id')
      .selectAll('v')
      .select('u.name as author_name')
      .where('v.challenge_id', '=', challengeId)
      .orderBy('v.version')
      .execute(),
    ctx.db
      .selectFrom('audit_events as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .select(['a.action', 'a.occurred_at', 'a.actor_id', 'a.actor_label', 'a.change', 'u.name as actor_name'])
      .where('a.subject_type', '=', 'challenge')
      .where('a.subject_id', '=', challengeId)
      .orderBy('a.seq')
      .execute(),
    ctx.db.selectFrom('domains').select(['id', 'code']).where('programme_id', '=', c.programme_id).execute(),
  ])
  const changeOf = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as Record<string, unknown>
  const evs: ChallengeEvent[] = events.map((e) => ({
    action: e.action,
    at: new Date(e.occurred_at),
    actor: { id: e.actor_id, name: e.actor_name ?? e.actor_label },
    change: changeOf(e.change),
  }))
  const created = evs.find((e) => e.action === 'challenge.created')
  const rows: VersionRow[] = versions.map((v) => ({
    version: v.version,
    at: new Date(v.created_at),
    actor: {
      id: v.author_id,
      // A version without an author is the system's (the seed); the creation event may still name someone.
      name: v.author_name ?? (v.version === 1 && created ? created.actor.name : 'system'),
    },
    title: v.title,
    summary: v.summary,
    content: (typeof v.content === 'string' ? JSON.parse(v.content) : v.content) as ChallengeContent,
    trlMin: v.trl_min,
    trlMax: v.trl_max,
    domainId: v.domain_id,
  }))

  const ids = (key: string, many: boolean) =>
    evs.flatMap((e) => (many ? ((e.change[key] as string[] | undefined) ?? []) : [e.change[key] as string]))
  const termIds = [...new Set(ids('tagIds', true))]
  const useCaseIds = [...new Set([...ids('useCaseIds', true), ...ids('useCaseId', false)].filter(Boolean))]
  const [terms, useCases] = await Promise.all([
    termIds.length
      ? ctx.db.selectFrom('taxonomy_terms').select(['id', 'name']).where('id', 'in', termIds).execute()
      : [],
    useCaseIds.length
      ? ctx.db.selectFrom('use_cases').select(['id', 'reference']).where('id', 'in', useCaseIds).execute()
      : [],
  ])
  const domainCodes = new Map(domains.map((d) => [d.id, d.code]))
  const termNames = new Map(terms.map((t) => [t.id, t.name]))
  const references = new Map(useCases.map((u) => [u.id, u.reference]))
  const all = buildHistory(rows, evs, {
    domainName: (id) => domainCodes.get(id) ?? id,
    termName: (id) => termNames.get(id) ?? id,
    referenceOfUseCase: (id) => references.get(id) ?? id,
  })
  const start = (q.page - 1) * q.pageSize
  return { items: all.slice(start, start + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize }
}
