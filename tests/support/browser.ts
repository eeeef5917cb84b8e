import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const BASE_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const HOW_TO_INSTALL = [
  'No Chromium found for the end-to-end tests. Any one of these fixes it:',
  '  - Debian/Ubuntu: apt-get install -y chromium fonts-liberation   (gives /usr/bin/chromium)',
  '  - set CHROMIUM_PATH to a Chromium or Chrome executable',
  '  - on Linux x64, `npm install` brings @sparticuz/chromium, used automatically',
].join('\n')

/** Where the browser comes from: CHROMIUM_PATH, Debian's /usr/bin/chromium, or @sparticuz/chromium (Linux x64). */
export async function resolveChromium(): Promise<{ executablePath: string; args: string[]; source: string } | null> {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(process.env.CHROMIUM_PATH)) return null
    return { executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox', ...BASE_ARGS], source: 'CHROMIUM_PATH' }
  }
  if (existsSync('/usr/bin/chromium')) {
    return { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', ...BASE_ARGS], source: 'debian' }
  }
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const pkg = (await import('@sparticuz/chromium')).default
      const executablePath = await pkg.executablePath()
      return { executablePath, args: [...pkg.args, ...BASE_ARGS], source: '@sparticuz/chromium' }
    } catch {
      return null
    }
  }
  return null
}

export async function launchBrowser(): Promise<Browser> {
  const found = await resolveChromium()
  if (!found) throw new Error(HOW_TO_INSTALL)
  return chromium.launch({ executablePath: found.executablePath, headless: true, args: found.args })
}
