import assert from 'node:assert/strict'
import { test } from 'node:test'
import { applicationForm } from '../../../../../shared/contracts/call-form.ts'
import { abstractOf, partnerLabel, type RevisionForExpert, revisionForExpert, scrubText } from './redact.ts'

const form = applicationForm.parse({
  sections: [
    {
      id: 'core',
      title: { en: 'Core' },
      questions: [
        { id: 'abstract', type: 'long_text', label: { en: 'Abstract' }, semantic: 'abstract' },
        { id: 'logo', type: 'file', label: { en: 'Logo' }, accept: ['image'] },
        { id: 'annex', type: 'file', label: { en: 'Annex' } },
        { id: 'expertise', type: 'long_text', label: { en: 'Our expertise' }, scope: 'partner' },
      ],
    },
  ],
})

const rev: RevisionForExpert = {
  application: {
    id: '00000000-0000-4000-8000-000000000001',
    reference: 'APP-00042',
    acronym: 'QUOKKA',
    title: 'Quokka Sensors for metro safety',
  },
  answers: {
    abstract: 'Quokka Sensors BV and LYNX ANALYTICS SAS build a detector; contact jane.doe@quokka.test or Jane Doe.',
    logo: [{ fileId: 'f1', filename: 'quokka-logo.png', byteSize: 1200, sha256: 'x', contentType: 'image/png' }],
    annex: [
      {
        fileId: 'f2',
        filename: 'Quokka Sensors plan.pdf',
        byteSize: 5000,
        sha256: 'y',
        contentType: 'application/pdf',
      },
    ],
  },
  partners: [
    {
      role: 'partner',
      facts: { legalName: 'Lynx Analytics SAS', country: 'FR', type: 'sme', smeStatus: 'small' },
      part: {
        contactName: 'Luc Martin',
        contactEmail: 'luc@lynx.test',
        role: 'Lynx Analytics trains the models.',
        budget: { requestedCents: 3_000_000 },
        answers: { expertise: 'Lynx has ten years of vision.' },
      },
    },
    {
      role: 'lead',
      facts: { legalName: 'Quokka Sensors BV', country: 'NL', type: 'sme', smeStatus: 'micro' },
      part: {
        contactName: 'Jane Doe',
        contactEmail: 'jane.doe@quokka.test',
        role: 'Leads; Quokka Sensors builds the hardware.',
        budget: { requestedCents: 4_000_000 },
        answers: { expertise: 'Hardware since 2010.' },
        declarationOfHonour: { signatoryName: 'Piet Quokka' },
      },
    },
  ],
}
const meta = { revision: 2, submittedAt: '2026-03-13T16:00:00.000Z' }

test('partner labels: A…Z then AA, AB', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 52].map(partnerLabel), ['A', 'B', 'Z', 'AA', 'AB', 'BA'])
})

test('scrubText replaces names with and without legal form, case-insensitively, whole words only', () => {
  const names = [{ value: 'Quokka Sensors BV', placeholder: '[Partner A]' }]
  assert.equal(
    scrubText('QUOKKA SENSORS bv leads; Quokka Sensors builds; QuokkaSensorsX stays.', names),
    '[Partner A] leads; [Partner A] builds; QuokkaSensorsX stays.',
  )
  assert.equal(scrubText('Hi', [{ value: 'AB', placeholder: 'x' }]), 'Hi')
})

test('anonymised: no name, contact, e-mail, signatory or logo of an applicant is left', () => {
  const shown = revisionForExpert(rev, form, meta, true)
  const text = JSON.stringify(shown)
  for (const secret of [
    'Quokka Sensors',
    'Lynx Analytics',
    'LYNX ANALYTICS',
    'Jane Doe',
    'jane.doe@quokka.test',
    'Luc Martin',
    'luc@lynx.test',
    'quokka-logo',
  ])
    assert.equal(text.includes(secret), false, secret)
  assert.deepEqual(
    shown.partners.map((p) => [
      p.label,
      p.role,
      p.name,
      p.contactName,
      p.contactEmail,
      p.country,
      p.smeStatus,
      p.requestedCents,
    ]),
    [
      ['A', 'lead', null, null, null, 'NL', 'micro', 4_000_000],
      ['B', 'partner', null, null, null, 'FR', 'small', 3_000_000],
    ],
  )
  assert.equal(shown.title, 'Quokka Sensors for metro safety'.replace('Quokka Sensors', '[Partner A]'))
  assert.deepEqual(
    shown.sections[0]!.answers.map((a) => [a.questionId, a.value]),
    [
      ['abstract', '[Partner A] and [Partner B] build a detector; contact [Partner A] or [Partner A].'],
      ['annex', [{ filename: '[Partner A] plan.pdf', byteSize: 5000 }]],
    ],
  )
  assert.equal(shown.partners[0]!.roleText, 'Leads; [Partner A] builds the hardware.')
  assert.equal(shown.partners[1]!.roleText, '[Partner B] trains the models.')
  // "Lynx" alone is not the registered name: kept (a known limit of name matching).
  assert.deepEqual(shown.partners[1]!.answers, [
    {
      questionId: 'expertise',
      label: { en: 'Our expertise' },
      type: 'long_text',
      value: 'Lynx has ten years of vision.',
    },
  ])
  assert.equal(shown.requestedCents, 7_000_000)
  assert.equal(shown.reference, 'APP-00042')
})

test('not anonymised: names and contacts shown, files by name and size, lead first', () => {
  const shown = revisionForExpert(rev, form, meta, false)
  assert.deepEqual(
    shown.partners.map((p) => [p.label, p.name, p.contactName, p.contactEmail]),
    [
      ['A', 'Quokka Sensors BV', 'Jane Doe', 'jane.doe@quokka.test'],
      ['B', 'Lynx Analytics SAS', 'Luc Martin', 'luc@lynx.test'],
    ],
  )
  assert.deepEqual(
    shown.sections[0]!.answers.map((a) => a.questionId),
    ['abstract', 'logo', 'annex'],
  )
  assert.deepEqual(shown.sections[0]!.answers[1]!.value, [{ filename: 'quokka-logo.png', byteSize: 1200 }])
  assert.equal(shown.title, 'Quokka Sensors for metro safety')
})

test('abstract: the question marked abstract, cut at 1,200 characters', () => {
  assert.equal(abstractOf(form, { abstract: '  Short.  ' }), 'Short.')
  const long = 'x'.repeat(1300)
  assert.equal(abstractOf(form, { abstract: long }), `${'x'.repeat(1199)}…`)
  assert.equal(abstractOf(form, {}), '')
})
