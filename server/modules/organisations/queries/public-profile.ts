import { type SqlBool, sql } from 'kysely'
import type { OrganisationType } from '../../../../shared/contracts/organisations.ts'
import type { ProfileSolution, PublicProfile, SmeStatus } from '../../../../shared/contracts/profiles.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { visibleSolutions } from '../../solutions/queries/visibility.ts'
import { identityVisible, isBroker, listedFor } from '../domain/disclosure.ts'
import { tagsOf } from './applicant-profile.ts'
import { logoUrl } from './organisation-view.ts'

export const publicRefPattern = /^ORG-[0-9A-F]{8}$/
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One organisation by its public reference (ORG-XXXXXXXX) or, for logos, by its id. */
export async function findProfile(db: Queryable, ref: string) {
  const byRef = publicRefPattern.test(ref)
  if (!byRef && !uuidPattern.test(ref)) return undefined
  return db
    .selectFrom('organisations as o')
    .leftJoin('files as f', 'f.id', 'o.logo_file_id')
    .select([
      'o.id',
      'o.public_ref',
      'o.visibility',
      'o.type',
      'o.country',
      'o.sme_status',
      'o.description',
      'o.language',
      'o.legal_name',
      'o.short_name',
      'o.website',
      'o.region',
      'o.founded_year',
      'o.logo_file_id',
      'f.sha256 as logo_sha256',
    ])
    .where(byRef ? 'o.public_ref' : 'o.id', '=', byRef ? ref : ref.toLowerCase())
    .executeTakeFirst()
}
type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfile>>>

/**
 * The solutions listed on a profile: those the caller may see (THE solution rule, visibleSolutions),
 * minus the anonymous ones unless the caller may see who is behind them — an anonymous solution is
 * never tied to its owner's profile, not even to its public reference.
 */
function profileSolutionsQuery(db: Queryable, actor: Actor, org: { id: string; visibility: string }) {
  const seesOwner = identityVisible(actor, org, { visibility: 'anonymous' })
  return visibleSolutions(db, actor)
    .where('s.organisation_id', '=', org.id)
    .where((eb) => (seesOwner ? sql<SqlBool>`true` : eb('s.visibility', '<>', 'anonymous')))
}

export async function profileSolutions(
  db: Queryable,
  actor: Actor,
  org: { id: string; visibility: string },
  limit = 50,
): Promise<ProfileSolution[]> {
  const rows = await profileSolutionsQuery(db, actor, org)
    .select(['s.reference', 's.name', 's.pitch', 's.type', 's.assessed_trl'])
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    reference: r.reference,
    name: r.name,
    pitch: r.pitch,
    type: r.type,
    assessedTrl: r.assessed_trl,
  }))
}

async function solutionCount(db: Queryable, actor: Actor, org: { id: string; visibility: string }) {
  const row = await profileSolutionsQuery(db, actor, org)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * The profile as `actor` may see it. Identity (name, short name, website, logo, region, founding year)
 * only when the disclosure rule allows; otherwise `identity: null` and nothing identifying is even
 * read into the answer's object.
 */
export async function toPublicProfile(db: Queryable, actor: Actor, row: ProfileRow): Promise<PublicProfile> {
  const tags = (await tagsOf(db, [row.id])).get(row.id) ?? []
  const visible = identityVisible(actor, row)
  return {
    publicRef: row.public_ref,
    type: row.type as OrganisationType,
    country: row.country,
    smeStatus: (row.sme_status ?? null) as SmeStatus | null,
    description: row.description,
    language: row.language,
    tags,
    solutionCount: await solutionCount(db, actor, row),
    identity: visible
      ? {
          name: row.legal_name,
          shortName: row.short_name,
          website: row.website,
          logoUrl: logoUrl(row.public_ref, row.logo_sha256),
          region: row.region,
          foundedYear: row.founded_year,
        }
      : null,
  }
}

/** The profile behind a public reference, if the caller may see it listed at all (else 404). */
export async function readPublicProfile(db: Queryable, actor: Actor, ref: string) {
  const row = publicRefPattern.test(ref) ? await findProfile(db, ref) : undefined
  const listed = row && (listedFor(actor, row.visibility) || identityVisible(actor, row) || isBroker(actor))
  if (!row || !listed) throw new DomainError('organisation_not_found')
  return { row, profile: await toPublicProfile(db, actor, row) }
}

export async function getPublicProfile(ctx: CommandContext, ref: string): Promise<PublicProfile> {
  authorize(ctx.actor, 'organisation.profile.view')
  return (await readPublicProfile(ctx.db, ctx.actor, ref)).profile
}

/**
 * The logo's bytes, by id or public reference, only to a caller who may see the identity. Anyone
 * else gets exactly what a profile without a logo gives: 404.
 */
export async function readLogo(ctx: CommandContext, ref: string) {
  authorize(ctx.actor, 'organisation.profile.view')
  const row = await findProfile(ctx.db, ref)
  if (!row?.logo_file_id || !identityVisible(ctx.actor, row)) {
    throw new DomainError('not_found', 'No logo here.')
  }
  const file = await ctx.db
    .selectFrom('files')
    .select(['content_type', 'filename', 'sha256', 'data'])
    .where('id', '=', row.logo_file_id)
    .executeTakeFirst()
  if (!file) throw new DomainError('not_found', 'No logo here.')
  return file
}
