import {
  type CatalogueExportQuery,
  type CatalogueItem,
  catalogueExportLimit,
} from '../../../../../shared/contracts/catalogue.ts'
import { authorize } from '../../../../platform/authz/policy.ts'
import { type Column, datedFilename, renderTable, type TabularFormat } from '../../../../platform/export/index.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { resolveFilters } from './filters.ts'
import { catalogueWindow, effectiveSort, orderedIds } from './list.ts'
import { loadRows, toItems } from './view.ts'

interface ExportRow extends CatalogueItem {
  challengeCodes: string
  url: string
}

/**
 * The columns, in English and stable, so that an exported file can be imported again (the importer
 * suggests its mapping from these headers). The owner is what the list shows the caller: its name when
 * disclosed, else its public reference when it has one, else nothing — never a hidden name.
 */
export const exportColumns: Column<ExportRow>[] = [
  { header: 'Reference', value: (r) => r.reference, width: 12 },
  { header: 'Name', value: (r) => r.name, width: 40 },
  { header: 'Pitch', value: (r) => r.pitch, width: 60 },
  { header: 'Type', value: (r) => r.type, width: 12 },
  { header: 'Language', value: (r) => r.language, width: 9 },
  { header: 'TRL', kind: 'number', value: (r) => r.trl, width: 6 },
  { header: 'Target TRL', kind: 'number', value: (r) => r.targetTrl, width: 10 },
  { header: 'Fits TRL window', value: (r) => (r.fitsWindow === null ? '' : r.fitsWindow ? 'yes' : 'no'), width: 14 },
  { header: 'Organisation', value: (r) => (r.owner.disclosed ? r.owner.name : null), width: 32 },
  { header: 'Organisation reference', value: (r) => r.owner.publicRef, width: 16 },
  { header: 'Country', value: (r) => r.owner.country, width: 8 },
  { header: 'SME status', value: (r) => r.owner.smeStatus, width: 10 },
  { header: 'Domains', value: (r) => r.domains.map((d) => d.code).join('; '), width: 10 },
  { header: 'Challenges', value: (r) => r.challengeCodes, width: 14 },
  { header: 'Tags', value: (r) => r.tags.map((t) => t.name).join('; '), width: 40 },
  { header: 'Created', kind: 'datetime', value: (r) => new Date(r.createdAt), width: 20 },
  { header: 'Link', value: (r) => r.url, width: 40 },
]

/**
 * The filtered catalogue as a file: exactly the rows the list shows the caller (same rule, filters and
 * sort), every page at once, capped at `catalogueExportLimit`.
 */
export async function exportCatalogue(
  ctx: CommandContext,
  format: TabularFormat,
  query: CatalogueExportQuery,
): Promise<{ filename: string; body: Buffer; rows: number }> {
  authorize(ctx.actor, 'solution.view')
  authorize(ctx.actor, 'solution.export')
  const r = await resolveFilters(ctx.db, query)
  const window = await catalogueWindow(ctx.db, r)
  const sort = effectiveSort(query.sort, r)
  const ids = (await orderedIds(ctx.db, ctx.actor, r, sort).limit(catalogueExportLimit).execute()).map((x) => x.id)
  const challenges = new Map(
    (await ctx.db.selectFrom('challenges').select(['id', 'code']).where('status', '=', 'published').execute()).map(
      (c) => [c.id, c.code],
    ),
  )
  const data: ExportRow[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await loadRows(ctx.db, ids.slice(i, i + 500), null)
    const items = await toItems(ctx.db, ctx.actor, rows, window)
    items.forEach((item, k) => {
      data.push({
        ...item,
        challengeCodes: rows[k]!.challenge_ids.map((id) => challenges.get(id))
          .filter(Boolean)
          .join('; '),
        url: new URL(`/solutions/${encodeURIComponent(item.reference)}`, ctx.publicUrl).href,
      })
    })
  }
  const body = await renderTable(format, { columns: exportColumns, rows: data, sheetName: 'Solutions' })
  return { filename: datedFilename('solutions', format, ctx.clock.now()), body, rows: data.length }
}
