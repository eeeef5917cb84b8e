import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** Serves the built web client: hashed assets, and index.html for every /app route. */
export async function serveSpa(app: FastifyInstance, clientDir: string): Promise<boolean> {
  const index = join(clientDir, 'index.html')
  if (!existsSync(index)) {
    app.log.warn({ clientDir }, 'web client not built: run `npm run build` (npm start does it for you)')
    return false
  }
  // Re-read index.html when a rebuild replaced it (npm run dev), so it never points at deleted assets.
  let html = readFileSync(index, 'utf8')
  let loadedAt = statSync(index).mtimeMs
  const currentHtml = () => {
    const mtime = statSync(index, { throwIfNoEntry: false })?.mtimeMs ?? loadedAt
    if (mtime !== loadedAt) {
      html = readFileSync(index, 'utf8')
      loadedAt = mtime
    }
    return html
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(currentHtml())
  app.get('/app', { schema: { hide: true } }, sendIndex)
  app.get('/app/*', { schema: { hide: true } }, sendIndex)
  app.get('/assets/*', { schema: { hide: true } }, async (req, reply) => {
    const rel = (req.params as { '*': string })['*']
    return reply.sendFile(join('assets', rel))
  })
  return true
}
