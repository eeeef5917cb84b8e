import { visibleQuestions } from '../../../../shared/calls/form-checks.ts'
import type { ApplicationForm, FormQuestion } from '../../../../shared/contracts/call-form.ts'
import { translate } from '../../../platform/i18n/index.ts'
import { answerText } from './answers.ts'
import { drawBudgetTable } from './budget.ts'
import type { PdfFormat } from './format.ts'
import type { PdfContent } from './input.ts'
import type { PdfWriter } from './layout.ts'

const yesNo = (v: boolean, f: PdfFormat) => (v ? f.t('app.yes') : f.t('app.no'))

/** The consortium: a summary table, then each organisation's part and its answers. */
export function drawConsortium(w: PdfWriter, form: ApplicationForm, content: PdfContent, f: PdfFormat): void {
  const questions = form.sections.flatMap((s) => s.questions).filter((q) => q.scope === 'partner')
  const typeName = (type: string | null) => (type ? translate(f.locale, `organisationTypes.${type}`) : '—')
  const smeName = (s: string | null) => translate(f.locale, `profiles.smeStatus.${s ?? 'unknown'}`)
  w.heading(f.t('partners.title'), 2)
  w.table(
    [
      { header: '#', width: 0.4, align: 'right' },
      { header: f.t('budget.organisation'), width: 3.4 },
      { header: f.t('partners.role'), width: 1.2 },
      { header: f.t('partners.country'), width: 1.8 },
      { header: f.t('partners.type'), width: 2 },
      { header: f.t('partners.sme'), width: 1.8 },
    ],
    content.partners.map((p, i) => [
      String(i + 1),
      p.name,
      p.role === 'lead' ? f.t('partners.lead') : f.t('partners.partner'),
      f.country(p.country),
      typeName(p.type),
      smeName(p.smeStatus),
    ]),
  )
  content.partners.forEach((p, i) => {
    const part = p.part
    w.heading(`${i + 1}. ${p.name} — ${p.role === 'lead' ? f.t('partners.lead') : f.t('partners.partner')}`, 3)
    w.field(f.t('partners.country'), f.country(p.country))
    w.field(f.t('partners.type'), typeName(p.type))
    w.field(f.t('partners.sme'), smeName(p.smeStatus))
    w.field(
      f.t('partners.smeDeclared'),
      part.smeDeclaration.category ? smeName(part.smeDeclaration.category) : f.t('app.notAnswered'),
    )
    w.field(f.t('partners.contact'), [part.contactName, part.contactEmail].filter(Boolean).join(' · ') || '—')
    w.field(f.t('partners.roleInProject'), part.role || f.t('app.notAnswered'))
    w.field(f.t('budget.personnel'), f.money(part.budget.personnelCents))
    w.field(f.t('budget.subcontracting'), f.money(part.budget.subcontractingCents))
    w.field(f.t('budget.other'), f.money(part.budget.otherCostsCents))
    w.field(f.t('budget.requested'), f.money(part.budget.requestedCents))
    const d = part.declarationOfHonour
    w.field(
      f.t('partners.declarations'),
      [
        `${yesNo(d.noExclusionSituation, f)} — ${f.t('partners.noExclusion')}`,
        `${yesNo(d.noConflictOfInterest, f)} — ${f.t('partners.noConflict')}`,
        `${yesNo(d.notLinkedToProgrammePartners, f)} — ${f.t('partners.notLinked')}`,
        `${yesNo(d.noDoubleFunding, f)} — ${f.t('partners.noDoubleFunding')}`,
      ].join('\n'),
    )
    w.field(f.t('partners.signatory'), [d.signatoryName, d.signatoryRole].filter(Boolean).join(', ') || '—')
    if (p.confirmedVersion !== null) w.field(f.t('partners.confirmed'), String(p.confirmedVersion))
    const shown = visibleQuestions(form, content.answers, part.answers)
    const own = questions.filter((q) => shown.has(q.id))
    if (own.length > 0) {
      w.space(4)
      for (const q of own) {
        if (q.type === 'budget_table' || q.type === 'work_plan') continue
        w.answer(`${f.localized(q.label)}${q.required ? ' *' : ''}`, answerText(q, part.answers[q.id], f))
      }
    }
  })
  // The budget table is drawn where the form asks for it; a form without one gets it here.
  if (!form.sections.some((s) => s.questions.some((q) => q.type === 'budget_table'))) {
    w.heading(f.t('budget.title'), 2)
    drawBudgetTable(w, content, f)
  }
}

/** Every submitted file with its size and SHA-256 (the digest covers these). */
export function drawFiles(w: PdfWriter, questions: FormQuestion[], content: PdfContent, f: PdfFormat): void {
  w.heading(f.t('files.title'), 2)
  if (content.files.length === 0) {
    w.text(f.t('files.none'))
    return
  }
  const label = (id: string | null) => {
    const q = questions.find((x) => x.id === id)
    return q ? f.localized(q.label) : (id ?? '—')
  }
  const owner = (id: string | null) => content.partners.find((p) => p.id === id)?.name
  w.table(
    [
      { header: f.t('files.name'), width: 2.8 },
      { header: f.t('files.question'), width: 2.3 },
      { header: f.t('files.size'), width: 1.4, align: 'right' },
      { header: f.t('files.sha256'), width: 4, mono: true },
    ],
    content.files.map((x) => [
      x.filename,
      [label(x.questionId), owner(x.partnerId)].filter(Boolean).join(' — '),
      f.bytes(x.byteSize),
      x.sha256,
    ]),
  )
}
