import { type Capability, capabilities, capabilityMatrix } from '../../../../shared/authz.ts'
import type { Me } from '../../../../shared/contracts/account.ts'
import { abilitiesFor, authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { asLocale } from '../../../platform/i18n/index.ts'

/** Capabilities that do not need an object: the navigation shows what these allow. */
const programmeWide = Object.fromEntries(
  capabilities.filter((c) => !('subject' in capabilityMatrix[c])).map((c) => [c, c]),
) as Record<string, Capability>

export async function getMe(ctx: CommandContext): Promise<Me> {
  authorize(ctx.actor, 'account.view')
  const userId = ctx.actor.userId!
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'email_verified', 'locale', 'two_factor_enabled', 'created_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  const clusterIds = ctx.actor.programmeRoles.map((g) => g.clusterId).filter((c): c is string => c !== null)
  const clusters = clusterIds.length
    ? await ctx.db
        .selectFrom('clusters as c')
        .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select(['c.id', 'o.short_name', 'o.legal_name'])
        .where('c.id', 'in', clusterIds)
        .execute()
    : []
  const clusterName = new Map(clusters.map((c) => [c.id, c.short_name ?? c.legal_name]))
  const memberships = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.legal_name', 'o.short_name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('o.legal_name')
    .execute()
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.email_verified,
      locale: asLocale(user.locale),
      twoFactorEnabled: user.two_factor_enabled,
      createdAt: new Date(user.created_at).toISOString(),
    },
    programmeRoles: ctx.actor.programmeRoles.map((g) => ({
      id: g.id,
      programmeId: g.programmeId,
      role: g.role,
      clusterId: g.clusterId,
      clusterName: g.clusterId ? (clusterName.get(g.clusterId) ?? null) : null,
      effective: g.effective,
    })),
    memberships: memberships.map((m) => ({
      organisation: { id: m.id, legalName: m.legal_name, shortName: m.short_name },
      role: m.role as 'owner' | 'admin' | 'member',
    })),
    abilities: abilitiesFor(ctx.actor, programmeWide),
    twoFactorRequired: ctx.actor.programmeRoles.some((g) => !g.effective),
  }
}
