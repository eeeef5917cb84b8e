import type {
  SolutionOwner,
  SolutionStatus,
  SolutionSummary,
  SolutionType,
  SolutionVisibility,
} from '../../../../shared/contracts/solutions.ts'
import type { TrlWindow } from '../../../../shared/contracts/trl.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { identityVisible } from '../../organisations/domain/disclosure.ts'
import { fitsWindow } from '../domain/trl/index.ts'
import { visibleSolutions } from './visibility.ts'

export const iso = (d: Date | string) => new Date(d).toISOString()
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d))

/** Visible solutions with what the owner's disclosure needs; every read of one solution starts here. */
export function selectRows(db: Queryable, actor: Actor) {
  return visibleSolutions(db, actor)
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.organisation_id',
      's.reference',
      's.status',
      's.visibility',
      's.type',
      's.name',
      's.pitch',
      's.language',
      's.language_declared',
      's.ip_status',
      's.assessed_trl',
      's.target_trl',
      's.revision',
      's.created_at',
      's.updated_at',
      'o.legal_name as org_legal_name',
      'o.short_name as org_short_name',
      'o.country as org_country',
      'o.visibility as org_visibility',
      'o.public_ref as org_public_ref',
    ])
}
export type SolutionRow = Awaited<ReturnType<ReturnType<typeof selectRows>['executeTakeFirstOrThrow']>>

/**
 * The owner as `actor` may see it (organisations/domain/disclosure.ts). Hidden: the country only, and
 * the profile's public reference only when the profile itself is anonymous — for an anonymous solution
 * of a public profile the reference would lead straight to the named profile.
 */
export function ownerFor(actor: Actor, r: SolutionRow): SolutionOwner {
  const org = { id: r.organisation_id, visibility: r.org_visibility }
  if (identityVisible(actor, org, { visibility: r.visibility })) {
    return {
      disclosed: true,
      id: r.organisation_id,
      name: r.org_short_name ?? r.org_legal_name,
      country: r.org_country,
      publicRef: r.org_public_ref,
    }
  }
  const profileAnonymous = r.org_visibility !== 'public' && r.visibility !== 'anonymous'
  return {
    disclosed: false,
    id: null,
    name: null,
    country: r.org_country,
    publicRef: profileAnonymous ? r.org_public_ref : null,
  }
}

/** `window`: the programme's TRL window (queries/trl-window.ts), read once per request. */
export function toSummary(actor: Actor, r: SolutionRow, window: TrlWindow): SolutionSummary {
  return {
    id: r.id,
    reference: r.reference,
    name: r.name,
    pitch: r.pitch,
    status: r.status as SolutionStatus,
    visibility: r.visibility as SolutionVisibility,
    type: r.type as SolutionType,
    language: r.language,
    assessedTrl: r.assessed_trl,
    targetTrl: r.target_trl,
    fitsProgrammeWindow: fitsWindow(r.assessed_trl, window),
    programmeTrlWindow: { ...window },
    revision: r.revision,
    owner: ownerFor(actor, r),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

export const solutionNotFound = () => new DomainError('solution_not_found', 'No such solution.')

/** One visible solution's row, or 404 whether it is missing or hidden from the caller. */
export async function findVisible(db: Queryable, actor: Actor, id: string): Promise<SolutionRow> {
  const row = await selectRows(db, actor).where('s.id', '=', id).executeTakeFirst()
  if (!row) throw solutionNotFound()
  return row
}

/** Locks a visible solution's row for a command (404 when it is missing or hidden). */
export async function lockVisible(db: Queryable, actor: Actor, id: string) {
  const row = await visibleSolutions(db, actor).selectAll('s').where('s.id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw solutionNotFound()
  return row
}
export type LockedSolution = Awaited<ReturnType<typeof lockVisible>>
