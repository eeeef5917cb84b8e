import type { Server } from 'node:http'

/**
 * Counts the requests the HTTP server is answering (from arrival until the response is finished or
 * the connection closes). The job worker asks it to let background work wait while people wait.
 */
export function trackInFlight(server: Server): () => number {
  let inFlight = 0
  server.on('request', (_req, res) => {
    inFlight++
    res.once('close', () => {
      inFlight--
    })
  })
  return () => inFlight
}
