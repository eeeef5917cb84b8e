import {
  type SolutionImportInput,
  type SolutionImportPreview,
  type SolutionImportReport,
  solutionImportFields,
} from '../../../../shared/contracts/catalogue.ts'
import { importMaxBytes, importMaxRows } from '../../../../shared/contracts/transfer.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable, Tx } from '../../../platform/db/client.ts'
import { previewImport, readImportTable } from '../../../platform/export/import-table.ts'
import { addToIndex } from '../../../platform/export/lookups.ts'
import type { RowError } from '../../../platform/export/mapping.ts'
import { runMappedImport } from '../../../platform/export/run-import.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { findNamedOrganisations } from '../../organisations/commands/import-organisations.ts'
import {
  checkMapping,
  type ImportedSolution,
  type LookupOrganisation,
  organisationFields,
  requiredFields,
  type SolutionImportLookups,
  suggestMapping,
  validateRow,
} from '../domain/transfer-mapping.ts'
import { compactCounts } from '../queries/catalogue/counts.ts'
import { nextSolutionReference } from './create-solution.ts'
import { replaceLinks } from './references.ts'
import { writeRevision } from './revisions.ts'
import { refreshSearchVector, solutionLanguage } from './search.ts'

const limits = { maxBytes: importMaxBytes, maxRows: importMaxRows }

/** Step 1: the file's columns, a few values each, and a suggested mapping. Writes nothing. */
export async function previewSolutionImport(ctx: CommandContext, file: string): Promise<SolutionImportPreview> {
  authorize(ctx.actor, 'solution.import')
  return previewImport(
    await readImportTable(file, limits),
    suggestMapping,
    solutionImportFields,
    (f) => requiredFields.includes(f) || organisationFields.includes(f),
  )
}

/**
 * Step 2: validates every row, then writes in ONE transaction every row (`all_or_nothing`, only when
 * all pass) or the valid ones (`valid_rows`). Each solution is created as its owner's members would
 * (reference, revision 1, links, search vector in its language), authored by the importer and audited
 * `solution.created` with `source: 'import'`. Operators and cluster staff only (`solution.import`).
 */
export async function importSolutions(ctx: CommandContext, input: SolutionImportInput): Promise<SolutionImportReport> {
  authorize(ctx.actor, 'solution.import')
  const t = await readImportTable(input.file, limits)
  const owners = new Map<number, string | null>()
  const report = await runMappedImport<ImportedSolution, { id: string; reference: string }, RowError>({
    db: ctx.db,
    table: t,
    mode: input.mode,
    mappingErrors: checkMapping(input.mapping, t.width),
    prepare: async () => {
      const lookups = await loadLookups(ctx.db, t.data, input.mapping)
      return (cells, row) => {
        const result = validateRow(cells, input.mapping, lookups)
        owners.set(row, result.ok ? result.value.organisation.name : result.organisation)
        return result.ok ? result : { ok: false, errors: result.errors }
      }
    },
    write: (tx, value, row) => insertSolution(tx, ctx, value, t.format, row),
  })
  if (report.written) await compactCounts(ctx.db, 5_000)
  return { ...report, rows: report.rows.map((r) => ({ ...r, organisation: owners.get(r.row) ?? null })) }
}

async function loadLookups(
  db: Queryable,
  data: { cells: string[] }[],
  mapping: SolutionImportInput['mapping'],
): Promise<SolutionImportLookups> {
  const { organisationsByNumber, organisationsByName } = await findNamedOrganisations(
    db,
    data,
    { number: mapping.organisationRegistrationNumber, name: mapping.organisationName },
    (o): LookupOrganisation => ({ id: o.id, name: o.legal_name, country: o.country }),
  )

  const domains = new Map<string, string>()
  for (const d of await db.selectFrom('domains').select(['id', 'code', 'name']).execute()) {
    domains.set(d.code.toLowerCase(), d.id)
    const n = (typeof d.name === 'string' ? JSON.parse(d.name) : d.name) as Record<string, string> | null
    for (const x of Object.values(n ?? {})) if (typeof x === 'string') domains.set(x.trim().toLowerCase(), d.id)
  }
  const challenges = new Map<string, string>()
  for (const c of await db
    .selectFrom('challenges')
    .select(['id', 'code'])
    .where('status', '=', 'published')
    .execute()) {
    challenges.set(c.code.toLowerCase(), c.id)
  }
  const terms = new Map<string, string[]>()
  if (mapping.tags !== undefined) {
    for (const term of await db.selectFrom('taxonomy_terms').select(['id', 'taxonomy_id', 'code', 'name']).execute()) {
      for (const k of [`${term.taxonomy_id}:${term.code}`, term.code, term.name]) {
        addToIndex(terms, k, term.id, (x) => x === term.id)
      }
    }
  }
  return { organisationsByNumber, organisationsByName, domains, challenges, terms }
}

async function insertSolution(
  tx: Tx,
  ctx: CommandContext,
  v: ImportedSolution,
  format: string,
  row: number,
): Promise<{ id: string; reference: string }> {
  const now = ctx.clock.now()
  const content = { description: v.description, problem: v.problem, targetUsers: [], references: [] }
  const org = await tx
    .selectFrom('organisations')
    .select('language')
    .where('id', '=', v.organisation.id)
    .executeTakeFirstOrThrow()
  const lang = solutionLanguage(v.language, { name: v.name, pitch: v.pitch, content }, org.language)
  const reference = await nextSolutionReference(tx)
  const created = await tx
    .insertInto('solutions')
    .values({
      organisation_id: v.organisation.id,
      reference,
      status: v.status,
      visibility: v.visibility,
      type: v.type,
      name: v.name,
      pitch: v.pitch,
      content: JSON.stringify(content),
      language: lang.language,
      language_declared: lang.declared,
      ip_status: v.ipStatus,
      target_trl: v.targetTrl,
      revision: 1,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow()
  await replaceLinks(tx, created.id, { domainIds: v.domainIds, challengeIds: v.challengeIds, tagIds: v.tagIds })
  await refreshSearchVector(tx, created.id)
  await writeRevision(tx, created.id, 1, ctx.actor.userId, now)
  await recordAudit(tx, ctx, {
    action: 'solution.created',
    subjectType: 'solution',
    subjectId: created.id,
    change: {
      reference,
      source: 'import',
      format,
      row,
      organisationId: v.organisation.id,
      name: v.name,
      pitch: v.pitch,
      type: v.type,
      status: v.status,
      visibility: v.visibility,
      language: lang.language,
      ipStatus: v.ipStatus,
      targetTrl: v.targetTrl,
      domainIds: v.domainIds,
      challengeIds: v.challengeIds,
      tagIds: v.tagIds,
    },
  })
  return created
}
