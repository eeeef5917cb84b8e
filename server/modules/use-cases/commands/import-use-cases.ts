import { sql } from 'kysely'
import type { z } from 'zod'
import type { OrganisationType } from '../../../../shared/contracts/organisations.ts'
import type { ImportReport, ImportRowReport, importInput } from '../../../../shared/contracts/transfer.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Queryable, type Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
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
import { readImportFile } from './import-file.ts'
import { replaceTags } from './references.ts'

export type ImportInput = z.output<typeof importInput>

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
  const t = await readImportFile(input.file)
  const width = Math.max(t.header.length, ...t.data.map((r) => r.cells.length))
  const base = { format: t.format, mode: input.mode, total: t.data.length }

  const mappingErrors = checkMapping(input.mapping, width)
  if (mappingErrors.length > 0) {
    return { ...base, written: false, valid: 0, invalid: t.data.length, created: 0, mappingErrors, rows: [] }
  }

  const lookups = await loadLookups(ctx.db, programmeId, t.data, input.mapping)
  const checked = t.data.map((r) => ({ row: r.row, result: validateRow(r.cells, input.mapping, lookups) }))
  const valid = checked.filter((c) => c.result.ok).length
  const invalid = checked.length - valid
  const write = valid > 0 && (input.mode === 'valid_rows' || invalid === 0)

  const created = new Map<number, { id: string; reference: string }>()
  if (write) {
    await inTransaction(ctx.db, async (tx) => {
      for (const c of checked) {
        if (c.result.ok) created.set(c.row, await insertDraft(tx, ctx, programmeId, c.result.value, t.format, c.row))
      }
    })
  }
  const rows: ImportRowReport[] = checked.map((c) => ({
    row: c.row,
    ok: c.result.ok,
    errors: c.result.ok ? [] : c.result.errors,
    created: created.get(c.row) ?? null,
  }))
  return { ...base, written: write, valid, invalid, created: created.size, mappingErrors: [], rows }
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
  const values = (i: number | undefined) =>
    i === undefined ? [] : [...new Set(data.map((r) => (r.cells[i] ?? '').trim().toLowerCase()).filter(Boolean))]
  const numbers = values(mapping.organisationRegistrationNumber)
  const names = values(mapping.organisationName)
  const orgs =
    numbers.length + names.length === 0
      ? []
      : await db
          .selectFrom('organisations')
          .select(['id', 'type', 'legal_name', 'short_name', 'registration_number'])
          .where((eb) =>
            eb.or([
              ...(numbers.length ? [eb(eb.fn('lower', ['registration_number']), 'in', numbers)] : []),
              ...(names.length
                ? [eb(eb.fn('lower', ['legal_name']), 'in', names), eb(eb.fn('lower', ['short_name']), 'in', names)]
                : []),
            ]),
          )
          .execute()
  const add = <V>(m: Map<string, V[]>, k: string | null, v: V, same: (a: V) => boolean) => {
    if (!k) return
    const key = k.trim().toLowerCase()
    const list = m.get(key) ?? []
    if (!list.some(same)) list.push(v)
    m.set(key, list)
  }
  const organisationsByNumber = new Map<string, ImportOrganisation[]>()
  const organisationsByName = new Map<string, ImportOrganisation[]>()
  for (const o of orgs) {
    const v = { id: o.id, eligible: draftingTypes.includes(o.type as OrganisationType) }
    add(organisationsByNumber, o.registration_number, v, (x) => x.id === o.id)
    add(organisationsByName, o.legal_name, v, (x) => x.id === o.id)
    add(organisationsByName, o.short_name, v, (x) => x.id === o.id)
  }

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
      for (const k of termKeys(term)) add(terms, k, term, (x) => x.id === term.id)
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
