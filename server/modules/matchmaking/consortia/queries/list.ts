import { sql } from 'kysely'
import type { z } from 'zod'
import type { ConsortiumPage, consortiumListQuery } from '../../../../../shared/contracts/consortia.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { escapeLike } from '../../../../platform/db/like.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { identityVisible } from '../../../organisations/domain/disclosure.ts'
import { findConsortium, loadMembers, selectConsortium } from './rows.ts'
import { readerLocale, toConsortium } from './view.ts'

/**
 * The consortia of the caller's organisations: those they lead, and those where they are invited or
 * accepted, newest change first, each with its live rule check.
 */
export async function listMyConsortia(
  ctx: CommandContext,
  query: z.output<typeof consortiumListQuery>,
): Promise<ConsortiumPage> {
  authorize(ctx.actor, 'consortium.view')
  const orgs = [...ctx.actor.memberships.keys()]
  if (orgs.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
  const now = ctx.clock.now()
  let q = selectConsortium(ctx.db).where((eb) =>
    eb.or([
      eb('k.lead_organisation_id', 'in', orgs),
      eb.exists(
        eb
          .selectFrom('consortium_members as mm')
          .select('mm.id')
          .whereRef('mm.consortium_id', '=', 'k.id')
          .where('mm.organisation_id', 'in', orgs)
          .where('mm.status', 'in', ['invited', 'accepted']),
      ),
    ]),
  )
  if (query.status) q = q.where('k.status', '=', query.status)
  const total = await q.clearSelect().select(sql<string>`count(*)::text`.as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .orderBy('k.updated_at', 'desc')
    .orderBy('k.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  const locale = await readerLocale(ctx.db, ctx.actor)
  const items = []
  for (const row of rows) {
    const { members, access } = await findConsortium(ctx.db, ctx.actor, row.id)
    const full = await toConsortium(ctx.db, ctx.actor, now, row, members, access, locale)
    items.push({
      id: full.id,
      name: full.name,
      acronym: full.acronym,
      status: full.status,
      call: full.call,
      challenge: full.challenge,
      leadOrganisation: full.leadOrganisation,
      rulesPass: full.rulesPass,
      application: full.application,
      updatedAt: full.updatedAt,
      accepted: members.filter((m) => m.status === 'accepted').length,
      pending: members.filter((m) => m.status === 'invited').length,
      invitedMe: members.some((m) => access.ownMemberIds.includes(m.id) && m.status === 'invited'),
    })
  }
  return { items, total: Number(total.n), page: query.page, pageSize: query.pageSize }
}

/**
 * Organisations the lead may invite by name, for the invite dialog: a name search over organisations
 * whose identity the caller may see (the disclosure rule; an anonymous one is invited from the
 * recommendation or the partner search that found it), minus the lead and those invited or accepted.
 */
export async function searchCandidates(ctx: CommandContext, consortiumId: string, q: string) {
  authorize(ctx.actor, 'consortium.manage')
  const { row, access } = await findConsortium(ctx.db, ctx.actor, consortiumId)
  if (!access.lead)
    throw new DomainError('forbidden', 'Only the lead searches for partners.', { reason: 'not_a_member' })
  const members = await loadMembers(ctx.db, consortiumId)
  const taken = new Set([
    row.lead_organisation_id,
    ...members
      .filter((m) => m.status === 'invited' || m.status === 'accepted')
      .flatMap((m) => (m.organisation_id ? [m.organisation_id] : [])),
  ])
  const words = q.trim()
  if (words.length < 2) return { items: [] }
  const pattern = `%${escapeLike(words.toLowerCase())}%`
  const rows = await ctx.db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.legal_name', 'o.short_name', 'o.country', 'o.type', 'o.sme_status', 'o.visibility'])
    .where('o.visibility', '<>', 'anonymous')
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['o.legal_name']), 'like', pattern),
        eb(eb.fn('lower', [eb.fn.coalesce('o.short_name', sql.lit(''))]), 'like', pattern),
      ]),
    )
    .orderBy('o.legal_name')
    .limit(40)
    .execute()
  return {
    items: rows
      .filter((o) => !taken.has(o.id) && identityVisible(ctx.actor, { id: o.id, visibility: o.visibility }))
      .slice(0, 20)
      .map((o) => ({ id: o.id, name: o.legal_name, country: o.country, type: o.type, smeStatus: o.sme_status })),
  }
}
