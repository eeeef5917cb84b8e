import type { Locale } from '../../../../../shared/contracts/common.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { datedFilename, type TabularFormat, toCsv } from '../../../../platform/export/index.ts'
import { translate } from '../../../../platform/i18n/index.ts'
import {
  EURO_FORMAT,
  type Sheet,
  type SheetColumn,
  toWorkbook,
} from '../../../applications/dashboard/domain/workbook.ts'
import { callConfigOf } from '../../../calls/index.ts'
import { computeRanking, type RankedItem } from './ranking.ts'

export interface ExportFile {
  filename: string
  body: Buffer
}

type Tr = (key: string, vars?: Record<string, string>) => string
const translator =
  (locale: Locale): Tr =>
  (key, vars) =>
    translate(locale, `ranking.${key}`, vars)

const nameIn = (name: Record<string, string>, locale: Locale) => name[locale] || name.en || ''
const date = (d: Date | string | null) => (d === null ? null : new Date(d))

async function render<T>(sheet: Sheet<T>, format: TabularFormat): Promise<Buffer> {
  return format === 'csv' ? toCsv(sheet) : toWorkbook([sheet])
}

interface CallInfo {
  id: string
  code: string
  config: unknown
}

function criteriaOf(call: CallInfo, locale: Locale) {
  return callConfigOf(call.config).evaluation.criteria.map((c) => ({
    id: c.id,
    name: nameIn(c.name as Record<string, string>, locale),
  }))
}

/** An out reason as a sentence in the requester's language. */
export function outText(
  tr: Tr,
  o: RankedItem['out'][number],
  criterionName: (id: string) => string,
  locale: Locale,
): string {
  const num = (x: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(x)
  return tr(`out.${o.code}`, {
    criterion: o.criterionId ? criterionName(o.criterionId) : '',
    score: o.score === undefined ? '' : num(o.score),
    threshold: o.threshold === undefined ? '' : num(o.threshold),
  })
}

/** The rule that decided a tie, with its criterion. */
export function ruleText(tr: Tr, rule: string, criterionId: string | undefined, criterionName: (id: string) => string) {
  return criterionId ? tr('rules.criterionNamed', { criterion: criterionName(criterionId) }) : tr(`rules.${rule}`)
}

/**
 * The ranking as a file: rank, the application, the weighted total, the consensus score per criterion,
 * why an application is out, the rule that decided its tie and with whom it was tied, its consortium
 * figures. Ranked first, then those out.
 */
export async function exportRanking(
  db: Queryable,
  call: CallInfo,
  format: TabularFormat,
  locale: Locale,
  now: Date,
): Promise<ExportFile> {
  const tr = translator(locale)
  const ranking = await computeRanking(db, call.id)
  const criteria = criteriaOf(call, locale)
  const criterionName = (id: string) => criteria.find((c) => c.id === id)?.name ?? id
  const acronyms = new Map(ranking.items.map((i) => [i.applicationId, i.facts.acronym]))
  const columns: SheetColumn<RankedItem>[] = [
    { header: tr('export.columns.rank'), kind: 'number', width: 7, value: (r) => r.rank },
    { header: tr('export.columns.reference'), width: 14, value: (r) => r.facts.reference },
    { header: tr('export.columns.acronym'), width: 16, value: (r) => r.facts.acronym },
    { header: tr('export.columns.title'), width: 40, value: (r) => r.facts.title },
    { header: tr('export.columns.challenge'), width: 12, value: (r) => r.facts.challengeCode },
    { header: tr('export.columns.domain'), width: 9, value: (r) => r.facts.domainCode },
    { header: tr('export.columns.total'), kind: 'number', width: 9, value: (r) => r.total },
    ...criteria.map(
      (c): SheetColumn<RankedItem> => ({
        header: c.name,
        kind: 'number',
        width: 12,
        value: (r) => r.scores[c.id] ?? null,
      }),
    ),
    {
      header: tr('export.columns.out'),
      width: 40,
      value: (r) => r.out.map((o) => outText(tr, o, criterionName, locale)).join('; '),
    },
    {
      header: tr('export.columns.tieBreak'),
      width: 28,
      value: (r) => (r.tieBreak ? ruleText(tr, r.tieBreak.rule, r.tieBreak.criterionId, criterionName) : null),
    },
    {
      header: tr('export.columns.tiedWith'),
      width: 24,
      value: (r) => (r.tieBreak ? r.tieBreak.tiedWith.map((id) => acronyms.get(id) ?? id).join('; ') : null),
    },
    {
      header: tr('export.columns.requested'),
      kind: 'number',
      numFmt: EURO_FORMAT,
      width: 14,
      value: (r) => r.facts.requestedCents / 100,
    },
    { header: tr('export.columns.smes'), kind: 'number', width: 7, value: (r) => r.facts.smeCount },
    { header: tr('export.columns.countries'), width: 16, value: (r) => r.facts.countries.join('; ') },
    { header: tr('export.columns.submittedAt'), kind: 'datetime', width: 20, value: (r) => date(r.facts.submittedAt) },
  ]
  const body = await render({ name: tr('export.sheets.ranking'), columns, rows: ranking.items }, format)
  return { filename: datedFilename(`ranking-${call.code}`, format, now), body }
}

interface ScoreCell {
  score?: number | string | null
  comment?: string
  justification?: string
}
const parsed = (raw: unknown) =>
  ((typeof raw === 'string' ? JSON.parse(raw) : raw) ?? {}) as Record<string, ScoreCell | undefined>
const scoreValue = (c: ScoreCell | undefined) =>
  c?.score === null || c?.score === undefined || c.score === '' ? null : Number(c.score)

/** Every individual evaluation of the call (drafts included, with their status): one row each. */
export async function exportEvaluations(
  db: Queryable,
  call: CallInfo,
  format: TabularFormat,
  locale: Locale,
  now: Date,
): Promise<ExportFile> {
  const tr = translator(locale)
  const criteria = criteriaOf(call, locale)
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('applications as a', 'a.id', 'e.application_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .innerJoin('evaluation_assignments as ea', 'ea.id', 'e.assignment_id')
    .where('e.call_id', '=', call.id)
    .select([
      'a.reference',
      'a.acronym',
      'u.name',
      'u.email',
      'e.status',
      'ea.status as assignment_status',
      'e.revision',
      'e.scores',
      'e.overall_comment',
      'e.submitted_at',
      'e.updated_at',
    ])
    .orderBy('a.reference')
    .orderBy('u.name')
    .execute()
  type Row = (typeof rows)[number] & { cells: Record<string, ScoreCell | undefined> }
  const data: Row[] = rows.map((r) => ({ ...r, cells: parsed(r.scores) }))
  const columns: SheetColumn<Row>[] = [
    { header: tr('export.columns.reference'), width: 14, value: (r) => r.reference },
    { header: tr('export.columns.acronym'), width: 16, value: (r) => r.acronym },
    { header: tr('export.columns.expert'), width: 24, value: (r) => r.name },
    { header: tr('export.columns.email'), width: 28, value: (r) => r.email },
    { header: tr('export.columns.status'), width: 12, value: (r) => tr(`export.evaluationStatus.${r.status}`) },
    {
      header: tr('export.columns.assignment'),
      width: 12,
      value: (r) => tr(`export.assignmentStatus.${r.assignment_status}`),
    },
    { header: tr('export.columns.revision'), kind: 'number', width: 9, value: (r) => r.revision },
    ...criteria.flatMap((c): SheetColumn<Row>[] => [
      { header: c.name, kind: 'number', width: 10, value: (r) => scoreValue(r.cells[c.id]) },
      {
        header: tr('export.columns.commentOn', { criterion: c.name }),
        width: 40,
        value: (r) => r.cells[c.id]?.comment ?? '',
      },
    ]),
    { header: tr('export.columns.overallComment'), width: 40, value: (r) => r.overall_comment },
    { header: tr('export.columns.submittedAt'), kind: 'datetime', width: 20, value: (r) => date(r.submitted_at) },
    { header: tr('export.columns.updatedAt'), kind: 'datetime', width: 20, value: (r) => date(r.updated_at) },
  ]
  const body = await render({ name: tr('export.sheets.evaluations'), columns, rows: data }, format)
  return { filename: datedFilename(`evaluations-${call.code}`, format, now), body }
}

/** The consensus of each application that has one (draft or final): scores, comments, justifications. */
export async function exportConsensus(
  db: Queryable,
  call: CallInfo,
  format: TabularFormat,
  locale: Locale,
  now: Date,
): Promise<ExportFile> {
  const tr = translator(locale)
  const criteria = criteriaOf(call, locale)
  const rows = await db
    .selectFrom('consensus_records as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .where('c.call_id', '=', call.id)
    .select([
      'a.reference',
      'a.acronym',
      'c.status',
      'c.scores',
      'c.overall_comment',
      'c.minority_view',
      'c.recorded_at',
      'c.finalised_at',
    ])
    .orderBy('a.reference')
    .execute()
  type Row = (typeof rows)[number] & { cells: Record<string, ScoreCell | undefined> }
  const data: Row[] = rows.map((r) => ({ ...r, cells: parsed(r.scores) }))
  const columns: SheetColumn<Row>[] = [
    { header: tr('export.columns.reference'), width: 14, value: (r) => r.reference },
    { header: tr('export.columns.acronym'), width: 16, value: (r) => r.acronym },
    { header: tr('export.columns.status'), width: 12, value: (r) => tr(`export.consensusStatus.${r.status}`) },
    ...criteria.flatMap((c): SheetColumn<Row>[] => [
      { header: c.name, kind: 'number', width: 10, value: (r) => scoreValue(r.cells[c.id]) },
      {
        header: tr('export.columns.commentOn', { criterion: c.name }),
        width: 40,
        value: (r) => r.cells[c.id]?.comment ?? '',
      },
      {
        header: tr('export.columns.justificationOn', { criterion: c.name }),
        width: 40,
        value: (r) => r.cells[c.id]?.justification ?? '',
      },
    ]),
    { header: tr('export.columns.overallComment'), width: 40, value: (r) => r.overall_comment },
    { header: tr('export.columns.minorityView'), width: 40, value: (r) => r.minority_view },
    { header: tr('export.columns.recordedAt'), kind: 'datetime', width: 20, value: (r) => date(r.recorded_at) },
    { header: tr('export.columns.finalisedAt'), kind: 'datetime', width: 20, value: (r) => date(r.finalised_at) },
  ]
  const body = await render({ name: tr('export.sheets.consensus'), columns, rows: data }, format)
  return { filename: datedFilename(`consensus-${call.code}`, format, now), body }
}
