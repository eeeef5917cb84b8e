import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import type { Solution, SolutionContent } from '../../../../shared/contracts/solutions.ts'
import type { TaxonomyTerm } from '../../../../shared/contracts/taxonomies.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { isBroker } from '../../organisations/domain/disclosure.ts'
import { abilitiesForSolution, isOwnerMember } from '../domain/abilities.ts'
import { mediaOf } from './media-view.ts'
import { findVisible, iso, ownerFor, toSummary } from './solution-view.ts'
import { trlStatusFor } from './trl-status.ts'
import { programmeTrlWindow } from './trl-window.ts'

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null)

/** The tags of one solution, in taxonomy order. */
export async function tagsOfSolution(db: Queryable, id: string): Promise<TaxonomyTerm[]> {
  const rows = await db
    .selectFrom('solution_tags as t')
    .innerJoin('taxonomy_terms as tt', 'tt.id', 't.term_id')
    .select(['tt.id', 'tt.taxonomy_id', 'tt.code', 'tt.name', 'tt.kind', 'tt.parent_code'])
    .where('t.solution_id', '=', id)
    .orderBy('tt.taxonomy_id')
    .orderBy('tt.position')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    taxonomyId: r.taxonomy_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parent_code,
  }))
}

/**
 * One solution as `actor` sees it. Members of its organisation and brokers see everything (revisions,
 * unpublished challenges it was linked to); others see the published content, with the owner shown or
 * hidden by the disclosure rule and media file names neutral when it is hidden.
 */
export async function readSolution(db: Queryable, actor: Actor, id: string): Promise<Solution> {
  const row = await findVisible(db, actor, id)
  const member = isOwnerMember(actor, row.organisation_id)
  const insider = member || isBroker(actor)
  const owner = ownerFor(actor, row)
  const [full, domains, challenges, tags, media, revisions, completed] = await Promise.all([
    db.selectFrom('solutions').select('content').where('id', '=', id).executeTakeFirstOrThrow(),
    db
      .selectFrom('solution_domains as sd')
      .innerJoin('domains as d', 'd.id', 'sd.domain_id')
      .select(['d.id', 'd.code', 'd.name'])
      .where('sd.solution_id', '=', id)
      .orderBy('d.position')
      .execute(),
    db
      .selectFrom('solution_challenges as sc')
      .innerJoin('challenges as c', 'c.id', 'sc.challenge_id')
      .select(['c.id', 'c.code', 'c.slug', 'c.title', 'c.trl_min', 'c.trl_max', 'c.status'])
      .where('sc.solution_id', '=', id)
      .$if(!insider, (qb) => qb.where('c.status', '=', 'published'))
      .orderBy('c.code')
      .execute(),
    tagsOfSolution(db, id),
    mediaOf(db, row, owner.disclosed),
    insider
      ? db
          .selectFrom('solution_revisions as r')
          .leftJoin('users as u', 'u.id', 'r.author_id')
          .select(['r.revision', 'r.author_id', 'u.name', 'r.created_at'])
          .where('r.solution_id', '=', id)
          .orderBy('r.revision', 'desc')
          .execute()
      : [],
    db
      .selectFrom('trl_assessments')
      .select('id')
      .where('solution_id', '=', id)
      .where('status', '=', 'completed')
      .limit(1)
      .executeTakeFirst(),
  ])
  const window = await programmeTrlWindow(db)
  const trl = await trlStatusFor(db, actor, row, challenges, window)
  return {
    ...toSummary(actor, row, window),
    content: full.content as SolutionContent,
    languageDeclared: row.language_declared,
    ipStatus: row.ip_status as Solution['ipStatus'],
    domains: domains.map((d) => ({ id: d.id, code: d.code, name: d.name as LocalizedText })),
    challenges: challenges.map((c) => ({
      id: c.id,
      code: c.code,
      slug: c.slug,
      title: c.title,
      trlMin: c.trl_min,
      trlMax: c.trl_max,
    })),
    tags,
    media,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      author: person(r.author_id, r.name),
      createdAt: iso(r.created_at),
    })),
    trl,
    abilities: abilitiesForSolution(actor, row, { hasCompleted: completed !== undefined }),
  }
}

export async function getSolution(ctx: CommandContext, id: string): Promise<Solution> {
  authorize(ctx.actor, 'solution.view')
  return readSolution(ctx.db, ctx.actor, id)
}
