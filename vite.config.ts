import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type UserConfig } from 'vite'

/**
 * Two builds from one config (see package.json "build"):
 *  - client (`vite build`): the single-page app (web/index.html → web/app/main.tsx, served under /app/*) and
 *    the hydration entry of the server-rendered public pages (web/public/entry-client.tsx), with a
 *    manifest at dist/client/.vite/manifest.json that server/platform/ssr reads to find the CSS and script.
 *  - SSR (`vite build --ssr`): web/public/entry-server.tsx → dist/ssr/entry-server.js, imported by
 *    server/platform/ssr to render public pages to HTML. React, i18next and zod stay external
 *    (node_modules); Mantine and the icons are bundled.
 *
 * Development: `npm run dev` runs Fastify and rebuilds both bundles with `vite build --watch` (the server
 * restarts when dist/ssr changes). We chose the watch build over Vite's middleware mode: the server serves
 * exactly what production serves, with no second code path; a browser reload picks up a change.
 */
const repoRoot = import.meta.dirname
const webRoot = resolve(repoRoot, 'web')
const out = (dir: string) => resolve(repoRoot, 'dist', dir)

function clientConfig(): UserConfig {
  return {
    root: webRoot,
    base: '/',
    publicDir: false,
    plugins: [react()],
    build: {
      outDir: out('client'),
      emptyOutDir: true,
      manifest: true,
      sourcemap: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: {
          app: resolve(webRoot, 'index.html'),
          public: resolve(webRoot, 'public/entry-client.tsx'),
        },
      },
    },
  }
}

/**
 * The SSR build runs from the repository root, so that both `vite build --ssr` and
 * `vite build --ssr web/public/entry-server.tsx --outDir dist/ssr` (paths relative to the repository) work.
 */
function ssrConfig(): UserConfig {
  return {
    root: repoRoot,
    base: '/',
    publicDir: false,
    plugins: [react()],
    build: {
      ssr: resolve(webRoot, 'public/entry-server.tsx'),
      outDir: out('ssr'),
      emptyOutDir: true,
      copyPublicDir: false,
      rolldownOptions: {
        input: { 'entry-server': resolve(webRoot, 'public/entry-server.tsx') },
        output: { entryFileNames: 'entry-server.js', format: 'es' },
      },
    },
    ssr: {
      // Bundle the UI libraries (tree-shaken icons, no CSS-module stubs at run time).
      noExternal: [/^@mantine\//, /^@tabler\//],
    },
  }
}

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? ssrConfig() : clientConfig()))
