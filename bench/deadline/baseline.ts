// The baseline: how many single-row insert transactions per second the same database takes, at the
// same concurrency, when nothing else is done — each transaction inserts one row of the size of a
// submitted revision (its content, files and receipt, copied from a real one) and commits. The ratio
// submissions/s ÷ this rate says how much of the database's raw write rate a submission keeps.
import { sql } from 'kysely'
import type { Database } from '../../server/platform/db/client.ts'

export interface BaselineFigures {
  transactions: number
  ms: number
  txPerS: number
  rowBytes: number
  p50Ms: number
  p99Ms: number
}

export async function measureBaseline(
  db: Database,
  opts: { concurrency: number; transactions: number; callId: string },
): Promise<BaselineFigures> {
  const sample = await db
    .selectFrom('application_revisions as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .select(['r.application_id', 'r.content', 'r.files', 'r.digest', 'r.receipt', 'r.signature', 'r.key_id'])
    .where('a.call_id', '=', opts.callId)
    .limit(1)
    .executeTakeFirstOrThrow()
  const content = JSON.stringify(sample.content)
  const files = JSON.stringify(sample.files)
  const receipt = JSON.stringify(sample.receipt)
  await sql`create table if not exists bench_baseline (
    id bigserial primary key,
    application_id uuid not null,
    revision integer not null,
    content jsonb not null,
    files jsonb not null,
    digest text not null,
    receipt jsonb not null,
    signature text not null,
    key_id text not null,
    idempotency_key text,
    submitted_at timestamptz not null default now()
  )`.execute(db)
  // Warm-up (connections, plan cache), not counted.
  for (let i = 0; i < 20; i++) await insertOne(db, sample, content, files, receipt, -i)
  let next = 0
  const latencies: number[] = []
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      for (;;) {
        const n = next++
        if (n >= opts.transactions) return
        const t = performance.now()
        await insertOne(db, sample, content, files, receipt, n)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const ms = performance.now() - t0
  latencies.sort((a, b) => a - b)
  const at = (q: number) => Number((latencies[Math.ceil(q * latencies.length) - 1] ?? 0).toFixed(1))
  await sql`drop table bench_baseline`.execute(db)
  return {
    transactions: opts.transactions,
    ms,
    txPerS: (opts.transactions / ms) * 1000,
    rowBytes: content.length + files.length + receipt.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  }
}

function insertOne(
  db: Database,
  sample: { application_id: string; digest: string; signature: string; key_id: string },
  content: string,
  files: string,
  receipt: string,
  n: number,
) {
  return db.transaction().execute((tx) =>
    sql`insert into bench_baseline (application_id, revision, content, files, digest, receipt, signature, key_id, idempotency_key)
      values (${sample.application_id}, ${n}, ${content}::jsonb, ${files}::jsonb, ${sample.digest}, ${receipt}::jsonb,
        ${sample.signature}, ${sample.key_id}, ${`baseline-${n}`})`.execute(tx),
  )
}
