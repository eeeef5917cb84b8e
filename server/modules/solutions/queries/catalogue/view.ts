import type { CatalogueItem, CatalogueOwner, SnippetPart } from '../../../../../shared/contracts/catalogue.ts'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import type { SmeStatus } from '../../../../../shared/contracts/profiles.ts'
import type { SolutionType } from '../../../../../shared/contracts/solutions.ts'
import type { TrlWindow } from '../../../../../shared/contracts/trl.ts'
import type { Actor } from '../../../../platform/authz/actor.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { fitsWindow } from '../../domain/trl/index.ts'
import { ownerFor, type SolutionRow } from '../solution-view.ts'
import { headline, snippetParts, type TextSearch } from './search.ts'

/** The columns a catalogue card needs, for the rows of one page (looked up by id, in the page's order). */
export async function loadRows(db: Queryable, ids: string[], text: TextSearch | null) {
  if (ids.length === 0) return []
  let q = db
    .selectFrom('solutions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.organisation_id',
      's.reference',
      's.name',
      's.pitch',
      's.type',
      's.language',
      's.visibility',
      's.assessed_trl',
      's.target_trl',
      's.created_at',
      's.updated_at',
      's.domain_ids',
      's.tag_ids',
      's.challenge_ids',
      's.content',
      's.ip_status',
      'o.legal_name as org_legal_name',
      'o.short_name as org_short_name',
      'o.country as org_country',
      'o.visibility as org_visibility',
      'o.public_ref as org_public_ref',
      'o.sme_status as org_sme_status',
      'o.website as org_website',
      'o.registration_number as org_registration_number',
    ])
    .where('s.id', 'in', ids)
  if (text) q = q.select(headline(text).as('snippet')) as unknown as typeof q
  const rows = (await q.execute()) as (Awaited<ReturnType<typeof q.execute>>[number] & { snippet?: string })[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined)
}
export type CatalogueRow = Awaited<ReturnType<typeof loadRows>>[number]

/**
 * The owner as the caller may see it: solutions/queries/solution-view.ts `ownerFor` (the disclosure
 * rule), with the size class, which identifies no one.
 */
export function ownerOf(actor: Actor, r: CatalogueRow): CatalogueOwner {
  const owner = ownerFor(actor, r as unknown as SolutionRow)
  return { ...owner, smeStatus: (r.org_sme_status as SmeStatus | null) ?? null }
}

/**
 * What must never reach a caller from whom the owner is hidden, should the solution's own text name it:
 * its legal and short name, website host and registration number are blanked out of the shown text.
 */
export function identityRedactor(actor: Actor, r: CatalogueRow): (s: string) => string {
  if (ownerOf(actor, r).disclosed) return (s) => s
  const host = (() => {
    try {
      return r.org_website ? new URL(r.org_website).hostname.replace(/^www\./, '') : null
    } catch {
      return null
    }
  })()
  const secrets = [r.org_legal_name, r.org_short_name, host, r.org_registration_number, r.org_website]
    .filter((x): x is string => typeof x === 'string' && x.trim().length >= 3)
    .map((x) => x.trim())
    .sort((a, b) => b.length - a.length)
  if (secrets.length === 0) return (s) => s
  const pattern = new RegExp(secrets.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu')
  return (s) => s.replace(pattern, '…')
}

/** Names of domains and tags, once per page. */
export async function labelsFor(db: Queryable, rows: { domain_ids: string[]; tag_ids: string[] }[]) {
  const tagIds = [...new Set(rows.flatMap((r) => r.tag_ids))]
  const [domains, tags] = await Promise.all([
    db.selectFrom('domains').select(['id', 'code', 'name', 'position']).orderBy('position').execute(),
    tagIds.length === 0
      ? []
      : db.selectFrom('taxonomy_terms').select(['id', 'name']).where('id', 'in', tagIds).orderBy('name').execute(),
  ])
  return {
    domains: new Map(domains.map((d) => [d.id, { code: d.code, name: d.name as LocalizedText, position: d.position }])),
    tags: new Map(tags.map((t) => [t.id, t.name])),
  }
}

export const isoString = (d: Date | string) => new Date(d).toISOString()

/** One page's rows as catalogue cards; `fitsWindow` is judged against `window` (queries/trl-window.ts). */
export async function toItems(
  db: Queryable,
  actor: Actor,
  rows: CatalogueRow[],
  window: TrlWindow,
): Promise<CatalogueItem[]> {
  const labels = await labelsFor(db, rows)
  return rows.map((r) => {
    const redact = identityRedactor(actor, r)
    const snippet: SnippetPart[] | null = snippetParts(r.snippet ?? null)
    return {
      id: r.id,
      reference: r.reference,
      name: redact(r.name),
      pitch: redact(r.pitch),
      type: r.type as SolutionType,
      language: r.language,
      trl: r.assessed_trl,
      targetTrl: r.target_trl,
      fitsWindow: fitsWindow(r.assessed_trl, window),
      owner: ownerOf(actor, r),
      domains: r.domain_ids
        .map((id) => labels.domains.get(id))
        .filter((d) => d !== undefined)
        .sort((a, b) => a.position - b.position)
        .map(({ code, name }) => ({ code, name })),
      tags: r.tag_ids
        .filter((id) => labels.tags.has(id))
        .map((id) => ({ id, name: labels.tags.get(id)! }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      snippet: snippet ? snippet.map((p) => ({ ...p, text: redact(p.text) })) : null,
      createdAt: isoString(r.created_at),
    }
  })
}
