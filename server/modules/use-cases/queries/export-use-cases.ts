import type { z } from 'zod'
import { exportRowLimit, type useCaseExportQuery } from '../../../../shared/contracts/transfer.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { type Column, datedFilename, renderTable, type TabularFormat } from '../../../platform/export/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
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

/**
 * The columns, in English and stable: an exported file can be imported again (the import suggests the
 * mapping from these headers). Domain is the domain's code; tags are term names joined by "; ".
 */
export const exportColumns: Column<ExportRow>[] = [
  { header: 'Reference', value: (r) => r.reference, width: 12 },
  { header: 'Title', value: (r) => r.title, width: 48 },
  { header: 'Organisation', value: (r) => r.organisation, width: 36 },
  { header: 'Country', value: (r) => r.country, width: 9 },
  { header: 'Domain', value: (r) => r.domain, width: 9 },
  { header: 'Status', value: (r) => r.status, width: 18 },
  { header: 'Confidentiality', value: (r) => r.confidentiality, width: 16 },
  { header: 'TRL min', kind: 'number', value: (r) => r.trlMin, width: 9 },
  { header: 'TRL max', kind: 'number', value: (r) => r.trlMax, width: 9 },
  { header: 'Created', kind: 'datetime', value: (r) => r.createdAt, width: 20 },
  { header: 'Updated', kind: 'datetime', value: (r) => r.updatedAt, width: 20 },
  { header: 'Submitted', kind: 'datetime', value: (r) => r.submittedAt, width: 20 },
  { header: 'Tags', value: (r) => r.tags, width: 40 },
]

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
  const tags = await tagsOf(
    ctx.db,
    rows.map((r) => r.id),
  )
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
    tags: (tags.get(r.id) ?? []).map((t) => t.name).join('; '),
  }))
  const body = await renderTable(format, { columns: exportColumns, rows: data, sheetName: 'Use cases' })
  return { filename: datedFilename('use-cases', format, ctx.clock.now()), body, rows: data.length }
}
