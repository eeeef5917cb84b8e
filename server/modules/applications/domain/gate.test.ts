import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { writeRefusal } from './gate.ts'

const call = {
  publishedAt: '2026-01-01T00:00:00Z',
  cancelledAt: null,
  opensAt: '2026-01-15T08:00:00Z',
  closesAt: '2026-03-14T16:00:00Z',
}
const at = (iso: string) => new Date(iso)

describe('writeRefusal (the server clock against the deadline)', () => {
  it('open until one millisecond before the deadline; late from the deadline on', () => {
    assert.equal(writeRefusal(call, 'draft', at('2026-03-14T15:59:59.000Z')), null)
    assert.equal(writeRefusal(call, 'submitted', at('2026-03-14T15:59:59.999Z')), null)
    assert.equal(writeRefusal(call, 'draft', at('2026-03-14T16:00:00.000Z')), 'deadline_passed')
    assert.equal(writeRefusal(call, 'draft', at('2026-03-14T16:00:01.000Z')), 'deadline_passed')
  })
  it('before the opening, unpublished or cancelled: not open', () => {
    assert.equal(writeRefusal(call, 'draft', at('2026-01-15T07:59:59Z')), 'call_not_open')
    assert.equal(writeRefusal({ ...call, publishedAt: null }, 'draft', at('2026-02-01T00:00:00Z')), 'call_not_open')
    assert.equal(
      writeRefusal({ ...call, cancelledAt: '2026-02-01T00:00:00Z' }, 'draft', at('2026-02-02T00:00:00Z')),
      'call_not_open',
    )
  })
  it('a withdrawn application is read-only whatever the time', () => {
    assert.equal(writeRefusal(call, 'withdrawn', at('2026-02-01T00:00:00Z')), 'application_read_only')
  })
})
