import type { PdfFormat } from './format.ts'
import type { PdfContent } from './input.ts'
import type { PdfWriter } from './layout.ts'

/** One line per organisation (lead first) and the total: what each spends and requests. */
export function drawBudgetTable(w: PdfWriter, content: PdfContent, f: PdfFormat): void {
  const rows = content.partners.map((p) => [
    p.name,
    f.money(p.part.budget.personnelCents),
    f.money(p.part.budget.subcontractingCents),
    f.money(p.part.budget.otherCostsCents),
    f.money(p.part.budget.requestedCents),
  ])
  const sum = (k: 'personnelCents' | 'subcontractingCents' | 'otherCostsCents' | 'requestedCents') =>
    content.partners.reduce((s, p) => s + p.part.budget[k], 0)
  rows.push([
    f.t('budget.total'),
    f.money(sum('personnelCents')),
    f.money(sum('subcontractingCents')),
    f.money(sum('otherCostsCents')),
    f.money(sum('requestedCents')),
  ])
  w.table(
    [
      { header: f.t('budget.organisation'), width: 3.2 },
      { header: f.t('budget.personnel'), width: 1.7, align: 'right' },
      { header: f.t('budget.subcontracting'), width: 1.7, align: 'right' },
      { header: f.t('budget.other'), width: 1.7, align: 'right' },
      { header: f.t('budget.requested'), width: 1.7, align: 'right' },
    ],
    rows,
    { boldLast: true },
  )
}
