/**
 * The recommendation indexes, in memory: one matching-engine index per kind of document (organisations,
 * solutions, challenges, calls), built lazily on the first request that needs it and kept fresh.
 *
 * Freshness: every write of the platform is audited in its own transaction (recordAudit), and the audit
 * log's `seq` only grows. Each request first reads max(seq) — one index lookup — and, when it moved,
 * the subjects of the new events (a short window back as well, for transactions that committed out of
 * order): the organisations, solutions and challenges named there are read again and replaced in their
 * index (an organisation with its solutions, whose owner facts it carries; a removed row leaves its
 * index), and any call or challenge event reloads the calls (a handful). So a profile edit shows in the
 * very next recommendation. Writes that bypass the audit log (SQL by hand) show after a restart.
 *
 * Challenges and calls carry their programme and the queries keep to the asking programme: one index
 * serves every programme of the installation (there is one per installation today).
 */
import { sql } from 'kysely'
import type { Database } from '../../../../platform/db/client.ts'
import { MatchIndex } from '../../engine/index.ts'
import {
  type CallData,
  type ChallengeData,
  loadCalls,
  loadChallenges,
  loadOrganisations,
  loadSolutions,
  type OrganisationData,
  type RecDoc,
  type SolutionData,
} from './documents.ts'

export interface Indexes {
  organisations: MatchIndex<OrganisationData>
  solutions: MatchIndex<SolutionData>
  challenges: MatchIndex<ChallengeData>
  calls: MatchIndex<CallData>
}
export type Kind = keyof Indexes

/** How far back (in audit sequence numbers) each sync looks again, for late commits. */
const WINDOW = 64
const SUBJECTS = ['organisation', 'solution', 'challenge', 'call'] as const

function newIndex<D>(kind: Kind): MatchIndex<D> {
  return new MatchIndex<D>({
    fields: kind === 'organisations' ? { text: {} } : { title: { weight: 2 }, text: {} },
  })
}

function replaceAll<D>(index: MatchIndex<D>, docs: RecDoc<D>[], ids: readonly string[]): void {
  const found = new Set(docs.map((d) => d.id))
  for (const d of docs) index.upsert(d)
  for (const id of ids) if (!found.has(id)) index.remove(id)
}

export class RecommendationStore {
  readonly #db: Database
  readonly #indexes: Partial<Indexes> = {}
  readonly #builds = new Map<Kind, Promise<void>>()
  #seq: number | null = null
  #queue: Promise<void> = Promise.resolve()

  constructor(db: Database) {
    this.#db = db
  }

  /** The index of a kind, up to date with every audited write committed before this call. */
  async index<K extends Kind>(kind: K): Promise<Indexes[K]> {
    await this.sync()
    if (!this.#indexes[kind]) {
      let build = this.#builds.get(kind)
      if (!build) {
        // A failed build is forgotten, so that the next request tries again.
        build = this.#build(kind).catch((e: unknown) => {
          this.#builds.delete(kind)
          throw e
        })
        this.#builds.set(kind, build)
      }
      await build
    }
    return this.#indexes[kind]!
  }

  /** Applies the audited changes since the last look (one at a time: requests queue behind each other). */
  sync(): Promise<void> {
    const next = this.#queue.then(() => this.#sync())
    this.#queue = next.catch(() => undefined)
    return next
  }

  async #currentSeq(): Promise<number> {
    const r = await sql<{ seq: string | number | null }>`select max(seq) as seq from audit_events`.execute(this.#db)
    return Number(r.rows[0]?.seq ?? 0)
  }

  async #sync(): Promise<void> {
    const seq = await this.#currentSeq()
    if (this.#seq === null) {
      this.#seq = seq
      return
    }
    if (seq === this.#seq) return
    const events = await this.#db
      .selectFrom('audit_events')
      .select(['subject_type', 'subject_id'])
      .distinct()
      .where('seq', '>', String(Math.max(0, this.#seq - WINDOW)))
      .where('seq', '<=', String(seq))
      .where('subject_type', 'in', SUBJECTS)
      .execute()
    this.#seq = seq
    const ids = (type: string) => [
      ...new Set(events.filter((e) => e.subject_type === type && e.subject_id).map((e) => e.subject_id!)),
    ]
    const orgIds = ids('organisation')
    const solutionIds = ids('solution')
    const challengeIds = ids('challenge')
    const { organisations, solutions, challenges, calls } = this.#indexes
    if (organisations && orgIds.length) replaceAll(organisations, await loadOrganisations(this.#db, orgIds), orgIds)
    if (solutions && orgIds.length) {
      const owned = await loadSolutions(this.#db, { organisationIds: orgIds })
      for (const d of owned) solutions.upsert(d)
    }
    if (solutions && solutionIds.length) {
      replaceAll(solutions, await loadSolutions(this.#db, { ids: solutionIds }), solutionIds)
    }
    if (challenges && challengeIds.length) {
      replaceAll(challenges, await loadChallenges(this.#db, challengeIds), challengeIds)
    }
    if (calls && (challengeIds.length || events.some((e) => e.subject_type === 'call'))) {
      this.#indexes.calls = this.#fill('calls', await loadCalls(this.#db))
    }
  }

  #fill<K extends Kind>(kind: K, docs: RecDoc<unknown>[]): Indexes[K] {
    const index = newIndex(kind)
    index.addAll(docs)
    index.prepare()
    return index as Indexes[K]
  }

  async #build(kind: Kind): Promise<void> {
    const db = this.#db
    const from = await this.#currentSeq()
    const docs: RecDoc<unknown>[] =
      kind === 'organisations'
        ? await loadOrganisations(db)
        : kind === 'solutions'
          ? await loadSolutions(db)
          : kind === 'challenges'
            ? await loadChallenges(db)
            : await loadCalls(db)
    ;(this.#indexes as Record<Kind, unknown>)[kind] = this.#fill(kind, docs)
    // Events since the rows were read are looked at again by the next sync (reloading is idempotent).
    if (this.#seq !== null && this.#seq > from) this.#seq = from
  }

  /** Documents per kind built so far (for logs and the bench). */
  sizes(): Partial<Record<Kind, number>> {
    return Object.fromEntries(Object.entries(this.#indexes).map(([k, v]) => [k, v.size]))
  }
}

const stores = new WeakMap<Database, RecommendationStore>()

/** The store of a database (one per process and database). */
export function recommendationStore(db: Database): RecommendationStore {
  let s = stores.get(db)
  if (!s) {
    s = new RecommendationStore(db)
    stores.set(db, s)
  }
  return s
}
