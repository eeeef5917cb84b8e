import { sql } from 'kysely'
import type { z } from 'zod'
import type { AuditEvent, auditEventQuery } from '../../../../shared/contracts/admin.ts'
import type { Page } from '../../../../shared/contracts/common.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The activity log, newest first, filterable by actor, subject, action and time. */
export async function listAuditEvents(
  ctx: CommandContext,
  q: z.output<typeof auditEventQuery>,
): Promise<Page<AuditEvent>> {
  authorize(ctx.actor, 'admin.audit.view')
  let base = ctx.db.selectFrom('audit_events')
  if (q.actor) {
    const actor = q.actor
    base = UUID.test(actor)
      ? base.where('actor_id', '=', actor)
      : base.where('actor_label', 'ilike', `%${escapeLike(actor)}%`)
  }
  if (q.subjectType) base = base.where('subject_type', '=', q.subjectType)
  if (q.subjectId) base = base.where('subject_id', '=', q.subjectId)
  if (q.action) base = base.where('action', 'like', `${escapeLike(q.action)}%`)
  if (q.from) base = base.where('occurred_at', '>=', new Date(q.from))
  if (q.to) base = base.where('occurred_at', '<', new Date(q.to))
  const [{ total }, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('seq', q.sort === 'seq' ? 'asc' : 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ])
  return {
    items: rows.map((r) => ({
      seq: String(r.seq),
      occurredAt: new Date(r.occurred_at).toISOString(),
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      change: r.change,
      digest: r.digest,
      requestId: r.request_id,
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  }
}
