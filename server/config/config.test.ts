import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError, loadConfig } from './index.ts'

const secret = 'x'.repeat(40)

test('defaults: embedded database under ./data, port 3000, demo seeded', () => {
  const c = loadConfig({ AUTH_SECRET: secret })
  assert.equal(c.port, 3000)
  assert.equal(c.publicUrl, 'http://localhost:3000')
  assert.equal(c.database.kind, 'pglite')
  assert.match((c.database as { dataDir: string }).dataDir, /data\/pglite$/)
  assert.equal(c.seedDemo, true)
})

test('DATABASE_URL selects the PostgreSQL server; memory:// a throw-away embedded database', () => {
  const pg = loadConfig({ AUTH_SECRET: secret, DATABASE_URL: 'postgres://u:p@db:5432/cascade', DB_POOL_SIZE: '4' })
  assert.deepEqual(pg.database, { kind: 'postgres', url: 'postgres://u:p@db:5432/cascade', poolSize: 4 })
  assert.deepEqual(loadConfig({ AUTH_SECRET: secret, DATABASE_URL: 'memory://' }).database, { kind: 'pglite-memory' })
})

test('bad values stop the boot with one readable line per variable', () => {
  assert.throws(
    () => loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x', AUTH_SECRET: secret }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError)
      const lines = err.message.split('\n')
      assert.equal(lines[0], 'Invalid configuration:')
      assert.deepEqual(
        lines.slice(1).map((l) => l.trim().split(':')[0]),
        ['PORT', 'DATABASE_URL', 'SMTP_URL'],
      )
      return true
    },
  )
})

test('a shared AUTH_SECRET is required with a PostgreSQL server and in production', () => {
  assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://db/cascade' }), /AUTH_SECRET: required with DATABASE_URL/)
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'memory://' }),
    /AUTH_SECRET: required when NODE_ENV=production/,
  )
  assert.throws(() => loadConfig({ AUTH_SECRET: 'short' }), /AUTH_SECRET: must be at least 32 characters/)
})
