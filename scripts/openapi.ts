// `npm run openapi`: prints the OpenAPI 3.1 document generated from the zod contracts (no server needed).
import { buildApp } from '../server/app.ts'
import { loadConfig } from '../server/config/index.ts'
import { openDatabase } from '../server/platform/db/client.ts'

const config = loadConfig({ ...process.env, DATABASE_URL: 'memory://', LOG_LEVEL: 'silent', SEED_DEMO: 'false' })
const app = await buildApp({ config, database: await openDatabase({ kind: 'pglite-memory' }), renderer: null })
await app.http.ready()
process.stdout.write(`${JSON.stringify(app.http.swagger(), null, 2)}\n`)
await app.close()
