import { sql } from 'kysely'
import type { z } from 'zod'
import {
  organisationExportLimit,
  type organisationExportQuery,
} from '../../../../shared/contracts/organisation-transfer.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { type Column, datedFilename, renderTable, type TabularFormat } from '../../../platform/export/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { identityVisible } from '../domain/disclosure.ts'
import { tagsOf } from './applicant-profile.ts'
import { filteredOrganisations } from './list-organisations.ts'

export type OrganisationExportQuery = z.output<typeof organisationExportQuery>

const sortColumns = {
  legalName: sql`lower(o.legal_name)`,
  country: sql`o.country`,
  createdAt: sql`o.created_at`,
} as const

interface ExportRow {
  publicRef: string
  /** Null when the caller may not see who it is (never for staff; kept as a second line of defence). */
  identity: {
    legalName: string
    shortName: string | null
    legalForm: string | null
    registrationNumber: string | null
    website: string | null
    region: string | null
    foundedYear: number | null
    memberCount: number
  } | null
  country: string
  type: string
  visibility: string
  smeStatus: string | null
  headcount: number | null
  turnover: number | null
  balanceSheet: number | null
  financialYear: number | null
  description: string
  tags: string
  createdAt: Date
}

const euros = (cents: string | number | null) => (cents === null ? null : Number(cents) / 100)

/**
 * The staff list of organisations (same filters and sort as GET /api/v1/organisations) as CSV or XLSX.
 * The headers are those the import recognises, so an export can be edited and imported elsewhere.
 * Each row goes through the disclosure rule: staff see every identity; anyone else who could ever
 * reach this would get the public reference and the anonymised fields only.
 */
export async function exportOrganisations(
  ctx: CommandContext,
  format: TabularFormat,
  query: OrganisationExportQuery,
): Promise<{ filename: string; body: Buffer }> {
  authorize(ctx.actor, 'organisation.export')
  const descending = query.sort.startsWith('-')
  const field = (descending ? query.sort.slice(1) : query.sort) as keyof typeof sortColumns
  const rows = await filteredOrganisations(ctx, { ...query, mine: false })
    .select([
      'o.headcount',
      'o.annual_turnover_cents',
      'o.balance_sheet_cents',
      'o.financial_year',
      'o.founded_year',
      'o.region',
    ])
    .orderBy(sortColumns[field], descending ? 'desc' : 'asc')
    .orderBy('o.id')
    .limit(organisationExportLimit)
    .execute()
  const tags = await tagsOf(
    ctx.db,
    rows.map((r) => r.id),
  )
  const data: ExportRow[] = rows.map((r) => {
    const visible = identityVisible(ctx.actor, { id: r.id, visibility: r.visibility })
    return {
      publicRef: r.public_ref,
      identity: visible
        ? {
            legalName: r.legal_name,
            shortName: r.short_name,
            legalForm: r.legal_form,
            registrationNumber: r.registration_number,
            website: r.website,
            region: r.region,
            foundedYear: r.founded_year,
            memberCount: Number(r.member_count ?? 0),
          }
        : null,
      country: r.country,
      type: r.type,
      visibility: r.visibility,
      smeStatus: r.sme_status,
      // The figures are the applicant's own business: shown with the identity only.
      headcount: visible && r.headcount !== null ? Number(r.headcount) : null,
      turnover: visible ? euros(r.annual_turnover_cents) : null,
      balanceSheet: visible ? euros(r.balance_sheet_cents) : null,
      financialYear: visible ? r.financial_year : null,
      description: r.description,
      tags: (tags.get(r.id) ?? []).map((x) => `${x.taxonomyId}:${x.code}`).join('; '),
      createdAt: new Date(r.created_at),
    }
  })
  const columns: Column<ExportRow>[] = [
    { header: 'Reference', value: (r) => r.publicRef, width: 14 },
    { header: 'Legal name', value: (r) => r.identity?.legalName ?? null, width: 36 },
    { header: 'Short name', value: (r) => r.identity?.shortName ?? null },
    { header: 'Legal form', value: (r) => r.identity?.legalForm ?? null },
    { header: 'Country', value: (r) => r.country },
    { header: 'Registration number', value: (r) => r.identity?.registrationNumber ?? null, width: 20 },
    { header: 'Website', value: (r) => r.identity?.website ?? null, width: 30 },
    { header: 'Type', value: (r) => r.type },
    { header: 'Visibility', value: (r) => r.visibility },
    { header: 'SME status', value: (r) => r.smeStatus },
    { header: 'Headcount (AWU)', kind: 'number', value: (r) => r.headcount },
    { header: 'Annual turnover (EUR)', kind: 'number', value: (r) => r.turnover, width: 22 },
    { header: 'Balance sheet total (EUR)', kind: 'number', value: (r) => r.balanceSheet, width: 24 },
    { header: 'Financial year', kind: 'number', value: (r) => r.financialYear },
    { header: 'Founded', kind: 'number', value: (r) => r.identity?.foundedYear ?? null },
    { header: 'Region', value: (r) => r.identity?.region ?? null },
    { header: 'Tags', value: (r) => r.tags, width: 40 },
    { header: 'Description', value: (r) => r.description, width: 60 },
    { header: 'Members', kind: 'number', value: (r) => r.identity?.memberCount ?? null },
    { header: 'Created', kind: 'datetime', value: (r) => r.createdAt, width: 20 },
  ]
  const body = await renderTable(format, { columns, rows: data, sheetName: 'Organisations' })
  return { filename: datedFilename('organisations', format, ctx.clock.now()), body }
}
