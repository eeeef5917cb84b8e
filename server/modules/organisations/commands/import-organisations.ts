import type { z } from 'zod'
import {
  type OrganisationImportPreview,
  type OrganisationImportReport,
  organisationImportFields,
  type organisationImportInput,
  organisationImportMaxRows,
  organisationImportRequired,
} from '../../../../shared/contracts/organisation-transfer.ts'
import { importMaxBytes } from '../../../../shared/contracts/transfer.ts'
import { resources } from '../../../../shared/i18n/index.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable, Tx } from '../../../platform/db/client.ts'
import { previewImport, readImportTable } from '../../../platform/export/import-table.ts'
import { addToIndex, distinctColumnValues, indexOrganisations } from '../../../platform/export/lookups.ts'
import { checkColumnMapping } from '../../../platform/export/mapping.ts'
import { runMappedImport } from '../../../platform/export/run-import.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { detectLanguage } from '../../../platform/search/language.ts'
import {
  type ImportedOrganisation,
  type OrganisationImportLookups,
  suggestOrganisationMapping,
  typeIndex,
  validateOrganisationRow,
} from '../domain/import-organisations.ts'
import { recomputeSme, refreshSearchVector, replaceOrganisationTags } from './profile-support.ts'

export type OrganisationImportInput = z.output<typeof organisationImportInput>
const limits = { maxBytes: importMaxBytes, maxRows: organisationImportMaxRows }

/** Step 1: the file's columns, a few sample values each, and a suggested mapping. Writes nothing. */
export async function previewOrganisationImport(ctx: CommandContext, file: string): Promise<OrganisationImportPreview> {
  authorize(ctx.actor, 'organisation.import')
  return previewImport(await readImportTable(file, limits), suggestOrganisationMapping, organisationImportFields, (f) =>
    organisationImportRequired.includes(f),
  )
}

/**
 * Step 2: validates every row, then writes all of them (only if all pass) or the valid ones, in one
 * transaction. Each organisation is created without members (staff invite its people afterwards), with
 * its SME status computed and its search vector built, audited as `organisation.created` with
 * `source: 'import'`.
 */
export async function importOrganisations(
  ctx: CommandContext,
  input: OrganisationImportInput,
): Promise<OrganisationImportReport> {
  authorize(ctx.actor, 'organisation.import')
  const t = await readImportTable(input.file, limits)
  return runMappedImport({
    db: ctx.db,
    table: t,
    mode: input.mode,
    mappingErrors: checkColumnMapping(input.mapping, t.width, organisationImportRequired),
    prepare: async () => {
      const lookups = await loadLookups(ctx.db, ctx.clock.now())
      const seen = new Set<string>()
      return (cells) => validateOrganisationRow(cells, input.mapping, lookups, seen)
    },
    write: (tx, value, row) => insertOrganisation(tx, ctx, value, t.format, row),
  })
}

async function loadLookups(db: Queryable, now: Date): Promise<OrganisationImportLookups> {
  const registered = new Set(
    (
      await db
        .selectFrom('organisations')
        .select(['country', 'registration_number'])
        .where('registration_number', 'is not', null)
        .execute()
    ).map((o) => `${o.country}|${o.registration_number!.toLowerCase()}`),
  )
  const terms = new Map<string, string[]>()
  for (const term of await db.selectFrom('taxonomy_terms').select(['id', 'taxonomy_id', 'code', 'name']).execute()) {
    for (const k of [`${term.taxonomy_id}:${term.code}`, term.code, term.name]) {
      addToIndex(terms, k, term.id, (x) => x === term.id)
    }
  }
  const labels = Object.fromEntries(
    Object.entries(resources).map(([l, r]) => [
      l,
      (r.translation as { organisationTypes: Record<string, string> }).organisationTypes,
    ]),
  )
  return { registered, terms, types: typeIndex(labels), now }
}

async function insertOrganisation(
  tx: Tx,
  ctx: CommandContext,
  v: ImportedOrganisation,
  format: string,
  row: number,
): Promise<{ id: string; reference: string }> {
  const now = ctx.clock.now()
  const org = await tx
    .insertInto('organisations')
    .values({
      legal_name: v.legalName,
      short_name: v.shortName,
      legal_form: v.legalForm,
      country: v.country,
      registration_number: v.registrationNumber,
      website: v.website,
      type: v.type,
      description: v.description,
      language: detectLanguage(v.description) ?? 'en',
      headcount: v.headcount,
      annual_turnover_cents: v.annualTurnoverCents,
      balance_sheet_cents: v.balanceSheetCents,
      financial_year: v.financialYear,
      founded_year: v.foundedYear,
      region: v.region,
      visibility: v.visibility,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'public_ref'])
    .executeTakeFirstOrThrow()
  await replaceOrganisationTags(tx, org.id, v.tagIds)
  const sme = await recomputeSme(tx, org.id, now)
  await refreshSearchVector(tx, org.id)
  await recordAudit(tx, ctx, {
    action: 'organisation.created',
    subjectType: 'organisation',
    subjectId: org.id,
    change: { source: 'import', format, row, ...v, smeStatus: sme.status },
  })
  return { id: org.id, reference: org.public_ref }
}

/** An existing organisation as the imports of other objects (use cases, solutions) match it. */
export interface NamedOrganisation {
  id: string
  type: string
  legal_name: string
  short_name: string | null
  registration_number: string | null
  country: string
}

/**
 * The existing organisations a file names in its owner columns (registration number, legal or short
 * name; any case), indexed by number and by name for row matching. No owner column, no query.
 */
export async function findNamedOrganisations<V>(
  db: Queryable,
  data: readonly { cells: string[] }[],
  columns: { number: number | undefined; name: number | undefined },
  toValue: (o: NamedOrganisation) => V,
) {
  const numbers = distinctColumnValues(data, columns.number)
  const names = distinctColumnValues(data, columns.name)
  const orgs: NamedOrganisation[] =
    numbers.length + names.length === 0
      ? []
      : await db
          .selectFrom('organisations')
          .select(['id', 'type', 'legal_name', 'short_name', 'registration_number', 'country'])
          .where((eb) =>
            eb.or([
              ...(numbers.length ? [eb(eb.fn('lower', ['registration_number']), 'in', numbers)] : []),
              ...(names.length
                ? [eb(eb.fn('lower', ['legal_name']), 'in', names), eb(eb.fn('lower', ['short_name']), 'in', names)]
                : []),
            ]),
          )
          .execute()
  return indexOrganisations(orgs, toValue)
}
