import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { OrganisationRole, ProgrammeRole, TokenScope } from '../../../shared/authz.ts'
import { type Actor, anonymousActor } from '../../platform/authz/actor.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db/client.ts'
import { DomainError } from '../../platform/errors.ts'
import type { Auth } from './auth.ts'

export const TOKEN_PREFIX = 'cas_'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Loads what a person may do: programme roles (with the two-factor rule) and memberships. */
export async function loadActor(
  db: Database,
  userId: string,
  via: { kind: 'user' } | { kind: 'token'; tokenId: string; scopes: TokenScope[] },
): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'disabled_at', 'two_factor_enabled'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) return null
  const grants = await db
    .selectFrom('programme_roles as r')
    .innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .select(['r.id', 'r.programme_id', 'r.role', 'r.cluster_id', 'p.require_operator_two_factor'])
    .where('r.user_id', '=', userId)
    .execute()
  const memberships = await db
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', userId)
    .execute()
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

/** Resolves the caller of an API request: a bearer token, a session cookie, or nobody. */
export function createActorResolver(deps: { db: Database; auth: Auth; clock: Clock }) {
  return async (req: FastifyRequest): Promise<{ actor: Actor; via: 'session' | 'token' | 'none' }> => {
    const authorization = req.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice(7).trim()
      const now = deps.clock.now()
      const row = token.startsWith(TOKEN_PREFIX)
        ? await deps.db
            .selectFrom('api_tokens')
            .select(['id', 'user_id', 'scopes', 'expires_at', 'revoked_at'])
            .where('token_hash', '=', hashToken(token))
            .executeTakeFirst()
        : undefined
      if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) {
        throw new DomainError('invalid_token', 'The API token is unknown, expired or revoked.')
      }
      await deps.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute()
      const actor = await loadActor(deps.db, row.user_id, {
        kind: 'token',
        tokenId: row.id,
        scopes: row.scopes as TokenScope[],
      })
      if (!actor) throw new DomainError('invalid_token')
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
