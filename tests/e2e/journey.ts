import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import type { Page } from 'playwright-core'

const ARTIFACTS = join(tmpdir(), 'cascade-e2e')

/**
 * The steps of one journey as node:test subtests, run in order. Once a step fails the later ones are
 * not run (they depend on it), and a full-page screenshot of each open page is saved for the failure.
 */
export function journey(t: TestContext, pages: () => Record<string, Page | undefined>) {
  let broken: string | null = null
  return async (name: string, fn: () => Promise<void>): Promise<void> => {
    // Once a step has failed, the journey (the parent test) has failed with it, and the later steps, which
    // build on that step's state, are not run at all: they would only report the same breakage again.
    if (broken) return
    await t.test(name, async (st) => {
      try {
        await fn()
      } catch (error) {
        broken = name
        mkdirSync(ARTIFACTS, { recursive: true })
        for (const [who, page] of Object.entries(pages())) {
          if (!page || page.isClosed()) continue
          const file = join(ARTIFACTS, `${slug(t.name)}--${slug(name)}--${who}.png`)
          await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
          st.diagnostic(`${who} was on ${page.url()}; screenshot: ${file}`)
        }
        throw error
      }
    })
  }
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
}
