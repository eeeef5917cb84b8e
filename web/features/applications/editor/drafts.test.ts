import assert from 'node:assert/strict'
import { test } from 'node:test'
import type {
  Answers,
  Application,
  ApplicationPartner,
  PartnerPart,
} from '../../../../shared/contracts/applications.ts'
import {
  answersOnScreen,
  canRebaseAnswers,
  canRebasePart,
  editsBetween,
  newerApplication,
  newerPartner,
  partConflicts,
  partOnScreen,
} from './drafts.ts'

type Copy = Pick<Application, 'version' | 'answers' | 'answerMeta'>
const at = '2026-03-01T10:00:00.000Z'
const copy = (version: number, answers: Answers, meta: Record<string, [number, string]> = {}): Copy => ({
  version,
  answers,
  answerMeta: Object.fromEntries(Object.entries(meta).map(([q, [v, by]]) => [q, { version: v, by, at }])),
})

const part = (over: Partial<PartnerPart> = {}): PartnerPart => ({
  contactName: 'Ada',
  contactEmail: 'ada@example.test',
  role: 'Pilot',
  budget: { personnelCents: 100, subcontractingCents: 0, otherCostsCents: 0, requestedCents: 100 },
  smeDeclaration: { category: 'small', confirmed: true },
  declarationOfHonour: {
    noExclusionSituation: true,
    noConflictOfInterest: true,
    notLinkedToProgrammePartners: true,
    noDoubleFunding: true,
    signatoryName: 'Ada',
    signatoryRole: 'CEO',
  },
  answers: {},
  ...over,
})
type Partner = Pick<ApplicationPartner, 'id' | 'partVersion' | 'part'>
const partner = (partVersion: number, p: PartnerPart, id = 'p1'): Partner => ({ id, partVersion, part: p })

test('right after a save, the screen is built on the saved copy, not on the prop one tick behind', () => {
  // The prop still holds version 5; the save's answer (version 6) is known, its key no longer pending.
  const prop = copy(5, { summary: 'Thermal sens' })
  const saved = copy(6, { summary: 'Thermal sensing' }, { summary: [6, 'Ada'] })
  const onScreen = answersOnScreen(newerApplication(prop, saved).answers, {})
  assert.equal(onScreen.summary, 'Thermal sensing')
  // The next keystroke starts from what is on screen: nothing typed before the save is lost.
  assert.equal(`${onScreen.summary}s`, 'Thermal sensings')
  // Once the prop catches up (or moves on), it is used; an older copy never wins.
  assert.equal(newerApplication(copy(7, {}), saved).version, 7)
  assert.equal(newerApplication(prop, undefined), prop)
  assert.deepEqual(answersOnScreen({ a: 'server', b: 'kept' }, { a: 'typed' }), { a: 'typed', b: 'kept' })

  // The same for a partner's part: a budget line typed in that tick keeps the line saved just before.
  const propPart = partner(2, part())
  const savedPart = partner(3, part({ budget: { ...part().budget, personnelCents: 5_000 } }))
  const shown = partOnScreen(newerPartner(propPart, savedPart).part, {})
  const next = { ...shown.budget, otherCostsCents: 70 }
  assert.deepEqual(next, { personnelCents: 5_000, subcontractingCents: 0, otherCostsCents: 70, requestedCents: 100 })
  assert.equal(newerPartner(propPart, partner(9, part(), 'p2')), propPart, 'another partner is never taken')
})

test('a newer copy becomes the base of the next save unless it changed an answer the person has pending', () => {
  const base = copy(5, { summary: 'a', title: 't' }, { summary: [3, 'Ada'] })
  const polled = copy(7, { summary: 'b', title: 't' }, { summary: [6, 'Rūta'], title: [2, 'Ada'] })
  assert.equal(canRebaseAnswers(base, polled, []), true)
  assert.equal(canRebaseAnswers(base, polled, ['title', 'impact']), true)
  assert.equal(canRebaseAnswers(base, polled, ['summary']), false, 'her change of the summary must meet mine')
  assert.equal(canRebaseAnswers(base, copy(4, {}), []), false)
})

test('a newer part becomes the base unless a field the person has pending changed in it', () => {
  const base = partner(2, part())
  const polled = partner(3, part({ role: 'Runs the pilot' }))
  assert.equal(canRebasePart(base, polled, ['budget']), true)
  assert.equal(canRebasePart(base, polled, ['role']), false)
  assert.equal(canRebasePart(base, partner(1, part()), []), false)
})

test('after a refused part save, only the fields someone else changed are conflicts', () => {
  const base = part()
  const current = part({ role: 'Their role', contactName: 'Same' })
  const sent: Partial<PartnerPart> = {
    role: 'My role',
    budget: { ...base.budget, requestedCents: 90 },
    contactName: 'Same',
  }
  // The budget: nobody else touched it (sent again). The contact: both wrote the same. The role: a conflict.
  assert.deepEqual(partConflicts(base, current, sent), ['role'])
  // Without a known base every differing field is a conflict.
  assert.deepEqual(partConflicts(null, current, sent), ['role', 'budget'])
})

test('who changed answers between two copies, for the "Updated by" hint', () => {
  const before = copy(5, {}, { summary: [3, 'Ada'] })
  const after = copy(8, {}, { summary: [6, 'Rūta'], title: [7, 'Rūta'], impact: [8, 'Jonas'], trl: [4, 'Ada'] })
  assert.deepEqual(editsBetween(before, after), {
    questionIds: ['summary', 'title', 'impact'],
    names: ['Rūta', 'Jonas'],
  })
  assert.deepEqual(editsBetween(after, before), { questionIds: [], names: [] })
})
