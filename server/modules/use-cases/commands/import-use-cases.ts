import { sql } from 'kysely'
import type { z } from 'zod'
import type { OrganisationType } from '../../../../shared/contracts/organisations.ts'
import {
  type ImportReport,
  type importInput,
  importMaxBytes,
  importMaxRows,
} from '../../../../shared/contracts/transfer.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable, Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import { readImportTable } from '../../../platform/export/import-table.ts'
import { addToIndex } from '../../../platform/export/lookups.ts'
import { runMappedImport } from '../../../platform/export/run-import.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { findNamedOrganisations } from '../../organisations/commands/import-organisations.ts'
import {
  checkMapping,
  type ImportedUseCase,
  type ImportLookups,
  type ImportOrganisation,
  type ImportTerm,
  termKeys,
  validateRow,
} from '../domain/import-mapping.ts'
import { programmesWhere } from '../domain/parties.ts'
import { draftingTypes } from './create-use-case.ts'
import { replaceTags } from './references.ts'

export type ImportInput = z.output<typeof importInput>
export const importLimits = { maxBytes: importMaxBytes, maxRows: importMaxRows }

/**
 * Step 2 of an import: validates every row, then writes — in ONE transaction — either every row
 * (`all_or_nothing`, only when all rows pass) or the valid rows (`valid_rows`). Each created use case is
 * a draft (revision 1) of the matched organisation, authored by the operator, audited once as
 * `use_case.created` with `source: 'import'`. Drafts, not submitted: an operator's spreadsheet does not
 * speak for an organisation; its members review, complete and submit the draft themselves.
 * Invalid rows never write anything; the answer is always the per-row report.
 */
export async function importUseCases(ctx: CommandContext, input: ImportInput): Promise<ImportReport> {
  authorize(ctx.actor, 'use_case.import')
  const programmeId = await importProgramme(ctx, input.programmeId)
  const t = await readImportTable(input.file, importLimits)
  return runMappedImport({
    db: ctx.db,
    table: t,
    mode: input.mode,
    mappingErrors: checkMapping(input.mapping, t.width),
    prepare: async () => {
      const lookups = await loadLookups(ctx.db, programmeId, t.data, input.mapping)
      return (cells) => validateRow(cells, input.mapping, lookups)
    },
    write: (tx, value, row) => insertDraft(tx, ctx, programmeId, value, t.format, row),
  })
}

async function importProgramme(ctx: CommandContext, asked: string | undefined): Promise<string> {
  if (ctx.actor.kind === 'system') {
    if (asked) return asked
    return (await ctx.db.selectFrom('programmes').select('id').orderBy('created_at').executeTakeFirstOrThrow()).id
  }
  const operated = programmesWhere(ctx.actor, 'operator')
  const id = asked ?? operated[0]
  if (!id || !operated.includes(id)) {
    throw new DomainError('forbidden', 'Only operators of the programme import its use cases.', {
      reason: 'missing_role',
    })
  }
  return id
}

async function loadLookups(
  db: Queryable,
  programmeId: string,
  data: { cells: string[] }[],
  mapping: ImportInput['mapping'],
): Promise<ImportLookups> {
  const { organisationsByNumber, organisationsByName } = await findNamedOrganisations(
    db,
    data,
    { number: mapping.organisationRegistrationNumber, name: mapping.organisationName },
    (o): ImportOrganisation => ({ id: o.id, eligible: draftingTypes.includes(o.type as OrganisationType) }),
  )

  const domains = new Map<string, string>()
  for (const d of await db
    .selectFrom('domains')
    .select(['id', 'code', 'name'])
    .where('programme_id', '=', programmeId)
    .execute()) {
    domains.set(d.code.toLowerCase(), d.id)
    const names = (typeof d.name === 'string' ? JSON.parse(d.name) : d.name) as Record<string, string> | null
    for (const n of Object.values(names ?? {})) if (typeof n === 'string') domains.set(n.trim().toLowerCase(), d.id)
  }

  const terms = new Map<string, ImportTerm[]>()
  if (mapping.tags !== undefined) {
    for (const t of await db.selectFrom('taxonomy_terms').select(['id', 'taxonomy_id', 'code', 'name']).execute()) {
      const term: ImportTerm = { id: t.id, taxonomyId: t.taxonomy_id, code: t.code, name: t.name }
      for (const k of termKeys(term)) addToIndex(terms, k, term, (x) => x.id === term.id)
    }
  }
  return { organisationsByNumber, organisationsByName, domains, terms }
}

async function insertDraft(
  tx: Tx,
  ctx: CommandContext,
  programmeId: string,
  v: ImportedUseCase,
  format: string,
  row: number,
): Promise<{ id: string; reference: string }> {
  const now = ctx.clock.now()
  const values = {
    title: v.title,
    content: JSON.stringify(v.content),
    trl_min: v.trlMin,
    trl_max: v.trlMax,
    domain_id: v.domainId,
    confidentiality: v.confidentiality,
  }
  const uc = await tx
    .insertInto('use_cases')
    .values({
      ...values,
      programme_id: programmeId,
      organisation_id: v.organisationId,
      reference: sql<string>`'UC-' || lpad(nextval('use_case_reference_seq')::text, 4, '0')`,
      status: 'draft',
      revision: 1,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('use_case_revisions')
    .values({ ...values, use_case_id: uc.id, revision: 1, author_id: ctx.actor.userId, created_at: now })
    .execute()
  await replaceTags(tx, uc.id, v.tags)
  await recordAudit(tx, ctx, {
    action: 'use_case.created',
    subjectType: 'use_case',
    subjectId: uc.id,
    change: { reference: uc.reference, source: 'import', format, row, ...v },
  })
  return uc
}
