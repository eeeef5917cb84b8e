import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type UseCaseAction, useCaseStatuses } from '../../../../shared/contracts/use-cases.ts'
import { type Party, transition, transitions } from './lifecycle.ts'

const actions: UseCaseAction[] = ['submit', 'resubmit', 'request_changes', 'accept', 'archive', 'promote']
const parties: Party[] = ['author', 'staff']

test('every listed move is allowed to its party, and lands on its target', () => {
  for (const t of transitions) {
    assert.deepEqual(transition(t.from, t.action, [t.who], 'because'), { ok: true, to: t.to }, JSON.stringify(t))
  }
})

test('the lifecycle, spelled out', () => {
  const allowed = transitions.map((t) => `${t.who}: ${t.from} -${t.action}-> ${t.to}`)
  assert.deepEqual(allowed, [
    'author: draft -submit-> submitted',
    'staff: submitted -request_changes-> changes_requested',
    'staff: submitted -accept-> accepted',
    'author: changes_requested -resubmit-> resubmitted',
    'staff: resubmitted -request_changes-> changes_requested',
    'staff: resubmitted -accept-> accepted',
    'staff: accepted -promote-> promoted',
    'author: draft -archive-> archived',
    'author: submitted -archive-> archived',
    'author: changes_requested -archive-> archived',
    'author: resubmitted -archive-> archived',
    'staff: submitted -archive-> archived',
    'staff: changes_requested -archive-> archived',
    'staff: resubmitted -archive-> archived',
    'staff: accepted -archive-> archived',
    'staff: promoted -archive-> archived',
  ])
})

test('every other status × action × party is refused, with the right reason', () => {
  let refused = 0
  for (const from of useCaseStatuses) {
    for (const action of actions) {
      const known = transitions.filter((t) => t.from === from && t.action === action)
      for (const who of parties) {
        if (known.some((t) => t.who === who)) continue
        const expected = known.length === 0 ? 'wrong_status' : 'wrong_party'
        assert.deepEqual(
          transition(from, action, [who], 'x'),
          { ok: false, refusal: expected },
          `${who} ${from} ${action}`,
        )
        refused++
      }
    }
  }
  assert.equal(refused, useCaseStatuses.length * actions.length * parties.length - transitions.length)
})

test('archived is final; drafts never reach staff decisions', () => {
  for (const a of actions) assert.equal(transition('archived', a, parties, 'x').ok, false)
  assert.deepEqual(transition('draft', 'accept', ['staff'], 'x'), { ok: false, refusal: 'wrong_status' })
  assert.deepEqual(transition('draft', 'archive', ['staff']), { ok: false, refusal: 'wrong_party' })
})

test('requesting changes needs a reason; blank does not count', () => {
  for (const reason of [undefined, null, '', '   ']) {
    assert.deepEqual(transition('submitted', 'request_changes', ['staff'], reason), {
      ok: false,
      refusal: 'reason_required',
    })
  }
  assert.deepEqual(transition('resubmitted', 'request_changes', ['staff'], 'Add KPIs'), {
    ok: true,
    to: 'changes_requested',
  })
})

test('someone who is both author and staff may take either party', () => {
  assert.deepEqual(transition('draft', 'submit', ['staff', 'author']), { ok: true, to: 'submitted' })
  assert.deepEqual(transition('submitted', 'accept', ['author', 'staff']), { ok: true, to: 'accepted' })
  assert.deepEqual(transition('submitted', 'accept', ['author']), { ok: false, refusal: 'wrong_party' })
})
