import type { Locale } from '../../../../../shared/contracts/common.ts'
import { datedFilename, type TabularFormat, toCsv } from '../../../../platform/export/index.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { asLocale, translate } from '../../../../platform/i18n/index.ts'
import { EURO_FORMAT, type Sheet, type SheetColumn, toWorkbook } from '../domain/workbook.ts'
import { loadCallAsStaff } from './call-access.ts'
import { type ApplicationRow, type CallApplicationFilters, callApplicationRows, filtered } from './list-applications.ts'
import { consortiumMembers } from './partners-sql.ts'

export interface ExportQuery extends CallApplicationFilters {
  format: TabularFormat
  sort: string
  lang?: Locale | undefined
}

const euros = (cents: string | number | null | undefined) =>
  cents === null || cents === undefined ? null : Number(cents) / 100
const date = (d: Date | string | null) => (d === null ? null : new Date(d))

/**
 * The applications of a call as a file: XLSX with a sheet of applications (one row each) and a sheet of
 * partners (one row per consortium member), or CSV of the applications. Same filters and order as the
 * list, no paging. Headers and values (status, decision, rule names) in the requester's language.
 */
export async function exportCallApplications(
  ctx: CommandContext,
  callId: string,
  query: ExportQuery,
): Promise<{ filename: string; body: Buffer }> {
  const call = await loadCallAsStaff(ctx.db, ctx.actor, callId, 'call.dashboard')
  const locale = await exportLocale(ctx, query.lang)
  const tr = (key: string) => translate(locale, `screening.${key}`)
  const rows = await callApplicationRows(ctx.db, call.id, query, query.sort)
  const applications: Sheet<ApplicationRow> = {
    name: tr('export.sheets.applications'),
    columns: applicationColumns(tr),
    rows,
  }
  const filename = datedFilename(`applications-${call.code}`, query.format, ctx.clock.now())
  if (query.format === 'csv') return { filename, body: toCsv(applications) }
  const ids = filtered(ctx.db, call.id, query).select('a.id')
  const partners = await ctx.db
    .selectFrom(consortiumMembers(call.id).as('m'))
    .innerJoin('applications as a', 'a.id', 'm.application_id')
    .where('a.id', 'in', ids)
    .select([
      'a.id as application_id',
      'a.reference',
      'm.position',
      'm.role',
      'm.legal_name',
      'm.invited_name',
      'm.country',
      'm.type',
      'm.sme_status',
      'm.declared',
      'm.sme',
      'm.personnel',
      'm.subcontracting',
      'm.other',
      'm.requested',
    ])
    .orderBy('a.reference')
    .orderBy('m.position')
    .execute()
  type PartnerRow = (typeof partners)[number]
  // The acronym as the applications sheet shows it (as submitted, for what has been submitted).
  const acronyms = new Map(rows.map((r) => [r.id, r.acronym]))
  const smeLabel = (v: string | null) => (v ? tr(`export.sme.${v}`) : null)
  const partnerColumns: SheetColumn<PartnerRow>[] = [
    { header: tr('export.columns.reference'), width: 14, value: (r) => r.reference },
    { header: tr('export.columns.acronym'), width: 16, value: (r) => acronyms.get(r.application_id) ?? null },
    { header: tr('export.columns.position'), kind: 'number', width: 8, value: (r) => r.position },
    { header: tr('export.columns.role'), width: 12, value: (r) => tr(`export.roles.${r.role}`) },
    { header: tr('export.columns.organisation'), width: 40, value: (r) => r.legal_name ?? r.invited_name },
    { header: tr('export.columns.country'), width: 9, value: (r) => r.country },
    { header: tr('export.columns.type'), width: 18, value: (r) => r.type },
    { header: tr('export.columns.smeStatus'), width: 14, value: (r) => smeLabel(r.sme_status) },
    { header: tr('export.columns.smeDeclared'), width: 14, value: (r) => smeLabel(r.declared) },
    { header: tr('export.columns.countsAsSme'), width: 10, value: (r) => tr(r.sme ? 'export.yes' : 'export.no') },
    money(tr('export.columns.personnel'), (r: PartnerRow) => r.personnel),
    money(tr('export.columns.subcontracting'), (r: PartnerRow) => r.subcontracting),
    money(tr('export.columns.otherCosts'), (r: PartnerRow) => r.other),
    money(tr('export.columns.requested'), (r: PartnerRow) => r.requested),
  ]
  const body = await toWorkbook([
    applications,
    { name: tr('export.sheets.partners'), columns: partnerColumns, rows: partners },
  ])
  return { filename, body }
}

function money<T>(header: string, cents: (r: T) => string | number | null): SheetColumn<T> {
  return { header, kind: 'number', numFmt: EURO_FORMAT, width: 16, value: (r) => euros(cents(r)) }
}

function applicationColumns(tr: (key: string) => string): SheetColumn<ApplicationRow>[] {
  const rules = (s: string | null) =>
    s
      ? s
          .split(',')
          .map((r) => tr(`rules.${r}`))
          .join('; ')
      : ''
  return [
    { header: tr('export.columns.reference'), width: 14, value: (r) => r.reference },
    { header: tr('export.columns.acronym'), width: 16, value: (r) => r.acronym },
    { header: tr('export.columns.title'), width: 48, value: (r) => r.title },
    { header: tr('export.columns.status'), width: 14, value: (r) => tr(`status.${r.status}`) },
    { header: tr('export.columns.submittedAt'), kind: 'datetime', width: 20, value: (r) => date(r.submitted_at) },
    { header: tr('export.columns.revision'), kind: 'number', width: 9, value: (r) => r.submitted_revision },
    { header: tr('export.columns.leadOrganisation'), width: 36, value: (r) => r.lead_name },
    { header: tr('export.columns.leadCountry'), width: 9, value: (r) => r.lead_country },
    { header: tr('export.columns.challenge'), width: 12, value: (r) => r.challenge_code },
    { header: tr('export.columns.domain'), width: 9, value: (r) => r.domain_code },
    { header: tr('export.columns.partners'), kind: 'number', width: 10, value: (r) => Number(r.partners ?? 0) },
    { header: tr('export.columns.countries'), width: 18, value: (r) => (r.countries ?? '').split(',').join('; ') },
    { header: tr('export.columns.smes'), kind: 'number', width: 8, value: (r) => Number(r.smes ?? 0) },
    money(tr('export.columns.requested'), (r: ApplicationRow) => r.requested ?? 0),
    { header: tr('export.columns.failedRules'), width: 40, value: (r) => rules(r.failed) },
    { header: tr('export.columns.admissibility'), width: 16, value: (r) => tr(`admissibility.${r.admissibility}`) },
    { header: tr('export.columns.admissibilityReason'), width: 40, value: (r) => r.admissibility_reason },
  ]
}

/** The language of the file: `?lang=`, else the signed-in person's language, else English. */
async function exportLocale(ctx: CommandContext, asked: Locale | undefined): Promise<Locale> {
  if (asked) return asked
  if (!ctx.actor.userId) return 'en'
  const u = await ctx.db.selectFrom('users').select('locale').where('id', '=', ctx.actor.userId).executeTakeFirst()
  return asLocale(u?.locale)
}
