import type { SignedReceipt } from '../../../../shared/contracts/applications.ts'
import { fingerprintOf } from '../../../platform/signing/verify-receipt.ts'
import type { PdfFormat } from './format.ts'
import type { ApplicationPdfInput } from './input.ts'
import type { PdfWriter } from './layout.ts'
import { colours } from './layout.ts'

export function receiptFileName(receipt: SignedReceipt): string {
  return `receipt-${receipt.payload.reference}-r${receipt.payload.revision}.json`
}

/** The first page: the receipt's facts, its signature, and how anyone can verify it. */
export function drawReceiptPage(w: PdfWriter, input: ApplicationPdfInput, f: PdfFormat): void {
  const { receipt, call } = input
  const p = receipt.payload
  const base = (input.publicUrl ?? p.issuer).replace(/\/+$/, '')
  const file = receiptFileName(receipt)

  w.heading(f.t('receipt.title'), 1)
  w.text(f.t('receipt.intro'), { color: colours.muted, after: 10 })

  w.field(f.t('receipt.reference'), p.reference)
  w.field(f.t('receipt.application'), [p.acronym, p.title].filter(Boolean).join(' — ') || '—')
  w.field(
    f.t('receipt.call'),
    f.t('receipt.callValue', { code: p.callCode, title: f.localized(call.title), version: p.callVersion }),
  )
  w.field(f.t('receipt.revision'), String(p.revision))
  w.field(f.t('receipt.submittedUtc'), f.instant(p.submittedAt, 'UTC'))
  w.field(f.t('receipt.submittedLocal', { zone: call.timeZone }), f.instant(p.submittedAt, call.timeZone))
  w.field(f.t('receipt.deadline', { zone: call.timeZone }), f.instant(p.deadline, call.timeZone))
  w.field(f.t('receipt.lead'), p.leadOrganisation)
  w.field(
    f.t('receipt.partners'),
    p.partners.map((x) => `${x.name}${x.country ? ` (${x.country})` : ''}`).join('\n') || '—',
  )
  w.field(f.t('receipt.files'), String(p.files.length))
  w.space(6)
  w.field(f.t('receipt.digest'), p.digest, { mono: true })
  w.field(f.t('receipt.keyId'), `${receipt.keyId} (${receipt.algorithm})`, { mono: true })
  w.field(f.t('receipt.fingerprint'), fingerprintOf(receipt.publicKey), { mono: true })
  w.field(f.t('receipt.signature'), receipt.signature, { mono: true })
  w.field(f.t('receipt.receiptId'), p.receiptId, { mono: true })
  w.field(f.t('receipt.issuer'), p.issuer)

  w.heading(f.t('verify.title'), 2)
  const steps = [
    f.t('verify.step1', { file }),
    f.t('verify.step2', { command: `npm run receipt:verify -- ${file} --url ${base}` }),
    f.t('verify.step3', { keysUrl: `${base}/.well-known/cascade-receipt-keys.json`, keyId: receipt.keyId }),
    f.t('verify.step4'),
  ]
  steps.forEach((s, i) => {
    w.text(`${i + 1}. ${s}`, { indent: 4, after: 5 })
  })
}
