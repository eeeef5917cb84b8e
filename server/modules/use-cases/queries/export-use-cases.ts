import { sql } from 'kysely'
import type { z } from 'zod'
import type { Locale } from '../../../../shared/contracts/common.ts'
import {
  type ExportColumnKey,
  exportColumnKeys,
  exportRowLimit,
  type useCaseExportQuery,
} from '../../../../shared/contracts/transfer.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { type Column, datedFilename, renderTable, type TabularFormat } from '../../../platform/export/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { asLocale, translate } from '../../../platform/i18n/index.ts'
import { type ImportTerm, tagToken } from '../domain/import-mapping.ts'
import { filteredSummaries, sorted } from './list-use-cases.ts'
import { tagsOf } from './use-case-view.ts'

export type UseCaseExportQuery = z.output<typeof useCaseExportQuery>

interface ExportRow {
  reference: string
  title: string
  organisation: string
  country: string
  domain: string | null
  status: string
  confidentiality: string
  trlMin: number | null
  trlMax: number | null
  createdAt: Date
  updatedAt: Date
  submittedAt: Date | null
  tags: string
}

const columnSpecs: Record<ExportColumnKey, Omit<Column<ExportRow>, 'header'>> = {
  reference: { value: (r) => r.reference, width: 12 },
  title: { value: (r) => r.title, width: 48 },
  organisation: { value: (r) => r.organisation, width: 36 },
  country: { value: (r) => r.country, width: 9 },
  domain: { value: (r) => r.domain, width: 9 },
  status: { value: (r) => r.status, width: 18 },
  confidentiality: { value: (r) => r.confidentiality, width: 16 },
  trlMin: { kind: 'number', value: (r) => r.trlMin, width: 9 },
  trlMax: { kind: 'number', value: (r) => r.trlMax, width: 9 },
  created: { kind: 'datetime', value: (r) => r.createdAt, width: 20 },
  updated: { kind: 'datetime', value: (r) => r.updatedAt, width: 20 },
  submitted: { kind: 'datetime', value: (r) => r.submittedAt, width: 20 },
  tags: { value: (r) => r.tags, width: 40 },
}

/**
 * The columns with their headers in `locale` (English, French or Dutch). The import recognises the
 * headers of every language, so an exported file can be imported again. Values stay as the API writes
 * them (status and confidentiality codes, the domain's code, dates in UTC), so they import the same way
 * in every language; tags are term names joined by "; ", qualified as `taxonomy:name` when another
 * taxonomy has a term of the same name.
 */
export function exportColumns(locale: Locale): Column<ExportRow>[] {
  return exportColumnKeys.map((k) => ({
    header: translate(locale, `useCaseTransfer.export.columns.${k}`),
    ...columnSpecs[k],
  }))
}

/** The language of the headers: `?lang=`, else the signed-in person's language, else English. */
async function exportLocale(ctx: CommandContext, asked: Locale | undefined): Promise<Locale> {
  if (asked) return asked
  if (!ctx.actor.userId) return 'en'
  const u = await ctx.db.selectFrom('users').select('locale').where('id', '=', ctx.actor.userId).executeTakeFirst()
  return asLocale(u?.locale)
}

/** The terms that share a name with one of `terms` (their own included), by lower-cased name. */
async function namesakes(db: Queryable, terms: readonly ImportTerm[]): Promise<Map<string, ImportTerm[]>> {
  const names = [...new Set(terms.map((t) => t.name.toLowerCase()))]
  const out = new Map<string, ImportTerm[]>()
  if (names.length === 0) return out
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'taxonomy_id', 'code', 'name'])
    .where(sql<string>`lower(name)`, 'in', names)
    .execute()
  for (const r of rows) {
    const k = r.name.toLowerCase()
    out.set(k, [...(out.get(k) ?? []), { id: r.id, taxonomyId: r.taxonomy_id, code: r.code, name: r.name }])
  }
  return out
}

/**
 * The filtered list as a file: exactly the rows the list would show the caller (same filters, same
 * visibility rule, same sort), without paging, capped at `exportRowLimit`.
 */
export async function exportUseCases(
  ctx: CommandContext,
  format: TabularFormat,
  query: UseCaseExportQuery,
): Promise<{ filename: string; body: Buffer; rows: number }> {
  authorize(ctx.actor, 'use_case.view')
  authorize(ctx.actor, 'use_case.export')
  const rows = await sorted(filteredSummaries(ctx, query), query.sort)
    .leftJoin('domains as d', 'd.id', 'uc.domain_id')
    .select(['o.country', 'd.code as domain_code'])
    .limit(exportRowLimit)
    .execute()
  const [tags, locale] = await Promise.all([
    tagsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    exportLocale(ctx, query.lang),
  ])
  const used = [...tags.values()]
    .flat()
    .map((t) => ({ id: t.id, taxonomyId: t.taxonomyId, code: t.code, name: t.name }))
  const sameName = await namesakes(ctx.db, used)
  const token = (t: ImportTerm) => tagToken(t, sameName.get(t.name.toLowerCase()) ?? [t])
  const data: ExportRow[] = rows.map((r) => ({
    reference: r.reference,
    title: r.title,
    organisation: r.organisation_name,
    country: r.country,
    domain: r.domain_code,
    status: r.status,
    confidentiality: r.confidentiality,
    trlMin: r.trl_min,
    trlMax: r.trl_max,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
    tags: (tags.get(r.id) ?? []).map(token).join('; '),
  }))
  const body = await renderTable(format, {
    columns: exportColumns(locale),
    rows: data,
    sheetName: translate(locale, 'useCaseTransfer.export.sheet'),
  })
  return { filename: datedFilename('use-cases', format, ctx.clock.now()), body, rows: data.length }
}
