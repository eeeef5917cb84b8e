/**
 * Shared pieces of the evaluation seed: the people who act in it (the demo operator, an expert, a member
 * of an applicant organisation) as actors of the commands, stable hashing for deterministic variation,
 * and moments relative to the seeding time.
 */
import type { Actor } from '../platform/authz/actor.ts'
import type { Database } from '../platform/db/client.ts'
import { seedId } from './ids.ts'

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** The demo operator (operator@securit.demo) as an operator of the programme, or nobody in particular. */
export async function operatorActor(db: Database, programmeId: string): Promise<Actor> {
  const user = await db.selectFrom('users').select('id').where('email', '=', 'operator@securit.demo').executeTakeFirst()
  return {
    kind: 'user',
    userId: user?.id ?? null,
    label: 'operator@securit.demo',
    disabled: false,
    twoFactorEnabled: true,
    programmeRoles: [{ id: 'seed', programmeId, role: 'operator', clusterId: null, effective: true }],
    memberships: new Map(),
    scopes: null,
    tokenId: null,
  }
}

/** An expert of the programme, signed in. */
export function expertActor(userId: string, email: string, programmeId: string): Actor {
  return {
    kind: 'user',
    userId,
    label: email,
    disabled: false,
    twoFactorEnabled: false,
    programmeRoles: [{ id: `seed-expert-${userId}`, programmeId, role: 'expert', clusterId: null, effective: true }],
    memberships: new Map(),
    scopes: null,
    tokenId: null,
  }
}

/** A person of an applicant organisation (owner), for the applicant's commands. */
export function memberActor(userId: string | null, email: string, organisationId: string): Actor {
  return {
    kind: 'user',
    userId,
    label: email,
    disabled: false,
    twoFactorEnabled: false,
    programmeRoles: [],
    memberships: new Map([[organisationId, 'owner']]),
    scopes: null,
    tokenId: null,
  }
}

/** A stable number in [0, 1) from a key: the seed's "randomness" is the same on every machine and run. */
export function unit(key: string): number {
  const hex = seedId(`evaluation-noise:${key}`).replace(/-/g, '').slice(0, 12)
  return Number.parseInt(hex, 16) / 2 ** 48
}

/** Picks one of `list` by key, stably. */
export function pick<T>(list: readonly T[], key: string): T {
  return list[Math.floor(unit(key) * list.length)]!
}

/** A score clamped to the scale and rounded to its step. */
export function onScale(x: number, min = 0, max = 5, step = 0.5): number {
  const r = Math.round((x - min) / step) * step + min
  return Math.min(max, Math.max(min, Number(r.toFixed(4))))
}
