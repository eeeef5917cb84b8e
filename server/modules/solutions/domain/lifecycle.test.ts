import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isEditable, nextStatus } from './lifecycle.ts'

describe('solution lifecycle', () => {
  it('publishes drafts, unpublishes, archives and restores', () => {
    assert.equal(nextStatus('draft', 'publish'), 'published')
    assert.equal(nextStatus('published', 'unpublish'), 'draft')
    assert.equal(nextStatus('published', 'archive'), 'archived')
    assert.equal(nextStatus('draft', 'archive'), 'archived')
    assert.equal(nextStatus('archived', 'restore'), 'draft')
  })
  it('refuses moves from the wrong status, and archived solutions are read-only', () => {
    assert.equal(nextStatus('published', 'publish'), null)
    assert.equal(nextStatus('archived', 'publish'), null)
    assert.equal(nextStatus('draft', 'restore'), null)
    assert.equal(isEditable('archived'), false)
    assert.equal(isEditable('published'), true)
  })
})
