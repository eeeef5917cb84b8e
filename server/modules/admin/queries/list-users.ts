import { sql } from 'kysely'
import type { z } from 'zod'
import type { ProgrammeRole } from '../../../../shared/authz.ts'
import type { AdminUser, adminUserListQuery } from '../../../../shared/contracts/admin.ts'
import type { Page } from '../../../../shared/contracts/common.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { escapeLike } from '../../../platform/db/like.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

const SORT = { name: 'u.name', email: 'u.email', createdAt: 'u.created_at' } as const

/** Everyone with an account, with their programme roles, for operators. */
export async function listUsers(ctx: CommandContext, q: z.output<typeof adminUserListQuery>): Promise<Page<AdminUser>> {
  authorize(ctx.actor, 'admin.users.view')
  let base = ctx.db.selectFrom('users as u')
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`
    base = base.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.email', 'ilike', like)]))
  }
  if (q.role === 'none') {
    base = base.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('programme_roles as r').select('r.id').whereRef('r.user_id', '=', 'u.id'))),
    )
  } else if (q.role) {
    const role = q.role
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('programme_roles as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', role),
      ),
    )
  }
  const desc = q.sort.startsWith('-')
  const column = SORT[q.sort.replace(/^-/, '') as keyof typeof SORT]
  const [{ total }, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'u.id',
        'u.name',
        'u.email',
        'u.email_verified',
        'u.two_factor_enabled',
        'u.disabled_at',
        'u.created_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('memberships as m')
          .select(sql<string>`count(*)`.as('n'))
          .whereRef('m.user_id', '=', 'u.id')
          .as('organisation_count'),
      )
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('u.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ])
  const ids = rows.map((r) => r.id)
  const grants = ids.length
    ? await ctx.db
        .selectFrom('programme_roles as r')
        .leftJoin('clusters as c', 'c.id', 'r.cluster_id')
        .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select(['r.id', 'r.user_id', 'r.role', 'r.cluster_id', 'o.short_name', 'o.legal_name'])
        .where('r.user_id', 'in', ids)
        .orderBy('r.granted_at')
        .execute()
    : []
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      emailVerified: r.email_verified,
      twoFactorEnabled: r.two_factor_enabled,
      disabled: r.disabled_at !== null,
      createdAt: new Date(r.created_at).toISOString(),
      organisationCount: Number(r.organisation_count ?? 0),
      programmeRoles: grants
        .filter((g) => g.user_id === r.id)
        .map((g) => ({
          id: g.id,
          role: g.role as ProgrammeRole,
          clusterId: g.cluster_id,
          clusterName: g.cluster_id ? (g.short_name ?? g.legal_name) : null,
        })),
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  }
}
