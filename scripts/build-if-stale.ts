// Builds the web client and the server-rendered pages when the sources are newer than dist/.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const STAMP = 'dist/.build-stamp'
const SOURCES = ['web', 'shared', 'vite.config.ts', 'package-lock.json']

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let max = 0
  for (const e of readdirSync(path)) max = Math.max(max, newest(join(path, e)))
  return max
}

export function buildIfStale(): void {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0
  if (built > 0 && SOURCES.every((s) => newest(s) < built)) return
  console.log('Building the web client…')
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
  writeFileSync(STAMP, new Date().toISOString())
}

if (import.meta.main) buildIfStale()
