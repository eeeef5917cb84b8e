import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import type { OrganisationRole, ProgrammeRole, TokenScope } from '../../../shared/authz.ts'
import { type Actor, anonymousActor } from '../../platform/authz/actor.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db/client.ts'
import { DomainError } from '../../platform/errors.ts'
import type { Auth } from './auth.ts'

export const TOKEN_PREFIX = 'cas_'

/** How fresh `api_tokens.last_used_at` is kept. */
const LAST_USED_RESOLUTION_MS = 60_000

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

interface GrantRow {
  id: string
  programme_id: string
  role: string
  cluster_id: string | null
  require_operator_two_factor: boolean
}
interface MembershipRow {
  organisation_id: string
  role: string
}

const jsonOf = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * A person with their programme roles and memberships, in one statement (it runs on every API
 * request: one round trip instead of three).
 */
function selectPerson(db: Database) {
  return db.selectFrom('users as u').select([
    'u.id',
    'u.email',
    'u.disabled_at',
    'u.two_factor_enabled',
    sql<GrantRow[]>`(select coalesce(json_agg(json_build_object('id', r.id, 'programme_id', r.programme_id,
        'role', r.role, 'cluster_id', r.cluster_id, 'require_operator_two_factor', p.require_operator_two_factor)),
        '[]'::json) from programme_roles r join programmes p on p.id = r.programme_id where r.user_id = u.id)`.as(
      'grants',
    ),
    sql<MembershipRow[]>`(select coalesce(json_agg(json_build_object('organisation_id', m.organisation_id,
        'role', m.role)), '[]'::json) from memberships m where m.user_id = u.id)`.as('memberships'),
  ])
}
type PersonRow = Awaited<ReturnType<ReturnType<typeof selectPerson>['executeTakeFirstOrThrow']>>

function actorOf(
  user: PersonRow,
  via: { kind: 'user' } | { kind: 'token'; tokenId: string; scopes: TokenScope[] },
): Actor {
  const grants = jsonOf<GrantRow[]>(user.grants)
  const memberships = jsonOf<MembershipRow[]>(user.memberships)
  return {
    kind: via.kind,
    userId: user.id,
    label: user.email,
    disabled: user.disabled_at !== null,
    twoFactorEnabled: user.two_factor_enabled,
    programmeRoles: grants.map((g) => ({
      id: g.id,
      programmeId: g.programme_id,
      role: g.role as ProgrammeRole,
      clusterId: g.cluster_id,
      effective: !(g.role === 'operator' && g.require_operator_two_factor && !user.two_factor_enabled),
    })),
    memberships: new Map(memberships.map((m) => [m.organisation_id, m.role as OrganisationRole])),
    scopes: via.kind === 'token' ? new Set(via.scopes) : null,
    tokenId: via.kind === 'token' ? via.tokenId : null,
  }
}

/** Loads what a person may do: programme roles (with the two-factor rule) and memberships. */
export async function loadActor(
  db: Database,
  userId: string,
  via: { kind: 'user' } | { kind: 'token'; tokenId: string; scopes: TokenScope[] },
): Promise<Actor | null> {
  const user = await selectPerson(db).where('u.id', '=', userId).executeTakeFirst()
  return user ? actorOf(user, via) : null
}

/** Resolves the caller of an API request: a bearer token, a session cookie, or nobody. */
export function createActorResolver(deps: { db: Database; auth: Auth; clock: Clock }) {
  return async (req: FastifyRequest): Promise<{ actor: Actor; via: 'session' | 'token' | 'none' }> => {
    const authorization = req.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice(7).trim()
      const now = deps.clock.now()
      // The token and its owner with their roles, in one statement.
      const row = token.startsWith(TOKEN_PREFIX)
        ? await selectPerson(deps.db)
            .innerJoin('api_tokens as t', 't.user_id', 'u.id')
            .select(['t.id as token_id', 't.scopes', 't.expires_at', 't.revoked_at', 't.last_used_at'])
            .where('t.token_hash', '=', hashToken(token))
            .executeTakeFirst()
        : undefined
      if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) {
        throw new DomainError('invalid_token', 'The API token is unknown, expired or revoked.')
      }
      // "Last used" to the minute: a token used in a burst is written once a minute, not on every
      // request (each write is a commit of its own); the condition keeps concurrent requests from all writing.
      const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS)
      if (!row.last_used_at || new Date(row.last_used_at) < stale) {
        await deps.db
          .updateTable('api_tokens')
          .set({ last_used_at: now })
          .where('id', '=', row.token_id)
          .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', stale)]))
          .execute()
      }
      const actor = actorOf(row, { kind: 'token', tokenId: row.token_id, scopes: row.scopes as TokenScope[] })
      return { actor, via: 'token' }
    }
    if (req.headers.cookie?.includes('cascade.session_token')) {
      const headers = new Headers()
      headers.set('cookie', req.headers.cookie)
      const session = await deps.auth.api.getSession({ headers })
      if (session) {
        const actor = await loadActor(deps.db, session.user.id, { kind: 'user' })
        if (actor && !actor.disabled) return { actor, via: 'session' }
      }
    }
    return { actor: anonymousActor, via: 'none' }
  }
}
