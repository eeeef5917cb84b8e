import { hydrateRoot } from 'react-dom/client'
import { createI18n } from '../../shared/i18n/index.ts'
import { PublicApp } from './PublicApp.tsx'
import type { HydrationData } from './pages.ts'

/**
 * Hydrates a server-rendered public page from the props the server embedded. They arrive as a JSON
 * <script type="application/json" id="cascade-props"> (data, not code, so a strict Content-Security-Policy
 * needs no inline-script exception) and are exposed as window.__CASCADE_PROPS__.
 */
const embedded = document.getElementById('cascade-props')?.textContent
if (embedded && !window.__CASCADE_PROPS__) window.__CASCADE_PROPS__ = JSON.parse(embedded) as HydrationData
const data = window.__CASCADE_PROPS__
const root = document.getElementById('root')
if (data && root) {
  hydrateRoot(root, <PublicApp data={data} i18n={createI18n(data.locale)} />, {
    onRecoverableError: (error) => console.warn('Hydration recovered:', error),
  })
}
