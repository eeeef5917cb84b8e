import type { Actor } from '../../../platform/authz/actor.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import { type Instants, type LocalSchedule, resolveSchedule } from '../domain/schedule.ts'

/** The instants of the stated local times, or 400 with every field error (`local_time_missing`, order). */
export function instantsOrThrow(s: LocalSchedule): Instants {
  const r = resolveSchedule(s)
  if ('errors' in r) {
    throw new DomainError('validation_failed', r.errors[0]?.message ?? 'Invalid schedule.', {}, r.errors)
  }
  return r.instants
}

/** Only published challenges of the call's programme may be in scope; ones already linked may stay. */
export async function checkChallenges(tx: Tx, programmeId: string, ids: string[], keep: string[] = []) {
  const u = [...new Set(ids)]
  if (u.length === 0) return u
  const found = await tx
    .selectFrom('challenges')
    .select(['id', 'status'])
    .where('id', 'in', u)
    .where('programme_id', '=', programmeId)
    .execute()
  const ok = new Set(found.filter((c) => c.status === 'published' || keep.includes(c.id)).map((c) => c.id))
  const bad = u.findIndex((id) => !ok.has(id))
  if (bad >= 0) {
    throw fieldError(`challengeIds.${bad}`, 'unknown_challenge', 'Choose published challenges of the programme.')
  }
  return u
}

const codeTaken = (code: string) =>
  new DomainError('call_code_taken', `A call with code ${code} exists already.`, { callCode: code }, [
    { path: 'code', code: 'call_code_taken', message: 'This code is taken.' },
  ])

/** A call's code is unique in its programme (409 `call_code_taken`). */
export async function checkCode(tx: Tx, programmeId: string, code: string, exceptId?: string): Promise<void> {
  let q = tx.selectFrom('calls').select('id').where('programme_id', '=', programmeId).where('code', '=', code)
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw codeTaken(code)
}

/** A concurrent write can still hit the unique index (programme, code): report it the same way. */
export function asCodeConflict(err: unknown, code: string): unknown {
  const e = err as { code?: string; constraint?: string; message?: string }
  const index = 'calls_programme_id_code_key'
  if (e?.code === '23505' && (e.constraint === index || e.message?.includes(index))) return codeTaken(code)
  return err
}

/** The programme a new call belongs to: the one named, else the caller's (as operator), else the first. */
export async function programmeFor(tx: Tx, actor: Actor, programmeId: string | undefined): Promise<string> {
  if (programmeId) {
    const p = await tx.selectFrom('programmes').select('id').where('id', '=', programmeId).executeTakeFirst()
    if (!p) throw fieldError('programmeId', 'unknown_programme', 'No such programme.')
    return p.id
  }
  const own = actor.programmeRoles.find((g) => g.role === 'operator' && g.effective)
  if (own) return own.programmeId
  const first = await tx.selectFrom('programmes').select('id').orderBy('created_at').limit(1).executeTakeFirst()
  if (!first) throw fieldError('programmeId', 'unknown_programme', 'No programme exists yet.')
  return first.id
}

/** Replaces the challenges in scope of a call. */
export async function replaceChallenges(tx: Tx, callId: string, ids: string[]): Promise<void> {
  await tx.deleteFrom('challenge_calls').where('call_id', '=', callId).execute()
  if (ids.length > 0) {
    await tx
      .insertInto('challenge_calls')
      .values(ids.map((challenge_id) => ({ challenge_id, call_id: callId })))
      .execute()
  }
}

export async function challengeIdsOf(tx: Tx, callId: string): Promise<string[]> {
  const rows = await tx.selectFrom('challenge_calls').select('challenge_id').where('call_id', '=', callId).execute()
  return rows.map((r) => r.challenge_id).sort()
}
