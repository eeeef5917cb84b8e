// `npm start`: build the web client if its sources changed, then run the server.
import { buildIfStale } from './build-if-stale.ts'

buildIfStale()
await import('../server/main.ts')
