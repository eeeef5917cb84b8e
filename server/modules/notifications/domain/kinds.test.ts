import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { locales } from '../../../../shared/contracts/common.ts'
import { notificationKinds } from '../../../../shared/contracts/notifications.ts'
import { resources } from '../../../../shared/i18n/index.ts'

type Tree = { [k: string]: string | Tree }
function get(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

describe('every notification kind', () => {
  it('has its in-app text, its preference label and its e-mail (with the link) in every language', () => {
    const missing: string[] = []
    for (const l of locales) {
      const tree = resources[l].translation as Tree
      for (const kind of notificationKinds) {
        for (const key of [
          `notifications.kinds.${kind}`,
          `notifications.preferences.kinds.${kind}`,
          `email.${kind}.subject`,
          `email.${kind}.body`,
        ]) {
          if (!get(tree, key)) missing.push(`${l}: ${key}`)
        }
        if (!get(tree, `email.${kind}.body`)?.includes('{{url}}'))
          missing.push(`${l}: email.${kind}.body has no {{url}}`)
      }
    }
    assert.deepEqual(missing, [])
  })
})
